"""The digest: one PDF and one EPUB from several articles, with contents page numbers that match the PDF."""

import re
import zipfile

import pytest

from conftest import ROOT, SEED, epubcheck, pdffonts, pdftotext, squash
from layout import readers, themes
from layout.digest import digest
from layout.typography import typeset


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("digest")
    second = folder / "second.txt"
    lines = SEED.read_text().split("\n", 1)
    second.write_text("A second headline for the digest test\n" + lines[1])
    sources = sorted(p for p in (ROOT / "source").iterdir() if p.suffix in readers.suffixes()) + [second]
    result = digest(sources, folder / "out" / "weekly", themes.load("clipping"), title="The week")
    return {p.suffix: p for p in result.outputs} | {"articles": [typeset(readers.read(s)) for s in sources]}


def test_epubcheck(built):
    assert epubcheck(built[".epub"]) == []


def test_fonts_and_text(built):
    assert all(name.startswith("Layout-") for name in pdffonts(built[".pdf"]))
    from layout.parity import pieces

    text = squash(pdftotext(built[".pdf"]))
    for article in built["articles"]:
        for block in article.blocks:
            assert all(squash(piece) in text for piece in pieces(block)), block.id


def contents_entries(pdf) -> list[tuple[str, int]]:
    text = pdftotext(pdf, "-f", "2", "-l", "2", "-layout")
    return [(m[1].strip(" ."), int(m[2])) for m in re.finditer(r"^\s*(.+?)[ .]*\s(\d+)\s*$", text, re.M)
            if not m[1].strip().startswith("Page")]


def test_contents_page_numbers_match_the_pdf(built):
    entries = contents_entries(built[".pdf"])
    titles = [a.meta.title for a in built["articles"]]
    assert len(entries) == len(titles)
    for (listed, page), title in zip(entries, titles):
        assert squash(title).startswith(squash(listed)[:30])
        opening = squash(pdftotext(built[".pdf"], "-f", str(page), "-l", str(page)))
        assert squash(title) in opening[:400], f"{title!r} does not open page {page}"


def test_each_article_has_its_running_head(built):
    entries = contents_entries(built[".pdf"])
    last_page = entries[-1][1]
    following = pdftotext(built[".pdf"], "-f", str(last_page + 1), "-l", str(last_page + 1)).splitlines()[0]
    assert following.casefold() == built["articles"][-1].meta.title.casefold()


def test_epub_has_a_chapter_each_nested_nav_and_one_page_list(built):
    with zipfile.ZipFile(built[".epub"]) as book:
        names = book.namelist()
        nav = book.read("EPUB/nav.xhtml").decode()
        opf = book.read("EPUB/content.opf").decode()
    chapters = [n for n in names if re.match(r"EPUB/article-\d+\.xhtml", n)]
    assert len(chapters) == len(built["articles"])
    spine = re.findall(r'<itemref idref="([^"]+)"', opf)
    assert spine == ["cover", "contents"] + [f"article-{i}" for i in range(1, len(chapters) + 1)]
    pages = re.findall(r'<a href="([^"]+#page-(\d+))">\2</a>', nav)
    from pypdf import PdfReader

    assert [int(p) for _, p in pages] == list(range(1, len(PdfReader(built[".pdf"]).pages) + 1))
    toc = nav[nav.index('epub:type="toc"'):nav.index("</nav>")]
    assert all(f'href="article-{i}.xhtml"' in toc for i in range(1, len(chapters) + 1))


def test_one_article_is_not_a_digest(tmp_path):
    from layout.errors import OptionError

    with pytest.raises(OptionError, match="two articles"):
        digest([SEED], tmp_path / "d", themes.load("clipping"))


def test_an_article_twice_or_html_is_refused(tmp_path):
    from layout.errors import OptionError

    with pytest.raises(OptionError, match="twice"):
        digest([SEED, SEED.parent / ".." / "source" / SEED.name], tmp_path / "d", themes.load("clipping"))
    with pytest.raises(OptionError, match="not html"):
        digest([SEED, ROOT / "source" / "markdown-sample.md"], tmp_path / "d", themes.load("clipping"),
               formats=("pdf", "html"))


def test_out_folder_holds_the_digest(tmp_path):
    from test_cli import layout

    run = layout("digest", str(SEED), str(ROOT / "source" / "markdown-sample.md"), "-o", str(tmp_path),
                 "-f", "epub")
    assert run.returncode == 0, run.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["digest.epub"]
    dropped = len(readers.read(SEED).dropped)
    assert dropped and f"{SEED}: " in run.stdout and f", {dropped} lines dropped" in run.stdout  # not lost silently


