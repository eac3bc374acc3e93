"""Verse quoted in a story: stanzas kept whole, their line breaks kept; menus, tags and teasers are no verse."""

import pytest

from layout.model import Blockquote, Run
from layout.readers import text
from layout.readers.text.verse import is_verse

STANZA = ("The tide comes in across the sand,", "and leaves the harbour wall,", "the gulls go quiet on the land,",
          "and no one hears them call.")


@pytest.mark.parametrize("lines, verse", [
    (STANZA, True),
    (("Shall we go down to the quay,", "When the ferry comes in at three,", "And wait there for the sea?"), True),
    (("Home", "News", "Sport", "Weather"), False),                       # a menu
    (("ferries", "harbour", "local politics"), False),                     # tags
    (("Ferry fares to rise in May", "Council backs the new bridge", "Harbour wall to be repaired"), False),
    (("- the tide,", "- the wall,", "- the gulls call"), False),           # a list
    (("Opening hours:", "Monday to Friday, 8am to 4pm,", "Saturday, 9am to noon,", "closed on Sundays"), False),
])
def test_is_verse(lines, verse):
    assert is_verse(list(lines)) is verse


def test_a_stanza_is_one_quotation_with_its_line_breaks():
    lede = "The poem, found in a drawer last winter, was written by a ferry hand in 1951, his daughter said."
    after = "The harbour board will print it on the new ticket office wall this summer, the chair said."
    article = text.read("\n\n".join(["Poem of the quay", lede, "\n".join(STANZA), "\n".join(STANZA[:3]), after]), "p")
    [quote] = [b for b in article.blocks if isinstance(b, Blockquote)]
    assert len(quote.paragraphs) == 2  # two stanzas in a row, one quotation
    assert quote.paragraphs[0][:3] == (Run(STANZA[0]), Run("\n", newline=True), Run(STANZA[1]))
    assert not article.dropped
