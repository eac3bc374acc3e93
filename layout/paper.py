"""Paper sizes and print options for the PDF: named sizes, custom sizes, bleed and marks, PDF variants."""

from __future__ import annotations

import re
from dataclasses import dataclass

from layout.errors import OptionError

# name -> (width, height) in millimetres
PAPERS: dict[str, tuple[float, float]] = {
    "a4": (210, 297),
    "letter": (215.9, 279.4),
    "a5": (148, 210),
    "tabloid": (279.4, 431.8),
}
VARIANTS = ("pdf/a-3b", "pdf/ua-1")
BLEED_MM = 3  # the bleed a print shop trims off
MARKS_MM = 10  # the sheet reaches this far past the trim: crop marks, drawn in its outer half, clear the bleed
_UNITS = {"mm": 1.0, "cm": 10.0, "in": 25.4, "pt": 25.4 / 72}
_CUSTOM = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)?\s*[x×]\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)?\s*$", re.I)


@dataclass(frozen=True)
class Paper:
    """A page size in millimetres, with the name it was asked for."""

    name: str
    width: float
    height: float

    @property
    def columns_class(self) -> str:
        """How much room the theme has across: narrow (one column), regular, or wide."""
        if self.width < 160:
            return "narrow"
        return "wide" if self.width > 250 else "regular"


@dataclass(frozen=True)
class PrintOptions:
    """How the PDF is set: paper, bleed and marks for a print shop, and the PDF variant."""

    paper: Paper = Paper("a4", *PAPERS["a4"])
    marks: bool = False
    variant: str = ""

    def page_css(self) -> str:
        """The @page rules these options add to the theme's print CSS."""
        rules = [f"size: {self.paper.width}mm {self.paper.height}mm !important;"]
        if self.marks:
            rules.append(f"bleed: {MARKS_MM}mm !important; marks: crop cross !important;")
        css = "@page { " + " ".join(rules) + " }"
        if self.variant.startswith("pdf/a"):
            css += "\nimg, svg { image-rendering: crisp-edges; }"  # PDF/A forbids interpolated images
        return css


MIN_SIDE, MAX_SIDE = 100, 1200  # mm: below A6 a headline no longer fits a line's width


def parse_paper(value: str) -> Paper:
    """`a4`, `letter`, `a5`, `tabloid`, or a custom `WIDTHxHEIGHT` with mm, cm, in or pt."""
    name = value.strip().lower()
    if name in PAPERS:
        return Paper(name, *PAPERS[name])
    match = _CUSTOM.match(value)
    if not match:
        raise OptionError(f"unknown paper size {value!r}",
                          f"use one of {', '.join(PAPERS)}, or WIDTHxHEIGHT such as 200x280mm or 8.5x11in")
    unit_w = _UNITS[(match[2] or match[4] or "mm").lower()]
    unit_h = _UNITS[(match[4] or match[2] or "mm").lower()]
    width, height = round(float(match[1]) * unit_w, 2), round(float(match[3]) * unit_h, 2)
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        raise OptionError(f"paper size {value!r} is out of range",
                          f"give sides between {MIN_SIDE} mm (about A6) and {MAX_SIDE} mm")
    return Paper("custom", width, height)


def parse_variant(value: str) -> str:
    """`pdf/a-3b` or `pdf/ua-1` (any case), or empty for a plain PDF."""
    variant = value.strip().lower()
    if variant and variant not in VARIANTS:
        raise OptionError(f"unknown PDF variant {value!r}", f"use one of {', '.join(VARIANTS)}")
    return variant
