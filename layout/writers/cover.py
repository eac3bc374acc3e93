"""The EPUB cover image: a cover page set by the templates and the theme's fonts, rasterized to PNG."""

from __future__ import annotations

import io

from layout.writers import Job

WIDTH, HEIGHT = 1200, 1800


def cover_png(job: Job) -> bytes:
    """The cover as a PNG of WIDTH x HEIGHT pixels, in 16 grey levels (small, and identical across builds)."""
    import pypdfium2 as pdfium
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    from layout.fetcher import SandboxFetcher
    from layout.render import render

    html = render("cover.html", job.article, stylesheet=job.theme.print_css.as_uri())
    fetcher = SandboxFetcher((job.source_dir, *job.theme.roots))
    pdf = HTML(string=html, base_url=job.source_dir.resolve().as_uri() + "/", url_fetcher=fetcher).write_pdf(
        font_config=FontConfiguration())
    page = pdfium.PdfDocument(pdf)[0]
    image = page.render(scale=WIDTH / page.get_width()).to_pil().convert("L")
    image = image.resize((WIDTH, HEIGHT)) if image.size != (WIDTH, HEIGHT) else image
    out = io.BytesIO()
    image.quantize(16, dither=0).save(out, format="PNG", optimize=True)
    return out.getvalue()
