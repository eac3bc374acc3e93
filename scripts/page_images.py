"""Render the README's page images: the seed article in each theme, first pages side by side (run after a build)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "source" / "ukraine-atacms.txt"


def render(theme: str, pages: int, scale: float, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "layout", "build", str(SEED), "-o", tmp, "-f", "pdf", "-t", theme],
                       check=True, capture_output=True)
        pdf = pdfium.PdfDocument(Path(tmp) / f"{SEED.stem}.pdf")
        images = [pdf[i].render(scale=scale).to_pil() for i in range(min(pages, len(pdf)))]
    from PIL import Image

    gap = 12
    sheet = Image.new("RGB", (sum(i.width for i in images) + gap * (len(images) + 1),
                              max(i.height for i in images) + 2 * gap), "#9a9a9a")
    x = gap
    for image in images:
        sheet.paste(image, (x, gap))
        x += image.width + gap
    sheet.convert("L").save(out, optimize=True)
    print(out)


if __name__ == "__main__":
    render("clipping", 1, 1.4, ROOT / "docs" / "seed-clipping-page1.png")
    render("clipping", 2, 0.75, ROOT / "docs" / "seed-clipping.png")
    render("report", 3, 0.6, ROOT / "docs" / "seed-report.png")
