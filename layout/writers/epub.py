"""The EPUB writer: the EPUB chapter HTML packaged by EbookLib, then re-zipped for identical bytes."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile

from ebooklib import epub

from layout.errors import RenderError
from layout.model import Article, Image
from layout.render import labels, parse_date, render
from layout.writers import Files, Job

CHAPTER = "article.xhtml"
STYLESHEET = "style.css"
FALLBACK_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


def write(job: Job) -> Files:
    """The EPUB as bytes: EPUB 3 with nav and NCX, pinned dates, a normalized zip."""
    modified = pinned_time(job.article.meta.date)
    book = package(job)
    raw = io.BytesIO()
    try:
        epub.write_epub(raw, book, {"mtime": modified, "epub3_pages": False, "raise_exceptions": True})
    except Exception as exc:
        raise RenderError(f"EbookLib could not package {job.stem}: {exc}") from exc
    return {f"{job.stem}.epub": normalize_zip(raw.getvalue(), modified, job.article.meta.lang)}


def pinned_time(date: str) -> dt.datetime:
    """dcterms:modified: SOURCE_DATE_EPOCH, else the article's date, else a fixed epoch."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    day = parse_date(date)
    if day is not None:
        return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
    return FALLBACK_EPOCH


def package(job: Job) -> epub.EpubBook:
    """The EbookLib book: metadata, stylesheet, chapter, nav, NCX and spine."""
    article, meta = job.article, job.article.meta
    book = epub.EpubBook()
    describe(book, article)
    css = epub.EpubItem(uid="style", file_name=STYLESHEET, media_type="text/css",
                        content=job.theme.epub_css.read_bytes())
    book.add_item(css)
    chapter = epub.EpubHtml(uid="article", title=meta.title, file_name=CHAPTER, lang=meta.lang)
    chapter.content = render("epub.html", article)
    chapter.add_link(href=STYLESHEET, rel="stylesheet", type="text/css")
    book.add_item(chapter)
    nav = epub.EpubHtml(uid="nav", title=labels(meta.lang)["contents"], file_name="nav.xhtml", lang=meta.lang)
    nav.properties = ["nav"]
    nav.content = render("nav.html", article, chapter=CHAPTER)
    book.add_item(nav)
    book.add_item(epub.EpubNcx())
    book.toc = toc(article)
    book.spine = [chapter]
    return book


def toc(article: Article) -> list:
    """The NCX table of contents: the headline, then the subheadings."""
    entries = [epub.Link(f"{CHAPTER}#headline", article.meta.title, "headline")]
    entries += [epub.Link(f"{CHAPTER}#{b.id}", b.text, b.id) for b in article.blocks if b.type == "heading"]
    return entries


def describe(book: epub.EpubBook, article: Article) -> None:
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
    if parse_date(meta.date):
        book.add_metadata("DC", "date", parse_date(meta.date).isoformat())
    for keyword in meta.keywords:
        book.add_metadata("DC", "subject", keyword)
    for prop, value in accessibility(article):
        book.add_metadata(None, "meta", value, {"property": prop})


def accessibility(article: Article) -> list[tuple[str, str]]:
    """schema.org accessibility properties computed from the facts of this book."""
    images = [b for b in article.blocks if isinstance(b, Image)]
    modes = ["textual"] + (["visual"] if images else [])
    features = ["structuralNavigation", "tableOfContents", "readingOrder"]
    if images and all(b.alt for b in images):
        features.append("alternativeText")
    summary = "A single article with a table of contents and headings for navigation."
    if images and not all(b.alt for b in images):
        summary += " Some images have no text alternative."
    props = [("schema:accessMode", m) for m in modes]
    props.append(("schema:accessModeSufficient", "textual" if not images or all(b.alt for b in images)
                  else ",".join(modes)))
    props += [("schema:accessibilityFeature", f) for f in features]
    props += [("schema:accessibilityHazard", "none"), ("schema:accessibilitySummary", summary)]
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
