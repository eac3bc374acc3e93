"""The EPUB writer: chapter, cover and nav from the templates, packaged by EbookLib, re-zipped for identical bytes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import logging
import os
import re
import zipfile
from dataclasses import dataclass, field
from functools import partial

from ebooklib import epub
from lxml import etree

from layout import __version__, pagemap
from layout.dates import parse_date
from layout.errors import OptionError, RenderError
from layout.model import Article, Image
from layout.render import labels, render
from layout.typography import direction
from layout.writers import Files, Job
from layout.writers.cover import Cover, cover_png

log = logging.getLogger(__name__)

CHAPTER = "article.xhtml"
COVER_PAGE = "cover.xhtml"
STYLESHEET = "style.css"
FALLBACK_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
MAX_BYTES = 50 * 1024 * 1024
MAX_PIXELS = 4_900_000
SAFE_MODES = ("1", "L", "LA", "P", "PA", "RGB", "RGBA")  # what every reader shows right: no CMYK, no 16 bits
ORIENTATION = 0x0112  # the EXIF tag saying how a picture is turned
SMALL_COVER = 600  # pixels on its shorter side: a cover smaller than that looks blurred on a reader
MEDIA_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
               ".webp": "image/webp", ".svg": "image/svg+xml"}


@dataclass(frozen=True)
class Chapter:
    """One XHTML document of the spine, with its entry in the table of contents."""

    uid: str
    file: str
    title: str
    content: str
    headings: tuple[tuple[str, str], ...] = ()
    lang: str = ""  # the chapter's language, when it is not the book's (a digest's article)

    @property
    def href(self) -> str:
        return self.file


@dataclass(frozen=True)
class Book:
    """What the packager needs: metadata, the spine's chapters, the page list, cover and stylesheet."""

    article: Article  # the book's metadata (for a digest, the digest's), and its images
    chapters: tuple[Chapter, ...]
    pages: tuple[tuple[str, str], ...]
    cover: Cover  # the image, and whether it shows the standfirst
    css: str
    fonts: dict = field(default_factory=dict)
    images: tuple[Image, ...] = ()
    front: tuple[Chapter, ...] = ()  # before the articles: a digest's contents page
    cover_first_page: str = ""
    media: dict = field(default_factory=dict)  # images/NAME -> bytes


def write(job: Job) -> Files:
    """The EPUB as bytes: EPUB 3 with nav, page list and NCX, a cover, pinned dates, a normalized zip."""
    starts = pagemap.page_starts(job.print_layout, job.article)
    article, media = packaged_images(job.article, job.folders)
    chapter = article_chapter(article, "article", CHAPTER, starts)
    book = Book(job.article, (chapter,), page_list(starts, {0: CHAPTER}), article_cover(job), stylesheet(job),
                fonts_for(job), images_of(job.article), media=media)
    return {f"{job.stem}.epub": package(book, job)}


def article_cover(job: Job) -> Cover:
    """The article's own cover picture when it names one, else a cover set from its headline."""
    from layout.readers.assets import check_cover

    path = check_cover(job.article.meta.cover, job.source_dir, job.stem)
    if path is None:
        return cover_png(job)
    data = reader_safe(path, cover=True)
    from PIL import Image as Picture

    with Picture.open(io.BytesIO(data)) as picture:
        if min(picture.size) < SMALL_COVER:
            log.warning("%s: the cover %s is %dx%d pixels, small for a reader's screen (1200x1800 is usual)",
                        job.stem, path.name, *picture.size)
    return Cover(data, False, f"cover{'.jpg' if path.suffix.lower() == '.jpeg' else path.suffix.lower()}")


def packaged_images(article: Article, folders) -> tuple[Article, dict[str, bytes]]:
    """The article with its images renamed into the EPUB's images/ folder, and their (reader-safe) bytes."""
    from layout.readers.assets import local_image

    media, blocks = {}, []
    for block in article.blocks:
        if isinstance(block, Image):
            path = next((p for p, _ in (local_image(block.src, f) for f in folders) if p is not None), None)
            if path is None:
                raise RenderError(f"image {block.src} is not inside the article's folder",
                                  "keep the article's images beside it")
            name = f"images/{block.id}{path.suffix.lower()}"
            media[name] = reader_safe(path)
            block = dataclasses.replace(block, src=name)
        blocks.append(block)
    return dataclasses.replace(article, blocks=tuple(blocks)), media


