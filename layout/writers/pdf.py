"""The PDF writer: the print HTML laid out by WeasyPrint with the theme's print CSS and bundled fonts."""

from __future__ import annotations

import hashlib
import logging
from functools import lru_cache
from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from layout.errors import RenderError
from layout.fetcher import SandboxFetcher
from layout.render import render
from layout.writers import Files, Job

log = logging.getLogger(__name__)


def stylesheets(job: Job) -> tuple[FontConfiguration, list[CSS]]:
    """The fonts and the parsed bundled and theme stylesheets, parsed once per process while unchanged."""
    fonts_css, theme_css = job.theme.fonts / "fonts.css", job.theme.print_css
    return _parsed(fonts_css, _stamp(fonts_css), theme_css, _stamp(theme_css), job.theme.roots)


def _stamp(path: Path) -> tuple[int, int]:
    """What tells a changed file (for `layout watch`): its modification time and size."""
    status = path.stat()
    return status.st_mtime_ns, status.st_size


@lru_cache(maxsize=8)
def _parsed(fonts_css: Path, _fonts_stamp, theme_css: Path, _theme_stamp, roots: tuple[Path, ...]):
    fonts = FontConfiguration()
    fetcher = SandboxFetcher(roots)  # a theme reads only its own folders
    sheets = [CSS(filename=str(path), font_config=fonts, url_fetcher=fetcher) for path in (fonts_css, theme_css)]
    return fonts, sheets


def lay_out(job: Job, template: str, page_css: str = "", **extra):
    """Render `template` for the job and lay it out: theme CSS, bundled fonts, sandboxed fetcher."""
    html = render(template, job.article, stylesheet="", **extra)  # the theme comes parsed, not linked
    fetcher = SandboxFetcher(job.folders)
    fonts, sheets = stylesheets(job)
    sheets = list(sheets)
    if page_css:
        sheets.append(CSS(string=page_css, font_config=fonts, url_fetcher=fetcher))
    base_url = job.source_dir.resolve().as_uri() + "/"
    try:
        return HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
            font_config=fonts, stylesheets=sheets, pdf_variant=job.options.variant or None)
    except Exception as exc:  # WeasyPrint raises many kinds; report one error
        raise RenderError(f"WeasyPrint could not lay out {job.stem}: {exc}") from exc


def document(job: Job):
    """The laid-out print edition."""
    return lay_out(job, "print.html", job.options.page_css(), paper_class=job.options.paper.columns_class)


def write(job: Job) -> Files:
    """The PDF as bytes, byte-identical for identical input."""
    return {f"{job.stem}.pdf": pdf_bytes(job.print_layout, job.article.meta, job.options.variant)}


def pdf_bytes(document, meta, variant: str = "") -> bytes:
    """Write a laid-out document with an /ID pinned to the article's identifier."""
    identifier = hashlib.md5(meta.identifier.encode()).hexdigest().encode()
    return document.write_pdf(pdf_identifier=identifier, pdf_variant=variant or None)
