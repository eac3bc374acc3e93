"""The EPUB writer, checked by EPUBCheck and by reading the package back."""

import zipfile

from conftest import ARABIC_ARTICLE, ROOT, ace, ace_violations, epub_file, epubcheck
from layout import themes
from layout.build import build


def test_epubcheck_reports_nothing(seed_build):
    messages = epubcheck(seed_build[".epub"])
    assert messages == [], [(m["ID"], m["message"]) for m in messages]


def test_zip_is_normalized(seed_build):
    with zipfile.ZipFile(seed_build[".epub"]) as epub:
        first = epub.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert epub.read("mimetype") == b"application/epub+zip"
        assert len({info.date_time for info in epub.infolist()}) == 1


def test_package_metadata(seed_build):
    meta = seed_build["article"].meta
    with zipfile.ZipFile(seed_build[".epub"]) as epub:
        opf = epub.read("EPUB/content.opf").decode()
        names = epub.namelist()
    assert '<package xml:lang="en"' in opf
    assert f">{meta.identifier}</dc:identifier>" in opf
    assert '<meta property="dcterms:modified">2024-11-19T00:00:00Z</meta>' in opf  # the sidecar's date
    assert "<dc:publisher>National Post</dc:publisher>" in opf
    assert "EPUB/toc.ncx" in names and "EPUB/nav.xhtml" in names


def test_chapter_holds_every_block(seed_build):
    import re

    with zipfile.ZipFile(seed_build[".epub"]) as epub:
        chapter = epub.read("EPUB/article.xhtml").decode()
    text = " ".join(re.sub(r"<[^>]+>", "", chapter).split())
    for block in seed_build["article"].blocks:
        assert " ".join(block.text.split()) in text, block.id


def test_source_date_epoch_pins_modified(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    result = build(ROOT / "source" / "ukraine-atacms.txt", tmp_path, ("epub",), themes.load("clipping"))
    with zipfile.ZipFile(result.outputs[0]) as epub:
        assert "2023-11-14T22:13:20Z" in epub.read("EPUB/content.opf").decode()


def test_two_builds_are_byte_identical(tmp_path, seed_build):
    again = build(ROOT / "source" / "ukraine-atacms.txt", tmp_path, ("epub",), themes.load("clipping"))
    assert again.outputs[0].read_bytes() == seed_build[".epub"].read_bytes()


def test_an_image_without_alt_text_is_not_claimed_accessible(tmp_path, caplog):
    import shutil

    shutil.copy(ROOT / "source" / "images" / "chart.png", tmp_path / "chart.png")
    body = "\n\n".join(f"Paragraph {n} of an article about repairs, long enough to be a real paragraph of text."
                       for n in range(1, 6))
    source = tmp_path / "noalt.md"
    source.write_text(f"---\ntitle: No alt\n---\n\n{body}\n\n![](chart.png)\n")
    result = build(source, tmp_path / "out", ("epub",), themes.load("clipping"))
    with zipfile.ZipFile(result.outputs[0]) as book:
        opf = book.read("EPUB/content.opf").decode()
    assert "alternativeText" not in opf and "conformsTo" not in opf
    assert 'property="schema:accessModeSufficient">textual,visual<' in opf
    assert "no alt text" in caplog.text
    assert epubcheck(result.outputs[0]) == []


def test_the_articles_own_cover_picture_is_the_cover(tmp_path):
    from PIL import Image

    (tmp_path / "images").mkdir()
    Image.new("RGB", (1000, 1500), (30, 60, 90)).save(tmp_path / "images" / "front.jpeg", quality=80)
    source = tmp_path / "story.md"
    source.write_text("---\ntitle: Its own cover\ncover: images/front.jpeg\n---\n\nThe first paragraph of a story "
                      "that carries its own cover picture.\n\nThe second paragraph.\n", encoding="utf-8")
    epub = build(source, tmp_path / "out", ("epub",), themes.load("clipping")).outputs[0]
    assert epubcheck(epub) == []
    with zipfile.ZipFile(epub) as book:
        opf = book.read("EPUB/content.opf").decode()
        assert book.read("EPUB/cover.jpg") == (tmp_path / "images" / "front.jpeg").read_bytes()
        assert "EPUB/cover.png" not in book.namelist()
        page = book.read("EPUB/cover.xhtml").decode()
    assert 'href="cover.jpg" id="cover-img" media-type="image/jpeg" properties="cover-image"' in opf
    assert 'src="cover.jpg" alt="Cover: Its own cover"' in page


def test_pictures_are_made_safe_for_every_reader(tmp_path):
    """Turned upright by their EXIF orientation, RGB rather than CMYK, and a cover on white, not transparent."""
    import io

    from PIL import Image

    from layout.writers.epub import reader_safe

    turned = Image.new("RGB", (40, 20), "red")
    exif = turned.getexif()
    exif[0x0112] = 6  # shown turned a quarter clockwise: 20 wide, 40 high
    turned.save(tmp_path / "turned.jpg", exif=exif)
    Image.new("CMYK", (30, 30), (0, 255, 255, 0)).save(tmp_path / "cmyk.jpg")
    Image.new("RGBA", (10, 10), (0, 0, 0, 0)).save(tmp_path / "clear.png")
    Image.new("RGB", (10, 10), "blue").save(tmp_path / "plain.png")

    def opened(name, cover=False):
        return Image.open(io.BytesIO(reader_safe(tmp_path / name, cover)))

    upright = opened("turned.jpg")
    assert upright.size == (20, 40) and upright.getexif().get(0x0112) in (None, 1)
    assert opened("cmyk.jpg").mode == "RGB"
    assert opened("clear.png", cover=True).getpixel((5, 5)) == (255, 255, 255)
    assert opened("clear.png").mode == "RGBA"  # a picture in the text keeps its transparency
    assert reader_safe(tmp_path / "plain.png") == (tmp_path / "plain.png").read_bytes()  # nothing to do: untouched


def test_an_arabic_book_reads_right_to_left(tmp_path):
    """Every document says dir="rtl", the spine turns pages leftwards, the embedded fonts include the Arabic
    faces (and no face of a script the text lacks); EPUBCheck and Ace find nothing."""
    source = tmp_path / "arabic.md"
    source.write_text(ARABIC_ARTICLE, encoding="utf-8")
    book = build(source, tmp_path, ("epub",), themes.load("clipping"), embed_fonts=True).outputs[0]
    assert epubcheck(book) == []
    assert ace_violations(ace(book, tmp_path / "ace")) == []
    assert 'page-progression-direction="rtl"' in epub_file(book, "EPUB/content.opf")
    for name in ("EPUB/article.xhtml", "EPUB/nav.xhtml", "EPUB/cover.xhtml"):
        assert 'lang="ar" xml:lang="ar" dir="rtl"' in epub_file(book, name), name
    with zipfile.ZipFile(book) as archive:
        fonts = {n.rsplit("/", 1)[1] for n in archive.namelist() if n.startswith("EPUB/fonts/")}
    assert {"NotoNaskhArabic-Regular.woff2", "NotoSansArabic-Bold.woff2"} <= fonts
    assert not {f for f in fonts if "Hebrew" in f or "Devanagari" in f}
