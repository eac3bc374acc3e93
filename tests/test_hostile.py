"""Hostile and broken input: each build succeeds, or fails with one error and one hint and leaves OUT as it was."""

from __future__ import annotations

import codecs
import json
import re
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from conftest import ROOT, body_text, pdftotext, require, squash
from layout import readers
from test_cli import assert_one_line_error, layout

TITLE = "Council votes on the bridge"
PARAGRAPHS = (
    "The town council met on Tuesday evening and voted to repair the old bridge over the river this summer.",
    "Größe und Kosten der Brücke were debated for two hours, and the café owners asked for a footpath.",
    "Work will start in June, the mayor said, and the road will stay open to buses during the repairs.",
    "A second vote, on the library's opening hours, was put off until the council meets again next month.",
)
MARKER = "hostile-marker-5f0c2a"  # the content of the files a build must never read


def article(title: str = TITLE, end: str = "\n") -> str:
    """A plain-text article: the title, then the paragraphs, lines ended with `end`."""
    return end.join([title, "", *"\n\n".join(PARAGRAPHS).split("\n"), ""])


def html_page(body: str, head: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{TITLE}</title>{head}</head>'
            f"<body><article><h1>{TITLE}</h1>{paragraphs}{body}</article></body></html>")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden ones too) with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def refused(source: Path, *args: str) -> subprocess.CompletedProcess:
    """Build `source` into a folder holding earlier outputs of the same name; the build must fail cleanly."""
    out = source.parent / "out"
    out.mkdir(exist_ok=True)
    for suffix in (".pdf", ".epub"):
        (out / (source.stem + suffix)).write_bytes(b"an earlier build")
    before = snapshot(out)
    run = layout("build", str(source), "-o", str(out), *args)
    assert_one_line_error(run)
    assert snapshot(out) == before, "a failed build changed the output folder"
    return run


def built(source: Path, formats: str = "pdf", *args: str) -> Path:
    """Build `source`; it must succeed and write every format; return the output folder."""
    out = source.parent / "out"
    run = layout("build", str(source), "-o", str(out), "--format", formats, *args)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    for name in formats.split(","):
        assert (out / f"{source.stem}.{name}").is_file()
    return out


def inspect(source: Path) -> dict:
    run = layout("inspect", str(source), "--json")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def texts(model: dict) -> list[str]:
    return [model["meta"]["title"], model["meta"]["dek"], *(b["text"] for b in model["blocks"])]


