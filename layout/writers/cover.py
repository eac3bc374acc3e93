"""The EPUB cover image: a cover page set by the templates and the theme's fonts, rasterized to PNG."""

from __future__ import annotations

import dataclasses
import io

from layout.paper import PrintOptions
from layout.writers import Job

WIDTH, HEIGHT = 1200, 1800


def cover_png(job: Job) -> bytes:
    """The cover as a PNG of WIDTH x HEIGHT pixels, in 16 grey levels (small, and identical across builds)."""
    import pypdfium2 as pdfium

    from layout.writers.pdf import lay_out

    plain = dataclasses.replace(job, options=PrintOptions())  # no marks or PDF variant on a cover image
    pdf = lay_out(plain, "cover.html").write_pdf()
    page = pdfium.PdfDocument(pdf)[0]
    image = page.render(scale=WIDTH / page.get_width()).to_pil().convert("L")
    if image.size != (WIDTH, HEIGHT):
        image = image.resize((WIDTH, HEIGHT))
    out = io.BytesIO()
    image.quantize(16, dither=0).save(out, format="PNG", optimize=True)
    return out.getvalue()