def reader_safe(path, cover: bool = False) -> bytes:
    """The picture's bytes as every reading system shows them: turned upright by its EXIF orientation, in
    8-bit RGB or grey rather than CMYK or 16 bits, under 5 megapixels (some readers refuse more), and for a
    cover on white rather than transparent; untouched when it is all that already."""
    data = path.read_bytes()
    if path.suffix.lower() == ".svg":
        from layout.writers.svg import sanitize

        return sanitize(data, path.name)
    from PIL import Image as Picture, ImageOps

    with Picture.open(io.BytesIO(data)) as picture:
        turned = picture.getexif().get(ORIENTATION, 1) not in (0, 1)
        alpha = cover and (picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info)
        if not (turned or alpha or picture.mode not in SAFE_MODES or picture.width * picture.height > MAX_PIXELS):
            return data
        image, kind, profile = ImageOps.exif_transpose(picture), picture.format, picture.info.get("icc_profile")
        if alpha:
            image = flattened(image)
        if image.mode not in SAFE_MODES:
            image, profile = image.convert("RGBA" if "A" in image.mode else "RGB"), None  # a CMYK profile no longer fits
        if image.width * image.height > MAX_PIXELS:
            scale = (MAX_PIXELS / (image.width * image.height)) ** 0.5
            image = image.resize((int(image.width * scale), int(image.height * scale)))
            log.warning("%s is over 5 megapixels: scaled to %dx%d in the EPUB", path.name, *image.size)
        out = io.BytesIO()
        options = {"quality": 88} if kind == "JPEG" else {}
        image.save(out, format=kind, **options, **({"icc_profile": profile} if profile else {}))
        return out.getvalue()


def flattened(image):
    """A picture with transparency laid on white."""
    from PIL import Image as Picture

    rgba = image.convert("RGBA")
    white = Picture.new("RGBA", rgba.size, "white")
    return Picture.alpha_composite(white, rgba).convert("RGB")


def article_chapter(article: Article, uid: str, file: str, starts) -> Chapter:
    """An article's chapter: the EPUB template with the print edition's page markers (`starts`, its own)."""
    first = next((str(s.page) for s in starts if not s.block), "")
    marked = pagemap.with_markers(article, starts)
    content = render("epub.html", marked, first_page=first)
    headings = tuple((f"{file}#{b.id}", b.text) for b in article.blocks if b.type == "heading")
    return Chapter(uid, file, article.meta.title, content, headings, article.meta.lang)


def page_list(starts, files: dict[int, str]) -> tuple[tuple[str, str], ...]:
    """(label, href) of every page marker, in page order; `files` maps article index -> chapter file."""
    return tuple((str(s.page), f"{files[s.article]}#page-{s.page}") for s in starts if s.article in files)


def write_digest(job: Job, parts: list[Article], starts) -> bytes:
    """A digest's EPUB: one chapter per article, a contents page with print page numbers, one page list.

    `parts` are the articles with their ids set apart; `starts` the page map of the digest's print layout."""
    files = {i: f"article-{i + 1}.xhtml" for i in range(len(parts))} | {-1: "contents.xhtml"}
    media: dict[str, bytes] = {}
    packaged = []
    for article in parts:
        article, found = packaged_images(article, job.folders)
        packaged.append(article)
        media.update(found)
    chapters = tuple(article_chapter(a, f"article-{i + 1}", files[i], [s for s in starts if s.article == i])
                     for i, a in enumerate(packaged))
    front_starts = [s for s in starts if s.article == -1]
    cover_page = next((str(s.page) for s in front_starts if s.block == "digest-cover"), "")
    contents_page = next((str(s.page) for s in front_starts if s.block == "contents"), "")
    first_pages = {s.article: s.page for s in starts if not s.block and s.article >= 0}
    entries = [{"href": files[i], "title": a.meta.title, "page": first_pages.get(i, ""), "lang": a.meta.lang}
               for i, a in enumerate(parts)]
    contents = Chapter("contents", "contents.xhtml", labels(job.article.meta.lang)["contents"],
                            render("contents.html", job.article, entries=entries, first_page=contents_page))
    pages = tuple((str(s.page), f"{COVER_PAGE}#page-{s.page}" if s.block == "digest-cover"
                   else f"{files[s.article]}#page-{s.page}") for s in starts)
    book = Book(job.article, chapters, pages, cover_png(job, digest=True), stylesheet(job),
                     images=images_of(*parts), front=(contents,), cover_first_page=cover_page, media=media)
    return package(book, job)


