"""The command line: build and inspect, and one-line errors with hints for bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED

META_KEYS = {"title", "dek", "authors", "publication", "date", "dateline", "lang", "url", "identifier"}
BLOCK_TYPES = {"paragraph", "heading", "blockquote", "list", "image", "rule"}


def layout(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the installed CLI as a user would, in a subprocess."""
    return subprocess.run([sys.executable, "-m", "layout", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def test_inspect_json_interface():
    run = layout("inspect", str(SEED), "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert META_KEYS <= set(data["meta"])
    assert data["blocks"] and all({"id", "type", "text"} <= set(b) for b in data["blocks"])
    assert {b["type"] for b in data["blocks"]} <= BLOCK_TYPES
    assert len({b["id"] for b in data["blocks"]}) == len(data["blocks"])
    assert all({"text", "reason"} == set(d) for d in data["dropped"])


def test_inspect_summary_shows_dropped_lines():
    run = layout("inspect", str(SEED))
    assert run.returncode == 0, run.stderr
    assert "Ukraine fired six U.S. long-range missiles, Russia says" in run.stdout
    assert "Recommended Videos" in run.stdout and "lines dropped" in run.stdout


def test_build_defaults_to_source_folder(tmp_path):
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "seed.txt").write_bytes(SEED.read_bytes())
    run = layout("build", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in (tmp_path / "dist").iterdir()) == [".layout", "seed.epub", "seed.pdf"]


def test_build_html_format(tmp_path):
    run = layout("build", str(SEED), "-o", str(tmp_path), "--format", "html")
    assert run.returncode == 0, run.stderr
    html = (tmp_path / "ukraine-atacms.html").read_text()
    assert 'href="ukraine-atacms_files/clipping/print.css"' in html
    assert (tmp_path / "ukraine-atacms_files" / "fonts" / "SourceSerif4-Regular.ttf").is_file()


BAD_INPUTS = {
    "empty.txt": b"",
    "blank.txt": b"  \n\n \t\n",
    "binary.txt": bytes(range(256)) * 8,
    "broken.txt": "Titel\n\nGrüße aus Köln, schöne Straße.\n".encode() + b"\xff\xfe broken \xc3(",
    "only-boilerplate.txt": b"Advertisement\n\nRecommended Videos\n\nRelated Posts\n\nThis will close in 0 seconds\n",
}


def assert_one_line_error(run: subprocess.CompletedProcess, out: Path | None = None) -> None:
    assert run.returncode != 0
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith("error: ") and lines[1].startswith("hint: "), run.stderr
    assert "Traceback" not in run.stderr and "unexpected" not in run.stderr, "a crash, not a reported error"
    if out is not None:
        assert not out.exists() or not any(out.rglob("*")), "a failed build left files behind"


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gives_one_line_error(tmp_path, name):
    source = tmp_path / name
    source.write_bytes(BAD_INPUTS[name])
    out = tmp_path / "dist"
    assert_one_line_error(layout("build", str(source), "-o", str(out)), out)


def test_missing_path(tmp_path):
    assert_one_line_error(layout("build", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "dist")),
                          tmp_path / "dist")


def test_unknown_format(tmp_path):
    run = layout("build", str(SEED), "-o", str(tmp_path / "dist"), "--format", "pdf,docx")
    assert_one_line_error(run, tmp_path / "dist")
    assert "docx" in run.stderr


def test_unknown_theme(tmp_path):
    assert_one_line_error(layout("build", str(SEED), "-o", str(tmp_path / "d"), "--theme", "nope"), tmp_path / "d")


def test_unknown_suffix(tmp_path):
    source = tmp_path / "article.docx"
    source.write_bytes(b"PK\x03\x04")
    assert_one_line_error(layout("inspect", str(source)))


def test_failed_build_keeps_earlier_outputs(tmp_path):
    out = tmp_path / "dist"
    assert layout("build", str(SEED), "-o", str(out), "--format", "epub").returncode == 0
    before = (out / "ukraine-atacms.epub").read_bytes()
    broken = tmp_path / "ukraine-atacms.txt"
    broken.write_bytes(b"")
    assert_one_line_error(layout("build", str(broken), "-o", str(out), "--format", "epub"))
    assert (out / "ukraine-atacms.epub").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == [".layout", "ukraine-atacms.epub"]


def test_unwritable_output(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    run = layout("build", str(SEED), "-o", str(blocker / "dist"))
    assert_one_line_error(run)
    assert "cannot write" in run.stderr
    assert blocker.read_text() == "not a folder"


def test_a_title_for_several_articles_is_refused(tmp_path):
    sample = ROOT / "source" / "markdown-sample.md"
    run = layout("build", str(SEED), str(sample), "--title", "One title", "-o", str(tmp_path))
    assert run.returncode != 0
    assert run.stderr.splitlines()[0].startswith("error: --title names one article")
    assert run.stderr.splitlines()[1].startswith("hint:") and "Traceback" not in run.stderr
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("paper", ["b9", "50x50mm", "2000x300mm"])
def test_unusable_paper(tmp_path, paper):
    run = layout("build", str(SEED), "-o", str(tmp_path / "dist"), "--paper", paper)
    assert_one_line_error(run, tmp_path / "dist")
    assert paper in run.stderr


@pytest.mark.parametrize("args", [("bogus",), ("build", "--bogus"), ("inspect",), ("build", "-j", "abc"),
                                  ("build", "-j", "-3")])
def test_usage_mistakes_are_usage_errors(args):
    run = layout(*args)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith("error: ") and lines[1].startswith("hint: ") and "--help" in lines[1]
    assert "unexpected" not in run.stderr and "Traceback" not in run.stderr


def test_layout_alone_prints_its_help():
    run = layout()
    assert run.returncode == 0 and "build" in run.stdout and not run.stderr.strip()