def png(width: int, height: int) -> bytes:
    """A small red PNG with the marker in a text chunk."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    pixels = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"tEXt", b"Comment\x00" + MARKER.encode()) + chunk(b"IDAT", zlib.compress(pixels))
            + chunk(b"IEND", b""))


# --- refused with one error line -----------------------------------------------------------------

BROKEN = {
    "empty.txt": (b"", "empty"),
    "empty.md": (b"", "empty"),
    "empty.html": (b"", "empty"),
    "blank.txt": (b"  \n\t\r\n \n", "empty"),
    "blank.md": (b"\n\n   \n", "empty"),
    "blank.html": (b" \r\n\t", "empty"),
    "binary.txt": (png(4, 4) + bytes(range(256)), "binary"),
    "binary.html": (zlib.compress(bytes(range(256)) * 16), "binary"),
    "nul.md": (f"# {TITLE}\n\n{PARAGRAPHS[0]}\x00\x00{PARAGRAPHS[1]}\n".encode(), "binary"),
    "nul.html": (html_page("<p>\x00\x00\x00</p>").encode(), "binary"),
    "broken-utf8.txt": (article().encode() + b"\xff\xfe and then " + "Straße".encode(), "not valid UTF-8"),
    "broken-utf16.txt": (codecs.BOM_UTF16_LE + article().encode("utf-16-le") + b"\x00\xd8", "utf-16"),
    "bom-only.txt": (codecs.BOM_UTF8, "empty"),
    "bom-only.html": (codecs.BOM_UTF8, "empty"),
    "bom-blank.html": (codecs.BOM_UTF16_BE + " \n \n".encode("utf-16-be"), "empty"),
    "unicode-blank.md": ("\u00a0\u2003\n\u3000\n\u200b\ufeff\n".encode(), "empty"),
    "unicode-blank.html": ("\u00a0\u2003\n\u3000\n\u200b\n".encode(), "empty"),
    "comment-only.html": (b"<!-- nothing here -->", "not an HTML page"),
    "svg-only.html": (b"<svg xmlns='http://www.w3.org/2000/svg'><image href='file:///etc/passwd'/></svg>",
                      "not an HTML page"),
    "no-body.html": (f"<html><head><title>{TITLE}</title><script>var a = 1;</script></head></html>".encode(),
                     "no article text"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_input_is_refused_with_one_error(tmp_path, name):
    data, reason = BROKEN[name]
    source = tmp_path / name
    source.write_bytes(data)
    assert reason in refused(source).stderr


def test_oversized_file_is_refused_quickly_naming_the_limit(tmp_path):
    from layout.readers.decode import MAX_BYTES

    source = tmp_path / "huge.txt"
    source.write_bytes((article() + "\n").encode() * (20 * 2**20 // len(article().encode())))
    assert source.stat().st_size > MAX_BYTES
    started = time.perf_counter()
    run = refused(source)
    assert time.perf_counter() - started < 10
    assert f"{MAX_BYTES // 2**20} MB" in run.stderr.splitlines()[0]


@pytest.mark.parametrize("front, line", [("title: A\nauthor: [unclosed\ndate: 2024-05-01\n", 4),
                                         ("title: A\n  bad: indent: here\n", 3)])
def test_malformed_front_matter_names_the_line(tmp_path, front, line):
    source = tmp_path / "front.md"
    source.write_text(f"---\n{front}---\n\n" + "\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    error = refused(source).stderr.splitlines()[0]
    assert f"line {line}" in error and "front" in error


def laughs(levels: int = 6) -> str:
    """YAML whose last anchor, expanded, is 9**levels strings ("billion laughs"); `*top` refers to it."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{n}: &{'top' if n == levels else f'l{n}'} [{', '.join([f'*l{n - 1}'] * 9)}]"
              for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def test_yaml_alias_bomb_in_front_matter_is_refused(tmp_path):
    source = tmp_path / "laughs.md"
    source.write_text(f"---\n{laughs()}dek: *top\ntitle: {TITLE}\n---\n\n" + "\n\n".join(PARAGRAPHS),
                      encoding="utf-8")
    run = layout("inspect", str(source))  # inspect, not build: laying out what the bomb expands to takes minutes
    assert_one_line_error(run)
    assert "laughs line 3:" in run.stderr and "alias" in run.stderr  # the first `*l0`


def test_yaml_alias_bomb_in_sidecar_is_refused(tmp_path):
    source = tmp_path / "laughs.txt"
    source.write_text(article(), encoding="utf-8")
    (tmp_path / "laughs.yml").write_text(f"{laughs()}dek: *top\n", encoding="utf-8")
    run = layout("inspect", str(source))  # inspect, not build: the build lays out a 3.7 MB dek for minutes
    assert_one_line_error(run)


def test_symlink_to_a_file_outside_the_folder_is_refused(tmp_path):
    (tmp_path / "outside.txt").write_text(article(), encoding="utf-8")
    folder = tmp_path / "source"
    folder.mkdir()
    (folder / "linked.txt").symlink_to(tmp_path / "outside.txt")
    assert "outside its folder" in refused(folder / "linked.txt").stderr


# --- decoded and built ---------------------------------------------------------------------------