def stylesheet(job: Job) -> str:
    return job.theme.epub_stylesheet()


def fonts_for(job: Job) -> dict[str, bytes]:
    if not job.embed_fonts:
        return {}
    from layout.writers.fonts import embed

    return embed(job)


def images_of(*articles: Article) -> tuple[Image, ...]:
    return tuple(b for a in articles for b in a.blocks if isinstance(b, Image))


def package(book: Book, job: Job) -> bytes:
    """Package `book` with EbookLib, then re-zip it for identical bytes; refuse what readers refuse."""
    modified = pinned_time(book.article.meta.date)
    pages = _present(book)
    raw = io.BytesIO()
    try:
        epub.write_epub(raw, assemble(book, job, pages), {"mtime": modified, "epub3_pages": False,
                                                          "raise_exceptions": True})
    except Exception as exc:
        raise RenderError(f"EbookLib could not package {job.stem}: {exc}") from exc
    data = normalize_zip(raw.getvalue(), modified, book.article.meta.lang,
                         ncx=partial(complete_ncx, pages=pages, label=labels(book.article.meta.lang)["pages"],
                                     place=reading_place(book)))
    if len(data) > MAX_BYTES:
        raise RenderError(f"the EPUB of {job.stem} is {len(data) // 1_000_000} MB, over the 50 MB readers accept",
                          "use smaller images")
    return data


