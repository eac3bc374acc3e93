"""layout check: EPUBCheck and Ace for EPUBs; qpdf, fonts, metadata and variants for PDFs; one-line errors."""

import json
import os
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT, SEED
from layout import check, themes
from layout.build import build
from layout.paper import PrintOptions

EPUB_CHECKS = {"epubcheck", "ace"}
PDF_CHECKS = {"syntax", "fonts", "title", "language"}


def layout(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "layout", *args], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=600)


def one_line_error(run: subprocess.CompletedProcess) -> tuple[str, str]:
    """The `error:` and `hint:` lines, asserting they are all of stderr and no traceback was printed."""
    lines = run.stderr.splitlines()
    assert run.returncode != 0 and "Traceback" not in run.stderr + run.stdout
    assert len(lines) == 2 and lines[0].startswith("error: ") and lines[1].startswith("hint: "), run.stderr
    return lines[0], lines[1]


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    out = tmp_path_factory.mktemp("good")
    result = build(SEED, out, ("pdf", "epub"), themes.load("clipping"))
    return {path.suffix: path for path in result.outputs}


def minimal_pdf() -> bytes:
    """A valid one-page PDF with an unembedded Helvetica, no title and no language."""
    content = b"BT /F1 12 Tf 20 100 Td (loose font) Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R"
               b" /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    data, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return data + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def by_name(report: check.Report) -> dict[str, check.Check]:
    return {c.name: c for c in report.checks}


def test_good_epub_and_pdf_pass_and_json_shape(good):
    run = layout("check", "--json", str(good[".epub"]), str(good[".pdf"]))
    assert run.returncode == 0, run.stdout + run.stderr
    data = json.loads(run.stdout)
    assert [(item["file"], item["kind"], item["ok"]) for item in data] == \
        [(str(good[".epub"]), "epub", True), (str(good[".pdf"]), "pdf", True)]
    for item in data:
        assert set(item) == {"file", "kind", "ok", "complete", "checks"} and item["complete"] is True
        assert all(set(c) == {"name", "ok", "detail"} and c["ok"] is True for c in item["checks"])
    assert {c["name"] for c in data[0]["checks"]} == EPUB_CHECKS
    assert PDF_CHECKS <= {c["name"] for c in data[1]["checks"]}
    assert "all embedded" in next(c["detail"] for c in data[1]["checks"] if c["name"] == "fonts")


def test_readable_report(good):
    run = layout("check", str(good[".pdf"]))
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("ok") and str(good[".pdf"].name) in run.stdout
    for name in PDF_CHECKS:
        assert name in run.stdout


def test_ace_absent_is_skipped_not_failed(good, monkeypatch):
    monkeypatch.setattr(check, "find_ace", lambda: None)
    result = check._ace(good[".epub"], check.find_ace())
    assert result.ok and result.skipped and result.detail == "not installed, skipped"
    report = check.Report(good[".epub"], "epub", (check.Check("epubcheck", True), result))
    [entry] = check.as_json([report])
    assert entry["ok"] and not entry["complete"] and entry["checks"][1]["ok"] is None


def test_broken_epub_fails(good, tmp_path):
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(good[".epub"]) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith(".xhtml") and b"<body" in data and not item.filename.endswith("nav.xhtml"):
                data = data.replace(b"</body>", b"<p>unclosed</body>", 1)  # not well-formed XML
            target.writestr(item, data)
    run = layout("check", "--json", str(broken))
    error, _ = one_line_error(run)
    assert "1 of 1 files failed" in error and "epubcheck" in error
    epubcheck = next(c for c in json.loads(run.stdout)[0]["checks"] if c["name"] == "epubcheck")
    assert not epubcheck["ok"] and "RSC-016" in epubcheck["detail"]


def test_truncated_pdf_fails_qpdf(good, tmp_path):
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(good[".pdf"].read_bytes()[: good[".pdf"].stat().st_size // 2])
    [report] = check.run([truncated])
    assert not report.ok and not by_name(report)["syntax"].ok
    assert "qpdf found errors" in by_name(report)["syntax"].detail
    with pytest.raises(check.ChecksFailed):
        check.verdict([report])


def test_unembedded_font_and_missing_metadata_fail(tmp_path):
    loose = tmp_path / "loose.pdf"
    loose.write_bytes(minimal_pdf())
    checks = by_name(check.run([loose])[0])
    assert checks["syntax"].ok
    assert not checks["fonts"].ok and "Helvetica" in checks["fonts"].detail
    assert not checks["title"].ok and not checks["language"].ok


@pytest.mark.parametrize("variant, name, detail", [("pdf/ua-1", "pdf/ua", "PDF/UA-1"),
                                                   ("pdf/a-3b", "pdf/a", "PDF/A-3b")])
def test_pdf_variants_are_reported(tmp_path, variant, name, detail):
    result = build(SEED, tmp_path, ("pdf",), themes.load("clipping"), PrintOptions(variant=variant))
    [report] = check.run(list(result.outputs))
    checks = by_name(report)
    assert report.ok and checks[name].detail.startswith(f"claims {detail}")
    assert "not a " in checks[name].detail  # says it identified, not validated
    assert ("structure tree" in checks) == (name == "pdf/ua")


def test_a_plain_pdf_claims_no_variant(good):
    assert not {"pdf/a", "pdf/ua", "structure tree"} & set(by_name(check.run([good[".pdf"]])[0]))


def test_missing_file_and_unknown_type(tmp_path):
    error, hint = one_line_error(layout("check", str(tmp_path / "nowhere.pdf")))
    assert "does not exist" in error and hint
    (tmp_path / "notes.txt").write_text("not a book")
    error, hint = one_line_error(layout("check", str(tmp_path / "notes.txt")))
    assert "neither a PDF nor an EPUB" in error and ".pdf or .epub" in hint


def test_java_missing(good, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "JAVA_HOME"} | {"PATH": str(tmp_path)}
    error, hint = one_line_error(layout("check", str(good[".epub"]), env=env))
    assert error == "error: Java is not installed: EPUBCheck needs it to check EPUBs"
    assert "Java runtime" in hint


def test_ace_violations_count_failed_tests_not_the_files_holding_them():
    """Ace reports a failed file as a failed assertion too, with the failed tests inside it: only the tests count."""
    failed = {"earl:outcome": "fail"}
    report = {"assertions": [{"earl:testSubject": {"url": "article.xhtml"}, "earl:result": failed, "assertions": [
        {"earl:test": {"earl:impact": "moderate", "dct:title": "heading-order"}, "earl:result": failed},
        {"earl:test": {"earl:impact": "serious", "dct:title": "color-contrast"}, "earl:result": failed},
        {"earl:test": {"earl:impact": "minor", "dct:title": "region"}, "earl:result": {"earl:outcome": "pass"}}]}]}
    assert check.ace_violations(report) == ["moderate: heading-order", "serious: color-contrast"]
