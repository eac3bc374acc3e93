"""Visual regression: page 1 of the seed in each theme, compared with an approved image.

To approve a new look after a deliberate change, run
    LAYOUT_APPROVE=1 python3 -m pytest tests/writers/test_visual.py
look at the images it wrote in tests/approved/, and commit them.
"""

import os
from pathlib import Path

import pytest

APPROVED = Path(__file__).resolve().parents[1] / "approved"
SCALE = 1.0  # 72 dpi: enough to see layout, small enough to commit
TOLERANCE = 0.003  # share of pixels allowed to differ (anti-aliasing across library builds)


def render_page(pdf: Path, index: int = 0):
    import pypdfium2 as pdfium

    return pdfium.PdfDocument(pdf)[index].render(scale=SCALE).to_pil().convert("L")


def differing_share(a, b) -> float:
    from PIL import ImageChops

    if a.size != b.size:
        return 1.0
    diff = ImageChops.difference(a, b).point(lambda v: 255 if v > 64 else 0)
    return diff.histogram()[255] / (a.width * a.height)


@pytest.mark.parametrize("theme,paper", [("clipping", "a4"), ("clipping", "a5"), ("report", "a4")])
def test_page_one_matches_approved_image(build_seed, theme, paper):
    image = render_page(build_seed(paper=paper, theme=theme)[".pdf"])
    approved = APPROVED / f"{theme}-{paper}-page1.png"
    if os.environ.get("LAYOUT_APPROVE"):
        approved.parent.mkdir(exist_ok=True)
        image.save(approved, optimize=True)
    if not approved.exists():
        pytest.fail(f"no approved image {approved.name}: run LAYOUT_APPROVE=1 python3 -m pytest {__file__}")
    from PIL import Image

    share = differing_share(image, Image.open(approved).convert("L"))
    assert share <= TOLERANCE, f"{share:.2%} of page 1 differs from {approved.name}"


def test_the_comparison_sees_a_change(build_seed):
    """The check itself can fail: a one-column A4 page differs from the two-column one."""
    a4 = render_page(build_seed()[".pdf"])
    report = render_page(build_seed(theme="report")[".pdf"])
    assert differing_share(a4, report) > TOLERANCE * 10
