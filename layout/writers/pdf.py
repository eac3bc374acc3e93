"""The PDF writer: the print HTML laid out by WeasyPrint with the theme's print CSS and bundled fonts."""

from __future__ import annotations

import hashlib
import logging

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from layout.errors import RenderError
from layout.fetcher import SandboxFetcher
from layout.render import render
from layout.writers import Files, Job

log = logging.getLogger(__name__)


def document(job: Job):
    """The laid-out WeasyPrint document of the print edition."""
    html = render("print.html", job.article, stylesheet=job.theme.print_css.as_uri(),
                  paper_class=job.options.paper.columns_class)
    fetcher = SandboxFetcher((job.source_dir, *job.theme.roots))
    base_url = job.source_dir.resolve().as_uri() + "/"
    fonts = FontConfiguration()
    page = CSS(string=job.options.page_css(), font_config=fonts, url_fetcher=fetcher)
    try:
        return HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
            font_config=fonts, stylesheets=[page], pdf_variant=job.options.variant or None)
    except Exception as exc:  # WeasyPrint raises many kinds; report one error
        raise RenderError(f"WeasyPrint could not lay out {job.stem}: {exc}") from exc


def write(job: Job) -> Files:
    """The PDF as bytes, byte-identical for identical input."""
    identifier = hashlib.md5(job.article.meta.identifier.encode()).hexdigest().encode()
    pdf = job.print_layout.write_pdf(pdf_identifier=identifier, pdf_variant=job.options.variant or None)
    return {f"{job.stem}.pdf": pdf}
