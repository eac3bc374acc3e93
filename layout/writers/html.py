"""The HTML writer: the print edition's HTML with its stylesheets, fonts and images, for looking at in a browser."""

from __future__ import annotations

from dataclasses import replace

from markupsafe import Markup

from layout.model import Image

from layout.render import render
from layout.writers import Files, Job
from layout.writers.epub import packaged_images
from layout.writers.pdf import theme_sheets


def write(job: Job) -> Files:
    """The print HTML plus a folder of assets beside it: stylesheets, fonts and the article's images."""
    assets = f"{job.stem}_files"
    root = job.theme.fonts.parent
    files: Files = {}
    hrefs = []
    for sheet in theme_sheets(job.theme):
        relative = sheet.relative_to(root) if sheet.is_relative_to(root) else f"{job.theme.name}/{sheet.name}"
        hrefs.append(f"{assets}/{relative}")
        files[hrefs[-1]] = sheet.read_bytes()
    for font in sorted(job.theme.fonts.iterdir()):
        if font.is_file():
            files[f"{assets}/fonts/{font.name}"] = font.read_bytes()
    article, media = packaged_images(job.article, job.folders)
    files.update({f"{assets}/{name}": data for name, data in media.items()})
    blocks = tuple(replace(b, src=f"{assets}/{b.src}") if isinstance(b, Image) else b for b in article.blocks)
    article = replace(article, blocks=blocks)
    html = render("print.html", article, stylesheets=hrefs, page_css=Markup(job.options.page_css()),
                  paper_class=job.options.paper.columns_class)
    files[f"{job.stem}.html"] = html.encode()
    return files
