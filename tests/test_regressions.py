"""Regression tests, one for each bug a review found; each names what broke."""

import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT, SEED, epubcheck, pdftotext
from layout import batch, readers, themes
from layout.build import build
from layout.digest import digest
from layout.errors import OptionError, SourceError

ARTICLE = "\n\n".join([
    "A title for the regression article",
    "The council met on Tuesday evening to talk about roads, schools and the library before winter.",
    "Members argued for two hours about the cost of repairs, and the mayor asked for patience from everyone.",
    "A resident who lives near the old bridge said the potholes had damaged her car twice this year already.",
    "In the end the plan passed by seven votes to three, and the work is due to start in the spring.",
]) + "\n"


def layout(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "layout", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def test_two_sources_with_one_output_name_are_refused(tmp_path):
    (tmp_path / "story.txt").write_text(ARTICLE)
    (tmp_path / "story.md").write_text("---\ntitle: Story\n---\n\n" + ARTICLE)
    run = layout("build", str(tmp_path / "story.txt"), str(tmp_path / "story.md"), "-o", str(tmp_path / "out"))
    assert run.returncode != 0 and "would both be written as story" in run.stderr
    assert not (tmp_path / "out").exists()


def test_a_footnote_cited_twice_keeps_the_epub_valid(tmp_path):
    source = tmp_path / "twice.md"
    source.write_text("---\ntitle: Twice\n---\n\n" + ARTICLE.replace("winter.", "winter.[^a]", 2) +
                      "\n[^a]: The one note.\n")
    result = build(source, tmp_path / "out", ("epub",), themes.load("clipping"))
    assert epubcheck(result.outputs[0]) == []


def test_a_sidecar_is_read_like_a_source(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE)
    (tmp_path / "a.yml").write_bytes("publication: Caf\xe9 Zeitung\n".encode("cp1252"))
    assert readers.read(source).meta.publication == "Café Zeitung"  # decoded by detection, not a crash
    (tmp_path / "a.yml").unlink()
    (tmp_path.parent / "outside.yml").write_text("publication: Leaked\n")
    (tmp_path / "a.yml").symlink_to(tmp_path.parent / "outside.yml")
    with pytest.raises(SourceError, match="link to a file outside"):
        readers.read(source)


def test_one_crashing_article_does_not_stop_a_batch(tmp_path, monkeypatch):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(ARTICLE)
    bad.write_text(ARTICLE)
    real = batch._build

    def crash(request):
        if request.source == bad:
            raise ZeroDivisionError("boom")
        return real(request)

    monkeypatch.setattr(batch, "_build", crash)
    outcomes = batch.run_many([batch.Request(p, tmp_path / "out", ("pdf",)) for p in (good, bad)], jobs=1)
    assert [o.status for o in outcomes] == ["built", "failed"]
    assert "ZeroDivisionError" in outcomes[1].error and outcomes[1].exit_code == 70


def test_a_broken_image_is_dropped_with_a_reason(tmp_path):
    (tmp_path / "broken.png").write_bytes(b"\x89PNG not really")
    source = tmp_path / "pic.md"
    source.write_text("---\ntitle: Picture\n---\n\n" + ARTICLE + "\n![a chart](broken.png)\n")
    article = readers.read(source)
    assert not [b for b in article.blocks if b.type == "image"]
    assert ("broken.png", "not a readable image") in [(d.text, d.reason) for d in article.dropped]


def test_a_date_past_2107_still_packs_the_epub(tmp_path):
    source = tmp_path / "future.md"
    source.write_text("---\ntitle: Future\ndate: 2150-01-01\n---\n\n" + ARTICLE)
    result = build(source, tmp_path / "out", ("epub",), themes.load("clipping"))
    with zipfile.ZipFile(result.outputs[0]) as book:
        assert {i.date_time[0] for i in book.infolist()} == {2107}
        assert "2150-01-01T00:00:00Z" in book.read("EPUB/content.opf").decode()


def test_a_bad_source_date_epoch_is_an_option_error(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "99999999999999999999")
    with pytest.raises(OptionError, match="SOURCE_DATE_EPOCH"):
        build(SEED, tmp_path, ("epub",), themes.load("clipping"))


def test_svg_scripts_and_imports_do_not_reach_the_epub(tmp_path):
    (tmp_path / "chart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" onload="fetch(\'https://e.invalid\')">'
        '<style>@import "https://e.invalid/a.css"; rect { fill: #333 }</style>'
        '<animate attributeName="href" to="https://e.invalid"/><rect width="100" height="50"/></svg>')
    source = tmp_path / "svg.md"
    source.write_text("---\ntitle: Chart\n---\n\n" + ARTICLE + "\n![a chart](chart.svg)\n")
    result = build(source, tmp_path / "out", ("epub",), themes.load("clipping"))
    with zipfile.ZipFile(result.outputs[0]) as book:
        svg = next(book.read(n).decode() for n in book.namelist() if n.endswith(".svg"))
    assert "onload" not in svg and "@import" not in svg and "animate" not in svg and "e.invalid" not in svg
    assert "<rect" in svg


def test_a_digest_keeps_images_whose_names_need_escaping(tmp_path):
    import shutil

    shutil.copy(ROOT / "source" / "images" / "chart.png", tmp_path / "my chart.png")
    source = tmp_path / "pic.md"
    source.write_text("---\ntitle: Picture\n---\n\n" + ARTICLE + "\n![a chart](my%20chart.png)\n")
    assert [b for b in readers.read(source).blocks if b.type == "image"]
    result = digest([source, SEED], tmp_path / "out" / "d", themes.load("clipping"))
    with zipfile.ZipFile(next(p for p in result.outputs if p.suffix == ".epub")) as book:
        assert [n for n in book.namelist() if n.startswith("EPUB/images/")]


def test_the_folio_speaks_the_articles_language(tmp_path):
    source = tmp_path / "de.md"
    source.write_text("---\ntitle: Ein Test\nlang: de\n---\n\n" + ARTICLE)
    result = build(source, tmp_path / "out", ("pdf",), themes.load("clipping"))
    assert "Seite 1 von 1" in pdftotext(result.outputs[0])


def test_the_html_output_carries_its_images(tmp_path):
    result = build(ROOT / "source" / "markdown-sample.md", tmp_path, ("html",), themes.load("clipping"))
    html = (tmp_path / "markdown-sample.html").read_text()
    images = list((tmp_path / "markdown-sample_files" / "images").iterdir())
    assert images and all(f'src="markdown-sample_files/images/{p.name}"' in html for p in images)
    assert result.outputs
