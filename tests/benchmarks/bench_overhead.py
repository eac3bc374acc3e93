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

    html = render("print.html", article, stylesheet=theme.print_css.as_uri(), paper_class=options.paper.columns_class)
    fonts = FontConfiguration()
    sheets = [CSS(filename=str(theme.fonts / "fonts.css"), font_config=fonts),
              CSS(string=options.page_css(), font_config=fonts)]
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
    layout_times, bare_times = [], []
    for _ in range(runs):  # interleaved, so load on the shared machine falls on both alike
        layout_times.append(clocked(full))
        bare_times.append(clocked(bare))
    (wall, cpu), (bare_wall, bare_cpu) = medians(layout_times), medians(bare_times)
    ratio = cpu / bare_cpu  # both single-threaded: CPU time is the work, wall time also counts the neighbours
    detail = (f"medians of {runs} interleaved warm in-process runs: layout build PDF+EPUB {cpu:.2f} s CPU, "
              f"{wall:.2f} s wall; bare WeasyPrint PDF {bare_cpu:.2f} s CPU, {bare_wall:.2f} s wall")
    return [Row("a", "seed PDF+EPUB / bare WeasyPrint", f"{ratio:.2f}x CPU ({wall / bare_wall:.2f}x wall)",
                f"<= {TARGET}", ratio <= TARGET, detail)]