ENCODED = {
    "bom-utf8.txt": codecs.BOM_UTF8 + article().encode(),
    "bom-utf16le.txt": codecs.BOM_UTF16_LE + article().encode("utf-16-le"),
    "bom-utf16be.txt": codecs.BOM_UTF16_BE + article().encode("utf-16-be"),
    "crlf.txt": article(end="\r\n").encode(),
    "cr.txt": article(end="\r").encode(),
    "bom-utf8.md": codecs.BOM_UTF8 + f"# {TITLE}\r\n\r\n".encode() + "\r\n\r\n".join(PARAGRAPHS).encode(),
}


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_encodings_and_line_ends_read_as_utf8_with_lf(tmp_path, name):
    source = tmp_path / name
    source.write_bytes(ENCODED[name])
    plain = tmp_path / f"plain{source.suffix}"
    plain.write_bytes(ENCODED[name].decode("utf-8-sig" if b"\x00" not in ENCODED[name] else "utf-16")
                      .lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").encode())
    assert texts(inspect(source)) == texts(inspect(plain))
    if name in ("bom-utf16be.txt", "cr.txt"):  # one build each for a BOM and for the line ends suffices
        built(source)


def test_cp1252_is_detected_and_reported(tmp_path):
    source = tmp_path / "legacy.txt"
    source.write_bytes(article().replace("Größe", "“Größe”").encode("cp1252"))
    out = source.parent / "out"
    run = layout("build", str(source), "-o", str(out), "--format", "pdf")
    assert run.returncode == 0, run.stderr
    assert [line for line in run.stderr.splitlines() if line.startswith("WARNING") and "cp1252" in line]
    assert "“Größe”" in pdftotext(out / "legacy.pdf")


def test_five_thousand_character_word_builds(tmp_path):
    word = "Mississippi" * 455  # no letter pair a font sets as a ligature (fi, ff...), so the text reads back
    assert len(word) >= 5000
    source = tmp_path / "long.txt"
    source.write_text(article().replace("this summer.", f"this summer: {word}."), encoding="utf-8")
    out = built(source)
    assert squash(word) in squash("".join(body_text(out / "long.pdf", readers.read(source))))


def test_wide_table_is_dropped_with_a_record(tmp_path):
    cells = "".join(f"<td>c{i}</td>" for i in range(500))
    source = tmp_path / "table.html"
    source.write_text(html_page(f"<table><tr>{cells}</tr><tr>{cells}</tr></table>"), encoding="utf-8")
    tables = [d["text"] for d in inspect(source)["dropped"] if d["reason"].startswith("table too wide")]
    assert len(tables) == 1 and "c0 | c1" in tables[0] and "c499" in tables[0]
    built(source)


def test_names_with_spaces_and_other_scripts(tmp_path):
    folder = tmp_path / "source"
    folder.mkdir()
    (folder / "статья номер 1.md").write_text(f"# {TITLE}\n\n" + "\n\n".join(PARAGRAPHS), encoding="utf-8")
    (folder / "記事 2.txt").write_text(article(), encoding="utf-8")
    out = tmp_path / "out"
    run = layout("build", str(folder / "статья номер 1.md"), str(folder / "記事 2.txt"), "-o", str(out))
    assert run.returncode == 0, run.stdout + run.stderr
    assert {p.name for p in out.iterdir()} == {".layout", "статья номер 1.pdf", "статья номер 1.epub", "記事 2.pdf",
                                               "記事 2.epub"}


def test_markdown_images_outside_the_folder_are_dropped(tmp_path):
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    (tmp_path / "secret.png").write_bytes(png(37, 23))
    source = folder / "images.md"
    source.write_text(f"# {TITLE}\n\n{PARAGRAPHS[0]}\n\n![up](../../secret.png)\n\n![abs]({tmp_path / 'secret.png'})"
                      f"\n\n![etc](/etc/hostname)\n\n" + "\n\n".join(PARAGRAPHS[1:]), encoding="utf-8")
    model = inspect(source)
    assert {(d["text"], d["reason"]) for d in model["dropped"]} == {
        ("../../secret.png", "image outside the article's folder"),
        (str(tmp_path / "secret.png"), "absolute image path"), ("/etc/hostname", "absolute image path")}
    assert not [b for b in model["blocks"] if b["type"] == "image"]
    out = built(source, "pdf,epub")
    assert MARKER.encode() not in pdf_bytes(out / "images.pdf") + epub_bytes(out / "images.epub")


# --- nothing read from outside, nothing fetched --------------------------------------------------

SYSTEM_FILES = (Path("/etc/passwd"), Path("/etc/hostname"))


def secrets() -> list[bytes]:
    """Byte strings that appear in an output only if a system file or a planted secret was read into it."""
    found = [MARKER.encode()]
    for path in SYSTEM_FILES:
        lines = path.read_bytes().splitlines() if path.is_file() else []
        found += [line.strip() for line in lines if len(line.strip()) >= 8]  # shorter ones match by chance
    return found


def pdf_bytes(path: Path) -> bytes:
    """The PDF with every stream decompressed (qpdf's QDF form), and its extracted text."""
    expanded = path.with_suffix(".qdf.pdf")
    subprocess.run([require("qpdf"), "--qdf", "--object-streams=disable", str(path), str(expanded)], check=True)
    return expanded.read_bytes() + pdftotext(path).encode()


def epub_bytes(path: Path) -> bytes:
    with zipfile.ZipFile(path) as book:
        return b"".join(book.read(name) for name in book.namelist())


def embedded_files(path: Path) -> list[str]:
    """What the PDF carries as files: the catalog's /EmbeddedFiles names and file attachment annotations."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    names = reader.trailer["/Root"].get("/Names")
    found = ["/EmbeddedFiles"] if names is not None and "/EmbeddedFiles" in names.get_object() else []
    found += ["/AF"] if "/AF" in reader.trailer["/Root"] else []
    for page in reader.pages:
        annotations = page.get("/Annots")
        for annotation in annotations.get_object() if annotations is not None else []:
            if annotation.get_object().get("/Subtype") == "/FileAttachment":
                found.append("/FileAttachment")
    return found


def hostile_page(folder: Path, planted: Path) -> Path:
    """A saved page pointing at system files and a planted secret in every way HTML and CSS allow."""
    targets = [Path("/etc/passwd").as_uri(), Path("/etc/hostname").as_uri(), planted.as_uri()]
    head = "".join(f'<link rel="attachment" href="{t}"><link rel="stylesheet" href="{t}">' for t in targets)
    head += "<style>" + "".join(f"body {{ background: url({t}) }} @import url({t});" for t in targets) + "</style>"
    head += f"<script>fetch('{targets[0]}')</script>"
    body = "".join(f'<img src="{t}" alt="x"><iframe src="{t}"></iframe><object data="{t}"></object>'
                   f'<embed src="{t}"><a rel="attachment" href="{t}">attached</a>' for t in targets)
    body += ('<img src="http://127.0.0.1:9/x.png" alt="port nine"><img src="/etc/hostname" alt="rooted">'
             f'<p style="background-image: url({targets[0]})">{PARAGRAPHS[0]} Again, with a style.</p>'
             f'<p>See <a href="{targets[0]}">the file</a>, and {PARAGRAPHS[2][0].lower()}{PARAGRAPHS[2][1:]}</p>')
    source = folder / "hostile.html"
    source.write_text(html_page(body, head), encoding="utf-8")
    return source


def test_hostile_html_builds_without_reading_outside_files(tmp_path):
    planted = tmp_path / "planted.txt"
    planted.write_text(MARKER)
    folder = tmp_path / "article"
    folder.mkdir()
    out = built(hostile_page(folder, planted), "pdf,epub")
    pdf = pdf_bytes(out / "hostile.pdf")
    leaked = [s for s in secrets() if s in pdf + epub_bytes(out / "hostile.epub")]
    assert leaked == [], leaked
    assert embedded_files(out / "hostile.pdf") == []
    assert b"/Subtype /Image" not in pdf


# A fresh interpreter runs the CLI with an audit hook that logs every file opened, every URL requested and
# every socket call (refusing those), so the test sees what the build tried. Native libraries' own file and
# socket calls are not audited; every file the writers load goes through Python (layout.fetcher).
GUARDED = r"""
import atexit, json, runpy, sys
log = open(sys.argv.pop(1), "w", encoding="utf-8")
atexit.register(log.flush)
NETWORK = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "socket.sendto")
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes)):
        log.write(json.dumps(["open", str(args[0])]) + "\n")
    elif event == "urllib.Request":
        log.write(json.dumps(["url", str(args[0])]) + "\n")
    elif event in NETWORK and not (event == "socket.connect" and isinstance(args[1], (str, bytes))):
        log.write(json.dumps([event, repr(args)[:200]]) + "\n")
        log.flush()
        raise OSError(f"the test guard refuses {event}")