def pinned_time(date: str) -> dt.datetime:
    """dcterms:modified: SOURCE_DATE_EPOCH, else the article's date, else a fixed epoch."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
        except (ValueError, OverflowError, OSError) as exc:
            raise OptionError(f"SOURCE_DATE_EPOCH={epoch[:20]} is not a time", "give seconds since 1970, or unset it") \
                from exc
    day = parse_date(date)
    if day is not None:
        return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
    return FALLBACK_EPOCH


def assemble(book: Book, job: Job, pages: tuple[tuple[str, str], ...]) -> epub.EpubBook:
    """The EbookLib book: metadata, stylesheet, fonts, cover, chapters, nav, NCX and spine."""
    meta = book.article.meta
    words = labels(meta.lang)
    out = epub.EpubBook()
    describe(out, book, job)
    css = book.css
    if book.fonts:
        css = add_fonts(out, book.fonts, css)
    out.add_item(epub.EpubItem(uid="style", file_name=STYLESHEET, media_type="text/css", content=css.encode()))
    out.set_cover(book.cover.name, book.cover.data, create_page=False)
    for name, data in sorted(book.media.items()):
        out.add_item(epub.EpubItem(uid=name.replace("/", "-").replace(".", "-"), file_name=name,
                                   media_type=MEDIA_TYPES[name[name.rindex("."):]], content=data))
    cover = xhtml("cover", words["cover"], COVER_PAGE, meta.lang,
                  render("cover_page.html", book.article, image=book.cover.name, first_page=book.cover_first_page,
                         shows_dek=book.cover.shows_dek))
    documents = [xhtml(c.uid, c.title, c.file, c.lang or meta.lang, c.content) for c in book.front + book.chapters]
    nav = xhtml("nav", words["contents"], "nav.xhtml", meta.lang,
                render("nav.html", book.article, chapters=book.chapters, cover_page=COVER_PAGE,
                       contents_page=book.front[0].file if book.front else "", bodymatter=book.chapters[0].file,
                       pages=pages))
    nav.properties = ["nav"]
    for item in [cover, *documents, nav]:
        out.add_item(item)
    out.add_item(epub.EpubNcx())
    out.toc = [(epub.Section(c.title, c.href), [epub.Link(href, text, f"{c.uid}-{i}")
                                                for i, (href, text) in enumerate(c.headings, 1)])
               if c.headings else epub.Link(c.href, c.title, c.uid) for c in book.chapters]  # the nav's, for the NCX
    out.spine = [cover, *documents]
    return out


def _present(book: Book) -> tuple[tuple[str, str], ...]:
    """The page list, keeping only the pages whose marker made it into a document."""
    documents = {c.file: c.content for c in book.front + book.chapters}
    documents[COVER_PAGE] = f'id="page-{book.cover_first_page}"' if book.cover_first_page else ""
    kept = tuple((label, href) for label, href in book.pages
                 if f'id="{href.split("#")[1]}"' in documents.get(href.split("#")[0], ""))
    for label, href in book.pages:
        if (label, href) not in kept:
            log.warning("page %s of the print edition has no place in the EPUB; left out of the page list", label)
    return kept


def xhtml(uid: str, title: str, name: str, lang: str, content: str) -> epub.EpubHtml:
    """A document of the book, in `lang` and its direction (EbookLib writes the <html> element itself)."""
    rtl = direction(lang) == "rtl"
    item = epub.EpubHtml(uid=uid, title=title, file_name=name, lang=lang, direction="rtl" if rtl else None)
    item.content = content
    if uid != "nav":
        item.add_link(href=STYLESHEET, rel="stylesheet", type="text/css")
    return item


def add_fonts(book: epub.EpubBook, fonts: dict[str, bytes], css: str) -> str:
    """Add the subset WOFF2 fonts to the book and return the CSS with their @font-face rules first."""
    from layout.writers.fonts import font_faces

    for name, data in fonts.items():
        book.add_item(epub.EpubItem(uid=f"font-{name.split('.')[0]}", file_name=f"fonts/{name}",
                                    media_type="font/woff2", content=data))
    return font_faces(fonts) + css


def describe(out: epub.EpubBook, book: Book, job: Job) -> None:
    """Dublin Core and accessibility metadata, each only as far as it is true of this book."""
    meta = book.article.meta
    out.set_identifier(meta.identifier)
    out.set_title(meta.title)
    out.set_language(meta.lang)
    for lang in dict.fromkeys(c.lang for c in book.chapters if c.lang and c.lang != meta.lang):
        out.add_metadata("DC", "language", lang)  # a digest's chapters in other languages: the first is the book's
    if direction(meta.lang) == "rtl":
        out.set_direction("rtl")  # the spine's page-progression-direction: pages turn leftwards
    for number, author in enumerate(meta.authors, 1):
        out.add_author(author, uid=f"creator{number}")
    for name, value in (("publisher", meta.publication), ("description", meta.dek), ("source", meta.url)):
        if value:
            out.add_metadata("DC", name, value)
    day = parse_date(meta.date)
    if day:
        out.add_metadata("DC", "date", day.isoformat())
    for keyword in meta.keywords:
        out.add_metadata("DC", "subject", keyword)
    paged = bool(book.pages)
    headed = any(chapter.headings for chapter in book.chapters) or len(book.chapters) > 1
    for prop, value in accessibility(book.images, paged, headed):
        out.add_metadata(None, "meta", value, {"property": prop})
    if paged:
        source = (f"{job.stem}.pdf, the print edition layout makes of this text "
                  f"({job.theme.name} theme, {job.options.paper.name.upper()})")
        out.add_metadata(None, "meta", source, {"property": "pageBreakSource"})


def accessibility(images: tuple[Image, ...], paged: bool, headed: bool = True) -> list[tuple[str, str]]:
    """schema.org accessibility properties computed from the facts of this book: `paged` when it carries the
    print edition's page numbers, `headed` when headings (or several chapters) structure it."""
    described = all(b.alt for b in images)
    for image in images:
        if not image.alt:
            log.warning("image %s has no alt text: the EPUB will say so, and claims no WCAG conformance", image.src)
    modes = ["textual"] + (["visual"] if images else [])
    features = (["structuralNavigation"] if headed else []) + ["tableOfContents", "readingOrder"]
    features += ["printPageNumbers", "pageNavigation"] if paged else []
    features += ["alternativeText"] if images and described else []
    summary = "Text with headings, a table of contents" if headed else "Text in one section, a table of contents"
    summary += " and the print edition's page numbers." if paged else "."
    summary += " Every image has a text alternative." if images and described else ""
    summary += " Some images have no text alternative." if not described else ""
    props = [("schema:accessMode", mode) for mode in modes]
    props.append(("schema:accessModeSufficient", "textual" if described else ",".join(modes)))
    props += [("schema:accessibilityFeature", feature) for feature in features]
    props += [("schema:accessibilityHazard", "none"), ("schema:accessibilitySummary", summary)]
    if described:
        props.append(("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"))
        props.append(("a11y:certifiedBy",
                      f"layout {__version__}, the tool that made this book (not an independent evaluation)"))
    return props


