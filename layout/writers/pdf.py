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


@lru_cache(maxsize=8)
def bundled_fonts(fonts_css: Path, roots: tuple[Path, ...]) -> tuple[FontConfiguration, CSS]:
    """The bundled fonts, set up once per process: a FontConfiguration and the parsed fonts.css."""
    fonts = FontConfiguration()
    return fonts, CSS(filename=str(fonts_css), font_config=fonts, url_fetcher=SandboxFetcher(roots))


def lay_out(job: Job, template: str, page_css: str = "", **extra):
    """Render `template` for the job and lay it out: theme CSS, bundled fonts, sandboxed fetcher."""
    html = render(template, job.article, stylesheet=job.theme.print_css.as_uri(), **extra)
    fetcher = SandboxFetcher(job.folders)
    fonts, fonts_css = bundled_fonts(job.theme.fonts / "fonts.css", job.theme.roots)
    sheets = [fonts_css]
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