sys.addaudithook(hook)
sys.argv = ["layout", *sys.argv[1:]]
runpy.run_module("layout", run_name="__main__", alter_sys=True)
"""


def guarded(*args: str, log: Path) -> tuple[subprocess.CompletedProcess, list[list[str]]]:
    run = subprocess.run([sys.executable, "-c", GUARDED, str(log), *args], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    return run, [json.loads(line) for line in log.read_text().splitlines() if line.strip()]


def network(events: list[list[str]]) -> list[list[str]]:
    return [e for e in events if e[0].startswith("socket.") or (e[0] == "url" and not e[1].startswith(("file:",
                                                                                                     "data:")))]


def remote_theme(folder: Path) -> Path:
    """A theme that builds on the bundled one and asks for stylesheets, fonts and images from the network."""
    folder.mkdir()
    clipping = (ROOT / "styles" / "clipping" / "print.css").resolve().as_uri()
    remote = ('@import url("http://127.0.0.1:9/theme.css");\n'
              '@font-face { font-family: Remote; src: url(https://fonts.example.com/remote.woff2); }\n'
              "body { font-family: Remote, serif; background: url(http://127.0.0.1:9/paper.png); }\n")
    (folder / "print.css").write_text(f'@import url("{clipping}");\n' + remote)
    (folder / "epub.css").write_text(remote)
    return folder


def test_no_build_opens_a_network_connection(tmp_path):
    folder = tmp_path / "article"
    folder.mkdir()
    head = ('<link rel="stylesheet" href="http://127.0.0.1:9/site.css">'
            '<link rel="preload" as="font" href="https://fonts.example.com/f.woff2">'
            "<style>@import url(http://127.0.0.1:9/x.css); @font-face { font-family: F; "
            "src: url(https://fonts.example.com/f.woff2) }</style>")
    body = ('<img src="http://127.0.0.1:9/remote.png" alt="remote"><img src="https://example.com/a.jpg" alt="a">'
            '<img srcset="//cdn.example.com/b.jpg 2x" alt="b"><video src="http://127.0.0.1:9/v.mp4"></video>')
    source = folder / "remote.html"
    source.write_text(html_page(body, head), encoding="utf-8")
    out = tmp_path / "out"
    run, events = guarded("build", str(source), "-o", str(out), "--format", "pdf,epub,html",
                          "--theme", str(remote_theme(tmp_path / "theme")), log=tmp_path / "events.jsonl")
    assert run.returncode == 0, run.stderr[-3000:]
    assert network(events) == []
    assert any(e[0] == "open" for e in events), "the guard recorded nothing: it did not run"
    assert {p.name for p in out.iterdir()} >= {"remote.pdf", "remote.epub", "remote.html"}


def svg_article(tmp_path: Path) -> Path:
    """A Markdown article beside an SVG chart whose <image>s point at a system file, a secret and the network."""
    (tmp_path / "secret.png").write_bytes(png(37, 23))
    folder = tmp_path / "article"
    folder.mkdir()
    (folder / "chart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100">'
        '<rect width="200" height="100" fill="#ddd"/><image href="file:///etc/hostname" width="50" height="50"/>'
        '<image xlink:href="../secret.png" x="50" width="50" height="50"/>'
        f'<image href="{(tmp_path / "secret.png").as_uri()}" x="100" width="50" height="50"/>'
        '<image href="http://127.0.0.1:9/x.png" x="150" width="50" height="50"/></svg>', encoding="utf-8")
    source = folder / "chart.md"
    source.write_text(f"# {TITLE}\n\n{PARAGRAPHS[0]}\n\n![A bar chart](chart.svg)\n\n" + "\n\n".join(PARAGRAPHS[1:]),
                      encoding="utf-8")
    return source


def test_svg_external_references_are_not_read(tmp_path):
    source = svg_article(tmp_path)
    out = tmp_path / "out"
    run, events = guarded("build", str(source), "-o", str(out), "--format", "pdf,epub", log=tmp_path / "events.jsonl")
    assert run.returncode == 0, run.stderr[-3000:]
    assert network(events) == []
    read = [e[1] for e in events if e[0] in ("open", "url") and ("secret" in e[1] or e[1].endswith("hostname"))]
    assert read == []
    assert any(e[0] == "open" and e[1].endswith("chart.svg") for e in events), "the SVG itself was never read"
    assert MARKER.encode() not in pdf_bytes(out / "chart.pdf") + epub_bytes(out / "chart.epub")


def test_epub_svg_points_nowhere_outside_the_book(tmp_path):
    out = built(svg_article(tmp_path), "epub")
    with zipfile.ZipFile(out / "chart.epub") as book:
        svgs = [book.read(name).decode() for name in book.namelist() if name.endswith(".svg")]
    assert svgs, "the chart was not packaged"
    targets = [t for svg in svgs for t in re.findall(r'href\s*=\s*["\']([^"\']*)', svg)]
    assert [t for t in targets if not t.startswith(("#", "data:"))] == []