def normalize_zip(data: bytes, when: dt.datetime, lang: str, ncx=None) -> bytes:
    """Re-pack the EPUB: mimetype first and stored, fixed entry dates, `xml:lang` on the package, and the
    NCX passed through `ncx` (a function of its bytes) when given."""
    earliest, latest = (dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc),
                        dt.datetime(2107, 12, 31, tzinfo=dt.timezone.utc))  # what a zip entry can say
    stamp = min(max(when, earliest), latest).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        names = source.namelist()
        for name in ["mimetype"] + [n for n in names if n != "mimetype"]:
            content = source.read(name)
            if name.endswith(".opf"):
                content = _package_lang(content, lang)
            elif name.endswith(".ncx") and ncx is not None:
                content = ncx(content)
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, content)
    return out.getvalue()


def _package_lang(opf: bytes, lang: str) -> bytes:
    text = opf.decode("utf-8")
    text = re.sub(r"<package\b(?![^>]*xml:lang)", f'<package xml:lang="{lang}"', text, count=1)
    return text.encode("utf-8")


NCX = "http://www.daisy.org/z3986/2005/ncx/"


def reading_place(book: Book):
    """Where a link ("file#id") leads in reading order: the document's place in the spine, then how many words
    of it come before the element (a whole document: none; so its start and a page marker before its first
    word are one place)."""
    spine = [COVER_PAGE] + [c.file for c in book.front + book.chapters]
    contents = {c.file: c.content for c in book.front + book.chapters}
    contents[COVER_PAGE] = f'id="page-{book.cover_first_page}"' if book.cover_first_page else ""

    def place(src: str) -> tuple[int, int]:
        file, _, anchor = src.partition("#")
        content = contents.get(file, "")
        at = max(content.rfind("<", 0, content.find(f'id="{anchor}"')), 0) if anchor else 0  # its tag's start
        body = content[max(content.find("<body"), 0):at]
        return (spine.index(file) if file in spine else len(spine), len(re.sub(r"<[^>]*>", " ", body).split()))
    return place


def complete_ncx(ncx: bytes, pages: tuple[tuple[str, str], ...], label: str = "Pages", place=None) -> bytes:
    """EbookLib's NCX with what EPUB 2 reading systems read: the depth, the print edition's pages as a
    pageList with their count, and each entry's play order: its place in reading order (see reading_place)."""
    root = etree.fromstring(ncx)
    points = root.findall(f".//{{{NCX}}}navPoint")
    depth = max((len(p.xpath("ancestor-or-self::n:navPoint", namespaces={"n": NCX})) for p in points), default=1)
    numbers = [int(n) for n, _ in pages if n.isdigit()]
    head = {m.get("name"): m for m in root.iter(f"{{{NCX}}}meta")}
    head["dtb:depth"].set("content", str(depth))
    head["dtb:totalPageCount"].set("content", str(len(pages)))
    head["dtb:maxPageNumber"].set("content", str(max(numbers, default=0)))
    if pages:
        page_list = etree.SubElement(root, f"{{{NCX}}}pageList")
        etree.SubElement(etree.SubElement(page_list, f"{{{NCX}}}navLabel"), f"{{{NCX}}}text").text = label
        for number, href in pages:
            target = etree.SubElement(page_list, f"{{{NCX}}}pageTarget", id=f"page-target-{number}", type="normal")
            if number.isdigit():
                target.set("value", number)
            etree.SubElement(etree.SubElement(target, f"{{{NCX}}}navLabel"), f"{{{NCX}}}text").text = number
            etree.SubElement(target, f"{{{NCX}}}content", src=href)
    play_order(root, place)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def play_order(root, place=None) -> None:
    """Number the NCX's entries and page targets in reading order (without `place`, as they are listed); one
    number to a link, as EPUBCheck asks: where two lead to one place, the one listed first comes first."""
    entries = [e for e in root.iter(f"{{{NCX}}}navPoint", f"{{{NCX}}}pageTarget")]
    sources = [e.find(f"{{{NCX}}}content").get("src") for e in entries]
    first = {src: i for i, src in reversed(list(enumerate(sources)))}
    ordered = sorted(first, key=lambda src: ((place(src) if place else ()), first[src]))
    rank = {src: order for order, src in enumerate(ordered, 1)}
    for entry, src in zip(entries, sources):
        entry.set("playOrder", str(rank[src]))