def test_an_articles_first_page_has_its_masthead_and_no_running_head(built):
    from layout.render import context

    for (title, page), article in zip(contents_entries(built[".pdf"]), built["articles"]):
        first_line = pdftotext(built[".pdf"], "-f", str(page), "-l", str(page)).splitlines()[0]
        masthead = article.meta.publication or context(article)["labels"]["clipping"]
        assert first_line.casefold() == masthead.casefold(), (title, first_line)


def test_each_chapter_says_its_own_language(tmp_path):
    german = tmp_path / "de.md"
    german.write_text("---\ntitle: Der große Test\nlang: de\n---\n\nDas ist ein deutscher Absatz mit genug Wörtern, "
                      "um ein Absatz zu sein.\n", encoding="utf-8")
    result = digest([SEED, german], tmp_path / "d", themes.load("clipping"), formats=("epub",))
    with zipfile.ZipFile(result.outputs[0]) as book:
        assert 'xml:lang="de"' in book.read("EPUB/article-2.xhtml").decode()
        assert 'xml:lang="en"' in book.read("EPUB/article-1.xhtml").decode()
        # its entries in the book's lists say it too: the nav's item, the contents page's title (the page
        # reference after it stays in the book's direction, where the other entries have theirs)
        assert '<li lang="de" xml:lang="de" dir="ltr"><a href="article-2.xhtml">' in book.read("EPUB/nav.xhtml").decode()
        assert ('<li><a href="article-2.xhtml" lang="de" xml:lang="de" dir="ltr">Der große Test</a>'
                in book.read("EPUB/contents.xhtml").decode())


def test_an_articles_cover_picture_is_not_checked_in_a_digest(tmp_path):
    """A digest has a cover of its own and uses no article's: a cover that a single build would refuse (here,
    missing) does not stop it."""
    article = tmp_path / "pictured.md"
    article.write_text("---\ntitle: A pictured article\ncover: missing.jpg\n---\n\nA paragraph with words enough to "
                       "be a paragraph of its own.\n", encoding="utf-8")
    from layout.errors import SourceError

    with pytest.raises(SourceError):
        readers.read(article)
    result = digest([SEED, article], tmp_path / "d", themes.load("clipping"), formats=("epub",))
    assert epubcheck(result.outputs[0]) == []


def test_a_digest_mixing_directions_gives_each_article_its_own(tmp_path):
    """After an Arabic article, the English one is still set left to right: its lead in the left column."""
    from conftest import ARABIC_ARTICLE
    from pypdf import PdfReader

    arabic = tmp_path / "arabic.md"
    arabic.write_text(ARABIC_ARTICLE, encoding="utf-8")
    result = digest([arabic, SEED], tmp_path / "d", themes.load("clipping"))
    pdf = next(p for p in result.outputs if p.suffix == ".pdf")
    width = float(PdfReader(pdf).pages[0].mediabox.width)
    lead = [float(x) for x in re.findall(r'<word xMin="([\d.]+)"[^>]*>American-(?:supplied)?</word>', pdftotext(pdf, "-bbox"))]
    assert lead and lead[0] < width / 2
    pages = pdftotext(pdf).split("\f")
    english = [page for page in pages if "American-" in page]
    assert english and "Page " in english[0] and "صفحة" not in english[0]  # its furniture in its own words
    assert "صفحة" in pages[0]  # the digest's cover, in the digest's language (its first article's)
    book = next(p for p in result.outputs if p.suffix == ".epub")
    assert epubcheck(book) == []
    with zipfile.ZipFile(book) as archive:
        assert '<li lang="en" xml:lang="en" dir="ltr">' in archive.read("EPUB/nav.xhtml").decode()
        languages = re.findall(r"<dc:language>([^<]+)</dc:language>", archive.read("EPUB/content.opf").decode())
    assert languages == ["ar", "en"]  # the book's language first, then its chapters' others


def test_the_contents_set_every_page_number_at_the_right_in_a_left_to_right_digest(tmp_path):
    """An Arabic article's entry in an English digest reads right to left, but its page number stands with the
    others at the right (it stood at the left, where the entry's own line ends)."""
    from conftest import ARABIC_ARTICLE
    from pypdf import PdfReader

    arabic = tmp_path / "arabic.md"
    arabic.write_text(ARABIC_ARTICLE, encoding="utf-8")
    pdf = digest([SEED, arabic], tmp_path / "d", themes.load("clipping"), formats=("pdf",)).outputs[0]
    width = float(PdfReader(pdf).pages[0].mediabox.width)
    contents = pdftotext(pdf, "-f", "2", "-l", "2", "-bbox")
    numbers = [float(x) for x, y in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>\d+</word>', contents)
               if float(y) < 700]  # the entries' numbers, not the folio
    assert len(numbers) == 2 and all(x > width * 0.8 for x in numbers)
