"""The print edition's page numbers in the EPUB: one marker per PDF page, at the words that open it."""

import re

import pytest
from lxml import etree

from conftest import body_text, epub_file, epubcheck, page_count, squash

XHTML = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def markers_and_following_text(epub) -> dict[str, str]:
    """Page label -> the text that follows its marker in the chapter."""
    root = etree.fromstring(epub_file(epub, "EPUB/article.xhtml").encode())
    body = root.find("x:body", XHTML)
    text_after: dict[str, str] = {}
    stream = []
    for element in body.iter():
        if element.get(EPUB_TYPE) == "pagebreak":
            stream.append(("marker", element.get("aria-label")))
        elif element.text:
            stream.append(("text", element.text))
        if element.tail and element is not body:
            stream.append(("text", element.tail))
    for index, (kind, value) in enumerate(stream):
        if kind == "marker":
            text_after[value] = "".join(v for k, v in stream[index + 1:] if k == "text")
    return text_after


@pytest.mark.parametrize("paper", ["a4", "a5"])
def test_one_marker_per_page_at_the_page_start(build_seed, paper):
    built = build_seed(formats=("pdf", "epub"), paper=paper)
    pages = body_text(built[".pdf"], built["article"])
    assert len(pages) == page_count(built[".pdf"])
    after = markers_and_following_text(built[".epub"])
    assert sorted(after, key=int) == [str(n) for n in range(1, len(pages) + 1)]
    for number, page in enumerate(pages, 1):
        first_words = squash(" ".join(page.split()[:6]))
        following = squash(after[str(number)])
        # a page may open inside a hyphenated word; the marker then stands before that word
        first_words = first_words[len(first_words) // 3:] if not following.startswith(first_words) else first_words
        assert first_words in following[: len(first_words) + 40], f"page {number}: {page[:80]!r}"


def test_page_list_nav(build_seed):
    built = build_seed(formats=("pdf", "epub"))
    nav = etree.fromstring(epub_file(built[".epub"], "EPUB/nav.xhtml").encode())
    page_list = [n for n in nav.iter("{http://www.w3.org/1999/xhtml}nav") if n.get(EPUB_TYPE) == "page-list"]
    assert len(page_list) == 1 and page_list[0].get("role") == "doc-pagelist"
    links = [a.get("href") for a in page_list[0].iter("{http://www.w3.org/1999/xhtml}a")]
    assert links == [f"article.xhtml#page-{n}" for n in range(1, page_count(built[".pdf"]) + 1)]


def test_page_break_source_names_the_print_edition(build_seed):
    opf = epub_file(build_seed(formats=("epub",), paper="a5")[".epub"], "EPUB/content.opf")
    source = re.search(r'<meta property="pageBreakSource">([^<]+)</meta>', opf)
    assert source and "clipping theme" in source[1] and "A5" in source[1]
    assert '<meta property="schema:accessibilityFeature">printPageNumbers</meta>' in opf
    assert '<meta property="schema:accessibilityFeature">pageNavigation</meta>' in opf


def test_ncx_carries_the_page_list_for_epub2_readers(build_seed):
    built = build_seed(formats=("pdf", "epub"))
    ncx = etree.fromstring(epub_file(built[".epub"], "EPUB/toc.ncx").encode())
    ns = {"n": "http://www.daisy.org/z3986/2005/ncx/"}
    pages = page_count(built[".pdf"])
    head = {m.get("name"): m.get("content") for m in ncx.iterfind("n:head/n:meta", ns)}
    assert head["dtb:totalPageCount"] == head["dtb:maxPageNumber"] == str(pages) and head["dtb:depth"] == "1"
    targets = ncx.findall("n:pageList/n:pageTarget", ns)
    assert [t.get("value") for t in targets] == [str(n) for n in range(1, pages + 1)]
    assert [t.find("n:content", ns).get("src") for t in targets] == [f"article.xhtml#page-{n}"
                                                                     for n in range(1, pages + 1)]
    orders = [int(e.get("playOrder")) for e in ncx.iter("{%s}navPoint" % ns["n"], "{%s}pageTarget" % ns["n"])]
    assert sorted(orders) == list(range(1, len(orders) + 1))


def test_the_ncx_lists_the_subheadings_and_plays_in_reading_order(tmp_path):
    """EPUB 2 readers get the nav's contents, subheadings one level down, and each entry's play order is its
    place in the text: a page that begins between two subheadings plays between them."""
    from layout import themes
    from layout.build import build

    rows = "".join(f"\n## Part {n}\n\n" + "The ferry ran late again, the harbour master said on Monday. " * 40
                   for n in range(1, 5))
    source = tmp_path / "parts.md"
    source.write_text(f"---\ntitle: Ferry parts\n---\n\nThe ferry ran late.\n{rows}", encoding="utf-8")
    book = build(source, tmp_path, ("pdf", "epub"), themes.load("clipping")).outputs[1]
    assert epubcheck(book) == []
    ncx = etree.fromstring(epub_file(book, "EPUB/toc.ncx").encode())
    ns = {"n": "http://www.daisy.org/z3986/2005/ncx/"}
    assert [t.text for t in ncx.iterfind("n:navMap/n:navPoint/n:navPoint/n:navLabel/n:text", ns)] == [
        f"Part {n}" for n in range(1, 5)]
    assert ncx.find("n:head/n:meta[@name='dtb:depth']", ns).get("content") == "2"
    chapter = epub_file(book, "EPUB/article.xhtml")
    entries = sorted(ncx.iter("{%s}navPoint" % ns["n"], "{%s}pageTarget" % ns["n"]),
                     key=lambda e: int(e.get("playOrder")))
    anchors = [e.find("n:content", ns).get("src").partition("#")[2] for e in entries]
    places = [chapter.find(f'id="{a}"') if a else 0 for a in anchors]
    assert places == sorted(places)  # played in the order the text reads


def test_pages_that_begin_inside_program_text_are_marked_there(tmp_path):
    from layout import themes
    from layout.build import build

    program = "\n".join(f"def f{i}(x):\n    return x * {i}  # line {i}" for i in range(120))
    source = tmp_path / "code.md"
    source.write_text("# Long program\n\n" + "A paragraph before the program, long enough. " * 8
                      + f"\n\n```python\n{program}\n```\n\nA closing paragraph after the program.\n", encoding="utf-8")
    result = build(source, tmp_path, ("pdf", "epub"), themes.load("clipping"))
    pdf, epub = result.outputs
    pages = body_text(pdf, result.article)
    assert len(pages) >= 2 and "paragraph before" in pages[0]  # no page lost to the long block
    assert epubcheck(epub) == []
    after = markers_and_following_text(epub)
    assert sorted(after, key=int) == [str(n) for n in range(1, len(pages) + 1)]
    for number, page in enumerate(pages[1:], 2):
        assert squash(" ".join(page.split()[:3])) in squash(after[str(number)])[:60], number


def test_pages_that_begin_inside_a_table_are_marked_at_their_first_row(tmp_path):
    """The header rows a page repeats are not the page's start: the marker stands before its first new row."""
    from conftest import pdftotext
    from layout import themes
    from layout.build import build

    rows = "".join(f"| Month{n} | {n * 7} |\n" for n in range(1, 161))
    source = tmp_path / "table.md"
    source.write_text("# Long table\n\n" + "A paragraph before the table, long enough. " * 8
                      + f"\n\n| Month | Repairs |\n|:--|--:|\n{rows}\nA closing paragraph.\n", encoding="utf-8")
    result = build(source, tmp_path, ("pdf", "epub"), themes.load("clipping"))
    pdf, epub = result.outputs
    assert epubcheck(epub) == []
    after = markers_and_following_text(epub)
    pages = range(2, page_count(pdf) + 1)
    assert pages and sorted(after, key=int) == [str(n) for n in range(1, pages[-1] + 1)]
    for number in pages:
        first_row = re.search(r"Month\d+", pdftotext(pdf, "-f", str(number), "-l", str(number))).group()
        assert after[str(number)].startswith(first_row), (number, first_row, after[str(number)][:40])
