"""The input cut into chunks, one block a chunk, each with the role the reader gives it."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from layout.model import Table
from layout.readers.common import squeeze
from layout.readers.text.lines import is_sentence, row_cells

HEAD_WORDS = 12      # a body paragraph opening the article has at least this many words
HEADING_WORDS = 20   # a subheading has at most this many words
CAPTION_WORDS = 60   # a caption has at most this many words
HEAD_SCAN = 20       # the headline or standfirst repeated this far down still belongs to the page header
WRAP_WIDTH = 100     # text hard-wrapped into lines is wrapped at or under this width
RUN_LENGTH = 3       # this many short lines in a row are a teaser list or a menu, not subheadings


@dataclass
class Chunk:
    """One block of the input and what the reader made of it."""

    text: str
    role: str = ""     # "", "title", "dek", "drop", "paragraph", "heading", "item", "numbered", "rule", "table", "row",
    #                    "verse", "verse line"
    reason: str = ""
    cells: tuple[str, ...] = ()  # a table's row: its cells, as the line gave them (see lines.row_cells)
    table: Table | None = None   # the table whose first row this is (role "table"; its other rows' is "row")
    group: int = 0               # the lines between two blank lines of the input are one group
    lines: tuple[str, ...] = ()  # a stanza's lines (role "verse"; its other lines' is "verse line")

    @classmethod
    def of(cls, block: str, group: int = 0) -> "Chunk":
        """The chunk of one of split_chunks' blocks, squeezed; a table's row keeps its cells apart."""
        return cls(squeeze(block), cells=tuple(block.split("\t")) if "\t" in block else (), group=group)

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def sentence(self) -> bool:
        return is_sentence(self.text)

    @property
    def short(self) -> bool:
        """A line shaped like a headline: no closing punctuation, not many words."""
        return not self.sentence and self.words <= HEADING_WORDS

    def drop(self, reason: str) -> None:
        self.role, self.reason = "drop", reason



def groups(chunks: list[Chunk]) -> Iterator[list[Chunk]]:
    """The chunks in their groups, in order: the lines the input set between two blank lines."""
    for _, group in itertools.groupby(chunks, key=lambda c: c.group):
        yield list(group)


def split_chunks(text: str) -> list[str]:
    """The non-empty blocks of `text`: blank-line separated, or one a line when lines are not wrapped. A line
    a browser copied from a table's row keeps a tab between its cells."""
    return [block for group in split_groups(text) for block in group]


def split_groups(text: str) -> list[list[str]]:
    """The blocks of `text` (see split_chunks) in their groups: the lines between two blank lines."""
    out = []
    for part in re.split(r"\n[ \t\u00a0]*\n", text):
        lines = [_line(line) for line in part.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            out.append([" ".join(lines)] if _hard_wrapped(lines) else lines)
    return out


def _line(line: str) -> str:
    """A line squeezed; a table's row, its cells squeezed, a tab between them."""
    cells = row_cells(line)
    return "\t".join(cells) if cells else squeeze(line)


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines of one paragraph broken at a fixed width (rather than one paragraph a line, or a table's rows).

    Wrapped lines are about as long as each other, and somewhere a sentence runs on over a break.
    """
    if len(lines) < 2:
        return True
    if any("\t" in line for line in lines):
        return False
    widest = max(len(line) for line in lines)
    if widest > WRAP_WIDTH or any(len(line) < max(40, 0.75 * widest) for line in lines[:-1]):
        return False
    return any(_runs_on(line, nxt) for line, nxt in zip(lines, lines[1:]))


def _runs_on(line: str, nxt: str) -> bool:
    """The text goes on from `line` to `nxt` mid-sentence."""
    return line[-1] in ",;-–" or line[-1].isalpha() and nxt[:1].islower()
