"""The PDF writer: the print HTML laid out by WeasyPrint with the theme's print CSS and bundled fonts."""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from functools import lru_cache
from pathlib import Path

import pydyf
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from layout.errors import RenderError
from layout.fetcher import SandboxFetcher
from layout.paper import BLEED_MM, PrintOptions
from layout.render import labels, render
from layout.writers import Files, Job

log = logging.getLogger(__name__)


def stylesheets(job: Job) -> tuple[FontConfiguration, list[CSS]]:
    """The fonts and the parsed stylesheets (bundled fonts, shared parts, the theme), parsed once per process
    and again whenever a file in the theme's folders changes (`layout watch`)."""
    sheets = theme_sheets(job.theme)
    return _parsed(sheets, _stamp(job.theme), job.theme.roots)


def theme_sheets(theme) -> tuple[Path, ...]:
    """The print stylesheets in cascade order: the bundled fonts, the parts themes share, the theme."""
    return theme.fonts / "fonts.css", theme.shared / "print.css", theme.print_css


def _stamp(theme) -> tuple:
    """What tells a changed theme: the name, size and time of every file in its folders."""
    files = (p for root in theme.roots for p in sorted(root.rglob("*")) if p.is_file())
    return tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files)


@lru_cache(maxsize=8)
def _parsed(sheets: tuple[Path, ...], _stamp, roots: tuple[Path, ...]):
    fonts = FontConfiguration()
    fetcher = SandboxFetcher(roots)  # a theme reads only its own folders
    try:
        parsed = [CSS(filename=str(path), font_config=fonts, url_fetcher=fetcher) for path in sheets]
    except Exception as exc:
        raise RenderError(f"the theme's stylesheets cannot be read: {exc}", "check the theme's CSS") from exc
    return fonts, parsed


def lay_out(job: Job, template: str, page_css: str = "", **extra):
    """Render `template` for the job and lay it out: theme CSS, bundled fonts, sandboxed fetcher."""
    html = render(template, job.article, stylesheets=(), **extra)  # the theme comes parsed, not linked
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


FITS = 2  # the theme's tighter settings of the text (classes fit-1, fit-2), tried in turn to save a last page
SHORT_LAST_PAGE = 0.2  # a last page filled less than this far down is worth saving


def document(job: Job):
    """The laid-out print edition. PDF/UA (`tagged`) leaves out the pull quote and the drop cap: WeasyPrint
    cannot mark them artifacts, so a screen reader would read the quote twice and the first letter apart.
    A last page holding a few lines is copyfitted away, as a newspaper does: the text is set a little tighter
    (the theme's fit-1, then fit-2) when that saves the page; otherwise it stays as it was."""
    laid = _lay_out_print(job)
    fits = FITS if "fit-1" in job.theme.print_css.read_text(encoding="utf-8") else 0  # a theme may have none
    for fit in range(1, fits + 1):
        if len(laid.pages) < 2 or filled(laid.pages[-1]) >= SHORT_LAST_PAGE:
            break
        tighter = _lay_out_print(job, fit)
        if len(tighter.pages) < len(laid.pages):
            return tighter
    return laid


def _lay_out_print(job: Job, fit: int = 0):
    return lay_out(job, "print.html", job.options.page_css(), paper_class=job.options.paper.columns_class,
                   tagged=job.options.variant.startswith("pdf/ua"), fit=fit)


def filled(page) -> float:
    """How far down its content area a laid-out page is filled (0 to 1): its lowest line or picture, running
    heads and folios aside. (WeasyPrint has no public way to a page's boxes: `_page_box` it is.)"""
    from weasyprint.formatting_structure import boxes

    box = page._page_box
    top, height = box.content_box_y(), box.height
    bottoms = [b.position_y + b.margin_height() for child in box.children if not isinstance(child, boxes.MarginBox)
               for b in child.descendants() if isinstance(b, (boxes.LineBox, boxes.ReplacedBox))]
    return max((bottom - top) / height for bottom in bottoms) if bottoms and height else 0.0


def write(job: Job) -> Files:
    """The PDF as bytes, byte-identical for identical input."""
    from layout.writers.fonts import warn_missing_glyphs

    warn_missing_glyphs(job.theme, [job.article], job.stem)
    warn_coarse_pictures(job.print_layout, job.stem)
    return {f"{job.stem}.pdf": pdf_bytes(job.print_layout, job.article.meta, job.options)}


