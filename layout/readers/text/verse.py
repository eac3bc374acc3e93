"""Verse quoted in a story: a stanza's short lines, copied one a line, kept together with their breaks."""

from __future__ import annotations

import re

from layout.readers.text.chunks import Chunk, groups

STANZA_LINES = 3   # a stanza has at least this many lines
VERSE_WORDS = 12   # a line of verse is at most this long
VERSE_MEAN_WORDS = 4  # ... and a stanza's lines are this long on average
RUNS_ON = re.compile(r"[,;:—–-]$")  # a line of verse often ends where the sentence goes on


def mark_verse(body: list[Chunk]) -> None:
    """Each stanza among the undecided lines becomes one chunk of the role "verse" holding its lines (the
    others take the role "verse line"): a group of lines between blank lines shaped as verse (see is_verse)."""
    for lines in groups(body):
        if all(not c.role and not c.cells for c in lines) and is_verse([c.text for c in lines]):
            lines[0].role, lines[0].lines = "verse", tuple(c.text for c in lines)
            for chunk in lines[1:]:
                chunk.role = "verse line"


def is_verse(lines: list[str]) -> bool:
    """Lines of a stanza: three or more, short but not a word or two, where the sentence runs on over the
    breaks (lines ending in a comma or a colon, twice; or once, and a line going on in small letters: "e il
    sole fino al cuore,"), as no menu, tag list, teaser list or headline does; no line opens with a bullet,
    and the first does not lead in to the others ("Opening hours:")."""
    if len(lines) < STANZA_LINES or any(len(line.split()) > VERSE_WORDS for line in lines):
        return False
    if lines[0].rstrip().endswith(":"):
        return False  # a lead-in over its lines: an address, opening hours, a list
    if any(re.match(r"^(?:[-•*–·▪►]|\d+[.)])\s", line) for line in lines):
        return False
    if sum(len(line.split()) for line in lines) < VERSE_MEAN_WORDS * len(lines):
        return False  # tags, labels, a card's "2 hours ago"
    running_on = sum(bool(RUNS_ON.search(line)) for line in lines[:-1])
    small = sum(line[:1].islower() for line in lines[1:])
    return running_on >= 2 or (running_on >= 1 and small >= 1)
