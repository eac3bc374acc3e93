"""The EPUB as reading systems and checkers see it: DAISY Ace, calibre, and the rules Kindle and Kobo enforce."""

import re
import subprocess
import zipfile

from lxml import etree

from conftest import ace, ace_violations, epub_file, epubcheck, require

ARIA_FOR = {"pagebreak": "doc-pagebreak", "noteref": "doc-noteref", "footnote": "doc-footnote",
            "endnotes": "doc-endnotes", "toc": "doc-toc", "page-list": "doc-pagelist", "cover": "doc-cover"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def test_ace_reports_no_violation(seed_build, tmp_path):
    report = ace(seed_build[".epub"], tmp_path / "ace")
    assert ace_violations(report) == []
    assert report["earl:result"]["earl:outcome"] == "pass"


def test_calibre_converts_to_azw3(seed_build, tmp_path):
    target = tmp_path / "book.azw3"
    run = subprocess.run([require("ebook-convert"), str(seed_build[".epub"]), str(target)], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert target.stat().st_size > 10_000


def in_landmarks(element) -> bool:
    """Landmark links name what they point to; they take no role."""
    return any(a.get(EPUB_TYPE) == "landmarks" for a in element.iterancestors("{*}nav"))


def test_every_epub_type_has_its_aria_role(seed_build):
    with zipfile.ZipFile(seed_build[".epub"]) as book:
        documents = [n for n in book.namelist() if n.endswith(".xhtml")]
        for name in documents:
            root = etree.fromstring(book.read(name))
            for element in root.iter():
                kind = element.get(EPUB_TYPE)
                if kind in ARIA_FOR and not in_landmarks(element):
                    assert element.get("role") == ARIA_FOR[kind], f"{name}: {kind} without {ARIA_FOR[kind]}"


def test_reader_safety(seed_build):
    with zipfile.ZipFile(seed_build[".epub"]) as book:
        names = book.namelist()
        css = "".join(book.read(n).decode() for n in names if n.endswith(".css"))
        markup = "".join(book.read(n).decode() for n in names if n.endswith((".xhtml", ".opf", ".ncx")))
        images = [n for n in names if n.endswith((".png", ".jpg", ".jpeg"))]
        from PIL import Image
        import io

        for name in images:
            width, height = Image.open(io.BytesIO(book.read(name))).size
            assert width * height < 5_000_000, f"{name} is over 5 megapixels"
    assert "var(" not in css and not re.search(r"(^|[;{\s])--[\w-]+\s*:", css), "CSS custom properties"
    assert all("--" not in comment for comment in re.findall(r"<!--(.*?)-->", markup, re.S))
    assert "EPUB/toc.ncx" in names
    assert seed_build[".epub"].stat().st_size < 50 * 1024 * 1024


def test_small_without_fonts(seed_build):
    with zipfile.ZipFile(seed_build[".epub"]) as book:
        cover = book.getinfo("EPUB/cover.png").compress_size
    assert seed_build[".epub"].stat().st_size - cover < 100_000


def test_cover(seed_build):
    opf = epub_file(seed_build[".epub"], "EPUB/content.opf")
    assert re.search(r'<item [^>]*href="cover.png"[^>]*properties="cover-image"', opf)
    spine = re.search(r"<spine[^>]*>(.*?)</spine>", opf, re.S)[1]
    assert spine.index('idref="cover"') < spine.index('idref="article"') and 'linear="no"' not in spine
    page = epub_file(seed_build[".epub"], "EPUB/cover.xhtml")
    assert seed_build["article"].meta.title in page  # the image's alt text


def test_accessibility_metadata_tells_the_truth(seed_build):
    opf = epub_file(seed_build[".epub"], "EPUB/content.opf")
    features = re.findall(r'property="schema:accessibilityFeature">([^<]+)<', opf)
    assert {"tableOfContents", "printPageNumbers", "pageNavigation"} <= set(features)
    assert "structuralNavigation" not in features  # the seed has no subheadings
    assert "alternativeText" not in features  # the seed has no image, so nothing to describe
    assert re.findall(r'property="schema:accessMode">([^<]+)<', opf) == ["textual"]
    assert 'property="schema:accessibilityHazard">none<' in opf
    assert 'property="schema:accessibilitySummary"' in opf


def test_embedded_fonts_are_subset_woff2(build_seed):
    built = build_seed(formats=("pdf", "epub"), embed_fonts=True)
    assert epubcheck(built[".epub"]) == []
    with zipfile.ZipFile(built[".epub"]) as book:
        fonts = [i for i in book.infolist() if i.filename.startswith("EPUB/fonts/")]
        css = book.read("EPUB/style.css").decode()
    assert fonts and all(i.filename.endswith(".woff2") and i.file_size < 40_000 for i in fonts)
    assert not [i.filename for i in fonts if "Devanagari" in i.filename]  # the seed has no Devanagari
    for info in fonts:
        assert f'url("fonts/{info.filename.rsplit("/", 1)[1]}")' in css
    opf = epub_file(built[".epub"], "EPUB/content.opf")
    assert opf.count('media-type="font/woff2"') == len(fonts)


def test_the_markdown_sample_passes_every_checker(tmp_path):
    """Images with alt text, footnotes, lists, a table, quotes and rules: EPUBCheck, Ace and calibre all accept it."""
    from conftest import ROOT
    from layout import themes
    from layout.build import build

    result = build(ROOT / "source" / "markdown-sample.md", tmp_path, ("pdf", "epub"), themes.load("clipping"))
    book = next(p for p in result.outputs if p.suffix == ".epub")
    assert epubcheck(book) == []
    assert ace_violations(ace(book, tmp_path / "ace")) == []
    run = subprocess.run([require("ebook-convert"), str(book), str(tmp_path / "b.azw3")], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    opf = epub_file(book, "EPUB/content.opf")
    assert 'property="schema:accessibilityFeature">alternativeText<' in opf
    assert 'property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA<' in opf
    assert 'property="a11y:certifiedBy">layout ' in opf  # a conformance claim names who makes it
    assert 'property="schema:accessibilityFeature">structuralNavigation<' in opf  # the sample has subheadings
    chapter = epub_file(book, "EPUB/article.xhtml")
    assert chapter.count('epub:type="footnote"') == len(result.article.notes) >= 2
    assert '<th scope="col" class="align-right">2024</th>' in chapter  # column heads, aligned as the source says
    assert '<td class="align-right">66</td>' in chapter


def test_the_stylesheet_uses_no_selector_older_reading_systems_drop(seed_build):
    """:is() and :where() are unknown to older reading systems, which then drop the whole rule."""
    with zipfile.ZipFile(seed_build[".epub"]) as book:
        sheets = [re.sub(r"/\*.*?\*/", "", book.read(n).decode(), flags=re.S)
                  for n in book.namelist() if n.endswith(".css")]
    assert sheets and "em:lang(ar)" in "".join(sheets)
    assert not [s for s in sheets if re.search(r":(?:is|where|has)\(", s)]


def test_the_stylesheet_asks_every_engine_to_hyphenate_what_it_hyphenates(seed_build):
    """Older WebKit (Apple Books) and Adobe's engine know hyphenation only by their own property names."""
    with zipfile.ZipFile(seed_build[".epub"]) as book:
        css = re.sub(r"/\*.*?\*/", "", book.read("EPUB/style.css").decode(), flags=re.S)
    rules = re.findall(r"([^{}]+)\{([^}]*)\}", css)
    hyphenating = [(selector, body) for selector, body in rules if re.search(r"(?<![-\w])hyphens:", body)]
    assert hyphenating and all("-webkit-hyphens:" in body and "adobe-hyphenate:" in body for _, body in hyphenating
                               if re.search(r"(?<![-\w])hyphens:\s*auto", body))