PRINT_PPI = 150  # a picture printed with fewer pixels an inch than this shows its pixels


def coarse_pictures(document) -> list[tuple[str, int]]:
    """The pictures set at fewer than PRINT_PPI pixels an inch, with the resolution they print at."""
    from weasyprint.formatting_structure import boxes

    found = {}
    for page in document.pages:
        for box in page._page_box.descendants():
            image = getattr(box, "replacement", None) if isinstance(box, boxes.ReplacedBox) else None
            if image is not None and getattr(image, "width", 0) and box.width:
                ppi = round(image.width / (box.width / 96))  # layout units are CSS pixels, 96 an inch
                name = box.element.get("src", "") if box.element is not None else ""
                if ppi < PRINT_PPI:
                    found[name] = min(ppi, found.get(name, ppi))
    return sorted(found.items())


def warn_coarse_pictures(document, name: str) -> None:
    """Log, in one line, the pictures that print coarse at the size the layout gives them."""
    coarse = coarse_pictures(document)
    if coarse:
        log.warning("%s: %s print at %s pixels an inch (a printer wants %d or more): use a larger picture",
                    name, ", ".join(src for src, _ in coarse), ", ".join(str(ppi) for _, ppi in coarse), PRINT_PPI)


def pdf_bytes(document, meta, options: PrintOptions = PrintOptions()) -> bytes:
    """Write a laid-out document with an /ID pinned to the article's identifier."""
    identifier = hashlib.md5(meta.identifier.encode()).hexdigest().encode()
    finish = functools.partial(finish_pdf, bleed=BLEED_MM if options.marks else 0,
                               press=options.marks and not options.variant.startswith("pdf/a"),
                               note=labels(meta.lang)["note"])
    try:
        return document.write_pdf(pdf_identifier=identifier, pdf_variant=options.variant or None, finisher=finish)
    except Exception as exc:  # PDF/A and PDF/UA serialization can fail on odd content
        raise RenderError(f"WeasyPrint could not write the PDF: {exc}", "try without --pdf-variant") from exc


def finish_pdf(_document, pdf, bleed: float = 0, press: bool = False, note: str = "Note") -> None:
    """What WeasyPrint leaves to do before the file is written: hyphens that copy as typed, the bleed box,
    table heads that say what they head, links to notes that say so, and for the press black and greys in
    black ink alone."""
    plain_hyphens(pdf)
    column_heads(pdf)
    cell_headers(pdf)
    note_links(pdf, note)
    if bleed:
        set_bleed(pdf, bleed)
    if press:
        black_ink(pdf)


GREY = re.compile(rb"^([\d.]+) \1 \1 (rg|RG)$")


def black_ink(pdf) -> None:
    """Set the neutral colours the pages draw (text and rules, black and greys: the theme's only colours) in
    black ink alone, as a press wants them: "0.2 0.2 0.2 rg" becomes "0 0 0 0.8 k". In RGB, a print shop's
    conversion would set them in all four inks, which must then register exactly. Black strokes, the crop and
    cross marks, stay in all inks (registration); raster pictures stay as they are, for the shop's conversion."""
    for obj in pdf.objects:
        lines = getattr(obj, "stream", None)
        if isinstance(lines, list):
            obj.stream = [_in_black(line) for line in lines]


def _in_black(line):
    match = GREY.match(line) if isinstance(line, bytes) else None
    if not match or line == b"0 0 0 RG":  # black strokes are the crop and cross marks: in all inks, to register
        return line
    ink = f"{1 - float(match[1]):.4g}".encode()
    return b"0 0 0 %s %s" % (ink, b"k" if match[2] == b"rg" else b"K")


def set_bleed(pdf, bleed_mm: float) -> None:
    """Each page's BleedBox `bleed_mm` past its TrimBox (WeasyPrint puts it up to 10 pt past, whatever the
    bleed), so the sheet's margin beyond it holds only the crop marks."""
    reach = bleed_mm * 72 / 25.4
    for obj in pdf.objects:
        if isinstance(obj, dict) and obj.get("Type") == "/Page" and "TrimBox" in obj:
            left, bottom, right, top = obj["TrimBox"]
            obj["BleedBox"] = pydyf.Array([left - reach, bottom - reach, right + reach, top + reach])


