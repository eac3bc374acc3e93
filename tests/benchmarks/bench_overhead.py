"""(a) The seed built to PDF and EPUB by layout, against a bare WeasyPrint render of the same HTML and CSS."""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import SEED, Row, clocked, medians

RUNS = 9
TARGET = 1.15


def bare_pdf(article, theme, options) -> bytes:
    """What layout/writers/pdf.py's lay_out does, with nothing of layout around it: template, CSS, write_pdf."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from layout.render import render

    from layout.writers.pdf import theme_sheets

    html = render("print.html", article, stylesheets=(), paper_class=options.paper.columns_class)
    fonts = FontConfiguration()
    sheets = [CSS(filename=str(path), font_config=fonts) for path in theme_sheets(theme)]
    sheets.append(CSS(string=options.page_css(), font_config=fonts))
    return HTML(string=html, base_url=SEED.parent.as_uri() + "/").write_pdf(font_config=fonts, stylesheets=sheets)


def run(workspace: Path, runs: int = RUNS) -> list[Row]:
    from layout import readers, themes
    from layout.build import build
    from layout.paper import PrintOptions

    theme, options, article = themes.load("clipping"), PrintOptions(), readers.read(SEED)
    out = Path(tempfile.mkdtemp(dir=workspace, prefix="overhead-"))
    full = lambda: build(SEED, out, ("pdf", "epub"), theme, options)  # noqa: E731
    bare = lambda: bare_pdf(article, theme, options)  # noqa: E731
    full(), bare()  # warm: imports, fonts, hyphenation dictionaries
    rows = []
    for style, order in (("interleaved", interleaved), ("in blocks", in_blocks)):
        layout_times, bare_times = order(full, bare, runs)
        (wall, cpu), (bare_wall, bare_cpu) = medians(layout_times), medians(bare_times)
        ratio = cpu / bare_cpu  # both single-threaded: CPU time is the work, wall time also counts the neighbours
        detail = (f"medians of {runs} warm in-process runs, {style}: layout build PDF+EPUB {cpu:.2f} s CPU, "
                  f"{wall:.2f} s wall; bare WeasyPrint PDF {bare_cpu:.2f} s CPU, {bare_wall:.2f} s wall")
        rows.append(Row("a", f"seed PDF+EPUB / bare WeasyPrint ({style})",
                        f"{ratio:.2f}x CPU ({wall / bare_wall:.2f}x wall)", f"<= {TARGET}", ratio <= TARGET, detail))
    return rows


def interleaved(full, bare, runs: int):
    """One of each in turn, so load on the shared machine falls on both alike."""
    pairs = [(clocked(full), clocked(bare)) for _ in range(runs)]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def in_blocks(full, bare, runs: int, block: int = 3):
    """Three of one, then three of the other: a bare render's fresh FontConfiguration between two builds
    was seen to slow the next build in some processes (Pango's caches), which interleaving then measures."""
    layout_times, bare_times = [], []
    for _ in range(max(1, runs // block)):
        layout_times += [clocked(full) for _ in range(block)]
        bare_times += [clocked(bare) for _ in range(block)]
    return layout_times, bare_times
