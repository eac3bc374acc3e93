"""Tables copied out of a page: two or more lines in a row whose cells the browser parts with tabs."""

from __future__ import annotations

import re

from layout.model import Dropped, Run, Table
from layout.readers.common import FIGURE, table_block
from layout.readers.text.chunks import Chunk
from layout.readers.text.lines import is_sentence

LABEL_WORDS = 3     # a column's head, as a short label, is at most this long
LABELLED_COLUMNS = 3  # a first row of short labels heads a table this wide (a narrower one is often keys and values)
YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")  # a year heading a column of figures ("2004") is no figure itself


def mark_tables(body: list[Chunk]) -> None:
    """Rows of a table, two or more lines in a row (see table_rows), become one: the first row's chunk holds
    the Table, with the role "table", the others the role "row". A table too wide to set is dropped, each of
    its rows with the reason."""
    i = 0
    while i < len(body):
        rows = table_rows(body, i)
        if len(rows) < 2:
            i += 1
            continue
        made = table(rows)
        if isinstance(made, Dropped):
            for row in rows:
                row.drop(made.reason)
        else:
            for row in rows:
                row.role = "row"
            rows[0].role, rows[0].table = "table", made
        i += len(rows)


def table_rows(body: list[Chunk], i: int) -> list[Chunk]:
    """The rows of a table from chunk `i` on: undecided lines holding cells, as many of them in a row as have
    the same number of cells, trailing empty cells aside (a row's line may end in tabs), but for the first
    row, which may lack the first column's empty head (one cell fewer)."""
    rows: list[Chunk] = []
    for chunk in body[i:]:
        if chunk.role or not chunk.cells or not _agree(rows + [chunk]):
            break
        rows.append(chunk)
    return rows


def _agree(rows: list[Chunk]) -> bool:
    """Every row has the table's number of cells (or more, all empty), the first row one fewer at most."""
    width = _width(rows)
    return all(len(row.cells) >= width for row in rows[1:]) and (
        len(rows[0].cells) >= width or _short_head(rows, width))


def _width(rows: list[Chunk]) -> int:
    """The number of cells of the widest row, trailing empty cells aside."""
    return max(len(_trimmed(row.cells)) for row in rows)


def _trimmed(cells: tuple[str, ...]) -> tuple[str, ...]:
    """The cells without the empty ones at the end."""
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]


def _short_head(rows: list[Chunk], width: int) -> bool:
    """The first row lacks the first column's head: it has one cell fewer than the rows below."""
    return len(rows) > 1 and len(rows[0].cells) == width - 1


def table(rows: list[Chunk]) -> Table | Dropped:
    """The Table of the rows, each filled out to the table's width (a short first row on the left, so that
    its heads stand over their columns), its first row heading the columns when it looks so (see heads)."""
    width = _width(rows)
    short = _short_head(rows, width)
    grid = [(("",) if short and row is rows[0] else ()) + _trimmed(row.cells) for row in rows]
    grid = [cells + ("",) * (width - len(cells)) for cells in grid]
    cells = tuple((Run(cell),) if cell else () for row in grid for cell in row)
    return table_block(cells, width, header=int(short or heads(grid)))


def heads(grid: list[tuple[str, ...]]) -> bool:
    """Whether the first row heads the columns: over a column whose cells below are all figures, it has a
    head that is no figure, or a year over figures that are not years ("Change" over "-20.5%", "2004" over
    "361"); or, in a table of three columns or more, each of its cells is a short label (a few words, no
    figure, no sentence: "Ward", "Candidate", "Party"). A table of two columns without a column of figures
    is taken as keys and values ("Weight", "254 g"), without heads. (A first row one cell short, its first
    column's head empty, heads its columns too; see table.)"""
    first, below = grid[0], grid[1:]
    if any(_heads_figures(head, [row[column] for row in below]) for column, head in enumerate(first)):
        return True
    return len(first) >= LABELLED_COLUMNS and all(_label(cell) for cell in first if cell)


def _heads_figures(head: str, column: list[str]) -> bool:
    """A head over a column of figures: no figure, or a year over figures that are not years."""
    values = [cell for cell in column if cell]
    if not head or not values or not all(FIGURE.match(value) for value in values):
        return False
    return not FIGURE.match(head) or bool(YEAR.match(head)) and not all(YEAR.match(value) for value in values)


def _label(cell: str) -> bool:
    """A short label: a few words, no digit, not a sentence."""
    return len(cell.split()) <= LABEL_WORDS and not any(ch.isdigit() for ch in cell) and not is_sentence(cell)