def column_heads(pdf) -> None:
    """Give each tagged table header cell the scope PDF/UA asks for: the templates set column heads only."""
    for obj in pdf.objects:
        if isinstance(obj, dict) and obj.get("Type") == "/StructElem" and obj.get("S") == "/TH":
            attributes = obj.get("A") if isinstance(obj.get("A"), dict) else pydyf.Dictionary({"O": "/Table"})
            attributes["Scope"] = "/Column"
            obj["A"] = attributes


def cell_headers(pdf) -> None:
    """Point each tagged table cell at the heads of its own columns. WeasyPrint counts a row's cells, not
    the columns they stand in, so under a merged cell it names the wrong heads, or none."""
    elements = {obj.reference: obj for obj in pdf.objects
                if isinstance(obj, dict) and obj.get("Type") == "/StructElem"}
    for table in (e for e in elements.values() if e.get("S") == "/Table"):
        places = _cell_places(_table_rows(table, elements))
        heads = [(cell["ID"], column, wide) for cell, (_, column, _, wide) in places
                 if cell.get("S") == "/TH" and cell.get("ID")]
        for cell, (_, first, _, across) in places:
            if cell.get("S") == "/TD" and isinstance(cell.get("A"), dict):
                cell["A"]["Headers"] = pydyf.Array([key for key, column, wide in heads
                                                    if column < first + across and first < column + wide])


def _table_rows(element, elements: dict) -> list[list]:
    """The TR elements under a Table (through THead, TBody, TFoot), each as its list of TH/TD elements."""
    rows = []
    for kid in (elements.get(ref) for ref in element.get("K", ()) if isinstance(ref, bytes)):
        if kid is None:
            continue
        if kid.get("S") == "/TR":
            rows.append([c for c in (elements.get(r) for r in kid.get("K", ()) if isinstance(r, bytes))
                         if c is not None and c.get("S") in ("/TH", "/TD")])
        elif kid.get("S") in ("/THead", "/TBody", "/TFoot"):
            rows += _table_rows(kid, elements)
    return rows


def _cell_places(rows: list[list]) -> list[tuple]:
    """Each cell with its (row, column, rows, columns) in the table's grid, cells merged from above skipped."""
    taken, places = set(), []
    for row, cells in enumerate(rows):
        column = 0
        for cell in cells:
            while (row, column) in taken:
                column += 1
            attributes = cell.get("A") if isinstance(cell.get("A"), dict) else {}
            down, across = int(attributes.get("RowSpan", 1)), int(attributes.get("ColSpan", 1))
            taken |= {(row + i, column + j) for i in range(down) for j in range(across)}
            places.append((cell, (row, column, down, across)))
            column += across
    return places


NOTE_TARGET = re.compile(r"^(?:[\w-]*-)?note-(\d+)$")  # the id of an endnote ("note-2", a digest's "a2-note-2")


def note_links(pdf, note: str) -> None:
    """Give a tagged PDF's links to endnotes the words a screen reader says for them ("Note 2"); WeasyPrint
    gives every link its target ("note-2")."""
    for obj in pdf.objects:
        if isinstance(obj, dict) and obj.get("Subtype") == "/Link" and "Contents" in obj and "Dest" in obj:
            match = NOTE_TARGET.match(getattr(obj["Dest"], "string", ""))
            if match:
                obj["Contents"] = pydyf.String(f"{note} {match[1]}")


def plain_hyphens(pdf) -> None:
    """Make the text layer read every hyphen as U+002D.

    The fonts draw U+002D and U+2010 (WeasyPrint's hyphen at a line break) with one glyph, and a PDF maps a
    glyph to one text: the first use decides, so after an early line-break hyphen every "US-amerikanische" of
    the text would copy, and fail to search, as "US‐amerikanische".
    """
    for obj in pdf.objects:
        lines = getattr(obj, "stream", None)
        if lines and lines[0] == b"/CIDInit /ProcSet findresource begin":  # a font's ToUnicode map
            obj.stream = [line.replace(b"> <2010>", b"> <002d>") for line in lines]
