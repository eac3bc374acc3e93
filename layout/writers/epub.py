"""The EPUB writer: chapter, cover and nav from the templates, packaged by EbookLib, re-zipped for identical bytes."""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import re
import zipfile

from ebooklib import epub

from layout import pagemap
from layout.errors import RenderError
from layout.model import Article, Image
from layout.render import labels, parse_date, render
from layout.writers import Files, Job

log = logging.getLogger(__name__)

CHAPTER = "article.xhtml"
COVER_PAGE = "cover.xhtml"
COVER_IMAGE = "cover.png"
STYLESHEET = "style.css"
FALLBACK_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
MAX_BYTES = 50 * 1024 * 1024


def write(job: Job) -> Files:
    """The EPUB as bytes: EPUB 3 with nav, page list and NCX, a cover, pinned dates, a normalized zip."""
    starts = pagemap.page_starts(job.print_layout, job.article)
    book = package(job, starts)
    raw = io.BytesIO()
    modified = pinned_time(job.article.meta.date)
    try:
        epub.write_epub(raw, book, {"mtime": modified, "epub3_pages": False, "raise_exceptions": True})
    except Exception as exc:
        raise RenderError(f"EbookLib could not package {job.stem}: {exc}") from exc
    data = normalize_zip(raw.getvalue(), modified, job.article.meta.lang)
    if len(data) > MAX_BYTES:
        raise RenderError(f"the EPUB of {job.stem} is {len(data) // 1_000_000} MB, over the 50 MB readers accept",
                          "use smaller images")
    return {f"{job.stem}.epub": data}


def pinned_time(date: str) -> dt.datetime:
    """dcterms:modified: SOURCE_DATE_EPOCH, else the article's date, else a fixed epoch."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    day = parse_date(date)
    if day is not None:
        return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
    return FALLBACK_EPOCH


def package(job: Job, starts: tuple[pagemap.PageStart, ...]) -> epub.EpubBook:
    """The EbookLib book: metadata, stylesheet, fonts, cover, chapter with page markers, nav, NCX and spine."""
    article, meta = job.article, job.article.meta
    words = labels(meta.lang)
    book = epub.EpubBook()
    describe(book, article, job, bool(starts))
    css = job.theme.epub_css.read_text(encoding="utf-8")
    if job.embed_fonts:
        from layout.writers.fonts import embed

        css = add_fonts(book, embed(job), css)
    book.add_item(epub.EpubItem(uid="style", file_name=STYLESHEET, media_type="text/css", content=css.encode()))
    from layout.writers.cover import cover_png

    book.set_cover(COVER_IMAGE, cover_png(job), create_page=False)
    cover = xhtml("cover", words["cover"], COVER_PAGE, meta.lang,
                  render("cover_page.html", article, image=COVER_IMAGE))
    marked = pagemap.with_markers(article, starts)
    chapter = xhtml("article", meta.title, CHAPTER, meta.lang,
                    render("epub.html", marked, first_page="1" if starts else ""))
    nav = xhtml("nav", words["contents"], "nav.xhtml", meta.lang,
                render("nav.html", article, chapter=CHAPTER, cover_page=COVER_PAGE,
                       pages=[str(start.page) for start in starts]))
    nav.properties = ["nav"]
    for item in (cover, chapter, nav):
        book.add_item(item)
    book.add_item(epub.EpubNcx())
    book.toc = toc(article)
    book.spine = [cover, chapter]
    return book


def xhtml(uid: str, title: str, name: str, lang: str, content: str) -> epub.EpubHtml:
    item = epub.EpubHtml(uid=uid, title=title, file_name=name, lang=lang)
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


def toc(article: Article) -> list:
    """The NCX table of contents: the headline, then the subheadings."""
    entries = [epub.Link(f"{CHAPTER}#headline", article.meta.title, "headline")]
    entries += [epub.Link(f"{CHAPTER}#{b.id}", b.text, b.id) for b in article.blocks if b.type == "heading"]
    return entries


def describe(book: epub.EpubBook, article: Article, job: Job, paged: bool) -> None:
    """Dublin Core and accessibility metadata, each only as far as it is true of this book."""
    meta = article.meta
    book.set_identifier(meta.identifier)
    book.set_title(meta.title)
    book.set_language(meta.lang)
    for author in meta.authors:
        book.add_author(author)
    for name, value in (("publisher", meta.publication), ("description", meta.dek), ("source", meta.url)):
        if value:
            book.add_metadata("DC", name, value)
    day = parse_date(meta.date)
    if day:
        book.add_metadata("DC", "date", day.isoformat())
    for keyword in meta.keywords:
        book.add_metadata("DC", "subject", keyword)
    for prop, value in accessibility(article, paged):
        book.add_metadata(None, "meta", value, {"property": prop})
    if paged:
        source = f"{meta.identifier} print edition ({job.theme.name} theme, {job.options.paper.name.upper()})"
        book.add_metadata(None, "meta", source, {"property": "pageBreakSource"})


def accessibility(article: Article, paged: bool) -> list[tuple[str, str]]:
    """schema.org accessibility properties computed from the facts of this book."""
    images = [b for b in article.blocks if isinstance(b, Image)]
    described = all(b.alt for b in images)
    for image in images:
        if not image.alt:
            log.warning("image %s has no alt text: the EPUB will say so, and claims no WCAG conformance", image.src)
    modes = ["textual"] + (["visual"] if images else [])
    features = ["structuralNavigation", "tableOfContents", "readingOrder"]
    features += ["printPageNumbers", "pageNavigation"] if paged else []
    features += ["alternativeText"] if images and described else []
    summary = "One article with headings, a table of contents"
    summary += " and the print edition's page numbers." if paged else "."
    summary += " Every image has a text alternative." if images and described else ""
    summary += " Some images have no text alternative." if not described else ""
    props = [("schema:accessMode", mode) for mode in modes]
    props.append(("schema:accessModeSufficient", "textual" if described else ",".join(modes)))
    props += [("schema:accessibilityFeature", feature) for feature in features]
    props += [("schema:accessibilityHazard", "none"), ("schema:accessibilitySummary", summary)]
    if described:
        props.append(("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"))
    return props


def normalize_zip(data: bytes, when: dt.datetime, lang: str) -> bytes:
    """Re-pack the EPUB: mimetype first and stored, fixed entry dates, `xml:lang` on the package."""
    stamp = max(when, dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        names = source.namelist()
        for name in ["mimetype"] + [n for n in names if n != "mimetype"]:
            content = source.read(name)
            if name.endswith(".opf"):
                content = _package_lang(content, lang)
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, content)
    return out.getvalue()


def _package_lang(opf: bytes, lang: str) -> bytes:
    text = opf.decode("utf-8")
    text = re.sub(r"<package\b(?![^>]*xml:lang)", f'<package xml:lang="{lang}"', text, count=1)
    return text.encode("utf-8")
