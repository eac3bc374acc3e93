"""Typesetting rules read from WeasyPrint's laid-out lines: no widow or orphan, no heading left at a column foot."""

from pathlib import Path

import pytest

from conftest import ROOT
from layout import readers, themes
from layout.paper import PrintOptions, parse_paper
from layout.writers import Job

HEADINGS = ("h2", "h3", "h4")


def long_article(folder: Path) -> Path:
    """A Markdown article with many short sections, to put subheadings near column feet."""
    sections = []
    for n in range(1, 31):
        words = " ".join(f"word{i}" for i in range(8 + (37 * n) % 45))
        sections.append(f"## Section number {n}\n\n{words}. {words}.")
    path = folder / "sections.md"
    path.write_text("---\ntitle: Many sections\nlang: en\n---\n\n" + "\n\n".join(sections) + "\n")
    return path


def lines(document, ids: set[str]):
    """(page, column left edge, block id, tag) for every line box, in order."""
    found = []

    def walk(box, page, block, tag):
        element = getattr(box, "element", None)
        if element is not None and element.get("id") in ids:
            block, tag = element.get("id"), box.element_tag
        if type(box).__name__ == "LineBox" and block:
            found.append((page, int(box.position_x // 120), block, tag))  # a column is wider than 120 pt
            return
        for child in getattr(box, "children", None) or ():
            walk(child, page, block, tag)

    for number, page in enumerate(document.pages):
        walk(page._page_box, number, None, None)
    return found


def fragments(found):
    """Runs of consecutive lines of one block in one column of one page: [(block, tag, line count)]."""
    runs = []
    for page, column, block, tag in found:
        if runs and tuple(runs[-1][:3]) == (page, column, block):
            runs[-1][4] += 1
        else:
            runs.append([page, column, block, tag, 1])
    return runs


@pytest.fixture(scope="module")
def layouts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("typesetting")
    sources = [ROOT / "source" / "ukraine-atacms.txt", ROOT / "source" / "markdown-sample.md", long_article(folder)]
    out = []
    for source in sources:
        article = readers.read(source)
        for paper in ("a4", "a5", "letter"):
            job = Job(article, source.parent, themes.load("clipping"), source.stem,
                      PrintOptions(parse_paper(paper)))
            ids = {b.id for b in article.blocks}
            out.append((f"{source.name} on {paper}", fragments(lines(job.print_layout, ids))))
    return out


def test_no_widows_or_orphans(layouts):
    for name, runs in layouts:
        blocks = [r[2] for r in runs]
        for run in runs:
            page, column, block, tag, count = run
            if tag == "p" and blocks.count(block) > 1:  # a paragraph split across columns or pages
                assert count >= 2, f"{name}: {block} leaves a single line in a column (page {page + 1})"


def test_no_heading_at_the_foot_of_a_column(layouts):
    for name, runs in layouts:
        for run, following in zip(runs, runs[1:]):
            if run[3] in HEADINGS:
                assert tuple(following[:2]) == tuple(run[:2]), f"{name}: heading {run[2]} ends a column on page {run[0] + 1}"


def test_the_checks_see_split_paragraphs(layouts):
    """The layouts hold paragraphs split across columns, so the widow check is not vacuous."""
    split = sum(1 for _, runs in layouts for r in runs if [x[2] for x in runs].count(r[2]) > 1)
    assert split > 5


@pytest.mark.parametrize("page", ["uk-bbc-v1"])
def test_the_source_line_takes_no_page_of_its_own(tmp_path, page):
    """The source line ends the last column; a page holding only it (and the running head) is waste."""
    from conftest import CORPUS, page_count, pdftotext
    from layout.build import build

    source = tmp_path / f"{page}.html"
    source.write_bytes((CORPUS / page / "page.html").read_bytes())
    result = build(source, tmp_path, ("pdf",), themes.load("clipping"))
    pdf = result.outputs[0]
    last = pdftotext(pdf, "-f", str(page_count(pdf)), "-l", str(page_count(pdf)))
    words = {w for b in result.article.blocks for w in b.text.split() if len(w) > 6}
    assert result.article.meta.url and len(words & set(last.split())) >= 5, last[:300]


def test_the_source_line_prints_the_address_whole(tmp_path):
    from conftest import pdftotext
    from layout.build import build

    url = "https://www.example-newspaper.co.uk/news/local/transportation/infrastructure/bridge-rehabilitation-programme"
    source = tmp_path / "story.md"
    source.write_text(f"---\ntitle: Bridge\nurl: {url}\n---\n\n" + "A sentence of the body, long enough. " * 40 + "\n",
                      encoding="utf-8")
    pdf = build(source, tmp_path, ("pdf",), themes.load("clipping")).outputs[0]
    text = pdftotext(pdf, "-raw")
    assert url in text.replace("\n", "")  # broken at most, never hyphenated
    from pypdf import PdfReader

    links = [a.get_object()["/A"].get("/URI") for page in PdfReader(pdf).pages for a in page.get("/Annots") or []]
    assert url in links  # and a link a reader can follow


def boxes(box):
    """A laid-out box and every box inside it, in order."""
    yield box
    for child in getattr(box, "children", None) or ():
        yield from boxes(child)


def _cap_height(font_file: str, size_px: float) -> float:
    from fontTools.ttLib import TTFont

    font = TTFont(ROOT / "styles" / "fonts" / font_file)
    return font["OS/2"].sCapHeight / font["head"].unitsPerEm * size_px


@pytest.mark.parametrize("theme", ["clipping", "report"])
def test_the_drop_cap_spans_three_lines_exactly(theme):
    """Its foot on the third line's baseline, its top at the first line's cap height (within half a point)."""
    from layout.writers.pdf import document

    article = readers.read(ROOT / "source" / "ukraine-atacms.txt")
    page = document(Job(article, ROOT / "source", themes.load(theme), "seed")).pages[0]._page_box
    laid_out = [(type(b).__name__, b.element, b) for b in boxes(page) if getattr(b, "element", None) is not None]
    cap = next(b for kind, el, b in laid_out if kind == "BlockBox" and el.get("class") == "dropcap")
    first, _, third = [b for kind, el, b in laid_out if kind == "LineBox" and el.get("id") == "b001"][:3]
    cap_line = cap.children[0]
    cap_baseline = cap_line.position_y + cap_line.baseline
    half_point = 0.5 * 96 / 72
    assert abs(cap_baseline - (third.position_y + third.baseline)) <= half_point
    cap_top = cap_baseline - _cap_height("SourceSerif4Display-Bold.ttf", cap.style["font_size"])
    line_top = first.position_y + first.baseline - _cap_height("SourceSerif4-Regular.ttf", first.style["font_size"])
    assert abs(cap_top - line_top) <= 2 * half_point


def test_a_compound_after_a_hyphenated_word_does_not_hyphenate_that_word_twice(tmp_path):
    """WeasyPrint (70), breaking a line before a span that follows a space, hyphenated the line's first word
    again and left a fragment alone on a line ("Schlafstö-" / "run-" / "gen"): the compound's span holds the
    space before it. Set at the widths around the one that showed it."""
    import re
    import subprocess

    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from conftest import require
    from layout.render import words

    text = ("Die Ärztin warnt vor den bekannten Folgen von Nachtschichten, die mit den Jahren deutlich zunehmen: Von "
            "Schlafstörungen etwa über Bluthochdruck und Herzinfarkt bis zum Magen-Darm-Geschwür. Und sie nennt "
            "einen weiteren Punkt: Gerade in der Pflege seien die Teams eng verbunden.")
    fonts = themes.load("clipping").fonts
    config = FontConfiguration()
    for width in (60.0, 60.5, 61.0):
        css = CSS(string=f'@font-face {{ font-family: "S"; src: url("{(fonts / "SourceSerif4-Regular.ttf").as_uri()}"); }}'
                  f'p {{ font: 9.6pt/12.6pt "S"; width: {width}mm; text-align: justify; hyphens: auto; margin: 0 }}'
                  '.compound { hyphens: manual; }', font_config=config)
        pdf = tmp_path / f"{width}.pdf"
        HTML(string=f'<html lang="de"><p>{words(text)}</p></html>').write_pdf(pdf, stylesheets=[css], font_config=config)
        lines = subprocess.run([require("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout.splitlines()
        assert not [line for line in lines if re.fullmatch(r"\s*\w+[‐-]\s*", line)], (width, lines)
