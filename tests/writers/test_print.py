"""The print edition's options, read back from the PDF: paper, bleed and marks, variants, outline, page count."""

import subprocess

import pytest
from pypdf import PdfReader

from conftest import body_text, page_count, pdfinfo, pdftotext, squash

MM = 72 / 25.4
SIZES = {"a4": (210, 297), "letter": (215.9, 279.4), "a5": (148, 210), "tabloid": (279.4, 431.8),
         "200x280mm": (200, 280), "8x10in": (203.2, 254)}


def box(page, name):
    return [round(float(v) / MM, 1) for v in getattr(page, name)]


@pytest.mark.parametrize("paper", sorted(SIZES))
def test_page_geometry(build_seed, paper):
    pdf = build_seed(paper=paper)[".pdf"]
    width, height = SIZES[paper]
    for page in PdfReader(pdf).pages:
        assert box(page, "mediabox") == [0, 0, round(width, 1), round(height, 1)]
        assert box(page, "trimbox") == box(page, "mediabox")


def test_print_adds_bleed_and_trim(build_seed):
    pdf = build_seed(marks=True)[".pdf"]
    for page in PdfReader(pdf).pages:
        assert box(page, "trimbox") == [0, 0, 210, 297]
        assert box(page, "bleedbox") == [-3, -3, 213, 300]
        assert box(page, "mediabox") == [-10, -10, 220, 307]  # room for the marks beyond the bleed


def dark_pixels(pdf, box_mm: tuple[float, float, float, float]) -> int:
    """Dark pixels of page 1 in (left, top, right, bottom), in mm from the sheet's top-left corner."""
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(pdf)[0]
    image = page.render(scale=4).to_pil().convert("L")
    region = image.crop(tuple(round(v * MM * 4) for v in box_mm))
    return sum(1 for value in region.tobytes() if value < 128)


def dark_pixels_in_corner(pdf) -> int:
    """Dark pixels in the sheet's top-left 11 mm, where crop marks are drawn."""
    return dark_pixels(pdf, (0, 0, 11, 11))


def test_marks_only_with_print(build_seed):
    assert dark_pixels_in_corner(build_seed(marks=True)[".pdf"]) > 20
    assert dark_pixels_in_corner(build_seed()[".pdf"]) == 0


def test_marks_stay_out_of_the_bleed(build_seed):
    """No mark in the 3 mm bleed beyond the trim, along the trim lines where crop marks run."""
    pdf = build_seed(marks=True)[".pdf"]
    page = PdfReader(pdf).pages[0]
    trim = box(page, "trimbox")[0] - box(page, "mediabox")[0]  # the trim's distance from the sheet's edge
    along_top = (trim - 3, trim - 0.5, trim, trim + 0.5)  # the top trim line, through the bleed
    along_left = (trim - 0.5, trim - 3, trim + 0.5, trim)
    assert dark_pixels(pdf, along_top) == 0 and dark_pixels(pdf, along_left) == 0
