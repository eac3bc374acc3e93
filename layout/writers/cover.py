"""The EPUB cover image: a cover page set by the templates and the theme's fonts, rasterized to PNG."""

from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass
import logging

from layout.paper import PrintOptions
from layout.writers import Job

log = logging.getLogger(__name__)

WIDTH, HEIGHT = 1200, 1800
FITS = 4  # sizes of the headline and standfirst, largest first (see the .fit-N rules of the shared print CSS)
DEK_LEFT_OUT = 3  # the size from which the cover leaves out the standfirst (cover.html)
GREYS = 16
PALETTE = [channel for level in range(GREYS) for channel in (level * 17,) * 3]


@dataclass(frozen=True)
class Cover:
    """The cover image, its file name in the book, and whether it shows the standfirst (the longest headlines
    leave it out; an article's own cover picture is taken to show neither)."""

    data: bytes
    shows_dek: bool
    name: str = "cover.png"


def cover_png(job: Job, digest: bool = False) -> Cover:
    """The cover as a 4-bit PNG of WIDTH x HEIGHT pixels in 16 greys: small, quick, the same bytes each build."""
    import pypdfium2 as pdfium
    from PIL import Image

    document, fit = fitted(job, digest)
    pdf = document.write_pdf()
    page = pdfium.PdfDocument(pdf)[0]
    grey = page.render(scale=WIDTH / page.get_width(), grayscale=True).to_pil().convert("L")
    if grey.size != (WIDTH, HEIGHT):
        grey = grey.resize((WIDTH, HEIGHT))
    levels = grey.point(lambda value: (value + 8) // 17)  # 0..15, the nearest of the 16 greys
    image = Image.frombytes("P", levels.size, levels.tobytes())
    image.putpalette(PALETTE)
    out = io.BytesIO()
    image.save(out, format="PNG", bits=4)
    return Cover(out.getvalue(), fit < DEK_LEFT_OUT)


def fitted(job: Job, digest: bool = False):
    """The cover laid out at the largest size that keeps it on one page, and that size (0 the largest)."""
    from layout.writers.pdf import lay_out

    plain = dataclasses.replace(job, options=PrintOptions())  # no marks or PDF variant on a cover image
    for fit in range(FITS):
        document = lay_out(plain, "cover.html", fit=fit, digest=digest, dek_left_out=DEK_LEFT_OUT)
        if len(document.pages) == 1:
            return document, fit
    log.warning("%s: the headline is too long for the cover; the cover shows its start", job.stem)
    return document, FITS - 1
