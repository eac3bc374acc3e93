"""One-line boilerplate rules of the plain-text reader: each names its reason, and story sentences pass."""

import pytest

from layout.readers.text.boilerplate import caption, credit, furniture, line_reason


@pytest.mark.parametrize("line, reason", [
    ("Advertisement", "advertisement"),
    ("Share this article", "share buttons"),
    ("Read more:", "teaser label"),
    ("Sign up for our newsletter to get the news in your inbox", "call to action"),
    ("Please read our Comment Policy before commenting.", "comment policy"),
    ("The council met on Tuesday and voted seven to two for the bridge.", ""),
])
def test_line_reason(line, reason):
    assert line_reason(line) == reason


def test_credits_and_captions():
    assert credit("Photo: AFP") and not credit("The photo was taken in April.")
    assert caption("Pictured here: the bridge at dusk (Photo: Lena Ohr)")
    assert caption("The deck of the half-built bridge in April, seen from the ferry. Photo by Lena Ohr")
    assert not caption("She left the studio early. Photo by photo, the album came together over the winter")


def test_furniture_is_what_cannot_be_a_headline():
    assert furniture("Advertisement") == "advertisement"
    assert furniture("Ukraine fired six U.S. long-range missiles, Russia says") == ""
