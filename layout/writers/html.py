"""The HTML writer: the print edition's HTML with its stylesheet and fonts, for looking at in a browser."""

from __future__ import annotations

from layout.render import render
from layout.writers import Files, Job


def write(job: Job) -> Files:
    """The print HTML plus a folder of assets beside it, laid out as the theme expects (fonts beside)."""
    assets = f"{job.stem}_files"
    stylesheet = f"{assets}/{job.theme.name}/print.css"
    files: Files = {stylesheet: job.theme.print_css.read_bytes(),
                    f"{assets}/shared/print.css": (job.theme.shared / "print.css").read_bytes()}
    for font in sorted(job.theme.fonts.iterdir()):
        if font.is_file():
            files[f"{assets}/fonts/{font.name}"] = font.read_bytes()
    files[f"{job.stem}.html"] = render("print.html", job.article, stylesheet=stylesheet).encode()
    return files
