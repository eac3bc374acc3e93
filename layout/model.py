"""The content model: article metadata plus a sequence of blocks, shared by every reader and writer."""

from __future__ import annotations

import dataclasses
from dataclasses import asdict, dataclass, field
from typing import Callable, ClassVar, Union


@dataclass(frozen=True)
class Run:
    """A stretch of inline text with its styling; a link when `href` is set."""

    text: str
    emphasis: bool = False
    strong: bool = False
    href: str = ""
    note: str = ""  # the id of the Note this run refers to; `text` is then its label ("1")
    page: str = ""  # a print page-break marker: the print edition's page that starts here; `text` is empty
    code: bool = False  # program text, set in the monospaced face and left as typed (no typography)
    newline: bool = False  # a line break the author asked for (a poem's lines, an address); `text` is "\n"

    @property
    def kind(self) -> str:
        if self.page:
            return "pagebreak"
        if self.newline:
            return "linebreak"
        if self.note:
            return "noteref"
        if self.href:
            return "link"
        if self.code:
            return "code"
        if self.strong:
            return "strong"
        return "emphasis" if self.emphasis else "text"


Runs = tuple[Run, ...]
LINE_BREAK = Run("\n", newline=True)


def plain(runs: Runs) -> str:
    """The plain text of a sequence of runs."""
    return "".join(run.text for run in runs)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of body text."""

    id: str
    runs: Runs
    type: ClassVar[str] = "paragraph"

    @property
    def text(self) -> str:
        return plain(self.runs)


@dataclass(frozen=True)
class Heading:
    """A subheading inside the article (level 2 and below; the title is metadata)."""

    id: str
    runs: Runs
    level: int = 2
    type: ClassVar[str] = "heading"

    @property
    def text(self) -> str:
        return plain(self.runs)


@dataclass(frozen=True)
class Blockquote:
    """A quotation set apart from the text, one or more paragraphs."""

    id: str
    paragraphs: tuple[Runs, ...]
    type: ClassVar[str] = "blockquote"

    @property
    def text(self) -> str:
        return "\n\n".join(plain(p) for p in self.paragraphs)


@dataclass(frozen=True)
class ListBlock:
    """A bulleted or numbered list; each item is a run sequence, nested `levels[i]` deep (all 0 when empty)."""

    id: str
    items: tuple[Runs, ...]
    ordered: bool = False
    levels: tuple[int, ...] = ()  # an item's nesting: 0 in the list itself, 1 in a list inside an item, ...
    numbered: tuple[bool, ...] = ()  # whether the list holding each item is numbered; () when all are `ordered`
    type: ClassVar[str] = "list"

    @property
    def text(self) -> str:
        return "\n".join(plain(item) for item in self.items)


@dataclass(frozen=True)
class Image:
    """A picture: a file beside the source, its alt text, caption and credit."""

    id: str
    src: str
    alt: str = ""
    caption: str = ""
    credit: str = ""
    type: ClassVar[str] = "image"

    @property
    def text(self) -> str:
        return " ".join(part for part in (self.caption, self.credit) if part)


@dataclass(frozen=True)
class Code:
    """A block of program text, its lines and spaces kept as typed."""

    id: str
    code: str
    language: str = ""  # as the source names it ("python"), or ""
    pages: tuple[tuple[int, str], ...] = ()  # print page-break markers: (character index, page) where pages begin
    type: ClassVar[str] = "code"

    @property
    def text(self) -> str:
        return self.code


@dataclass(frozen=True)
class Table:
    """A table: its cells row by row, `columns` to a row; the first `header` rows head the columns. A merged
    cell is listed in `spans` as (row, column, rows, columns) from its top left; the cells it covers are empty."""

    id: str
    cells: tuple[Runs, ...]
    columns: int
    header: int = 1
    align: tuple[str, ...] = ()  # per column: "left", "center", "right", or "" for the theme's
    spans: tuple[tuple[int, int, int, int], ...] = ()
    type: ClassVar[str] = "table"

    def __post_init__(self):
        if self.columns < 1 or not self.cells or len(self.cells) % self.columns:
            raise ValueError(f"a table of {len(self.cells)} cells cannot have {self.columns} to a row")
        places = self._places()
        if len(places) != len(set(places)) or any(self.cells[r * self.columns + c] for r, c in self.covered):
            raise ValueError("merged cells overlap, or cover a cell that holds text")

    def _places(self) -> list[tuple[int, int]]:
        rows = len(self.cells) // self.columns
        places = []
        for row, column, down, across in self.spans:
            if down < 1 or across < 1 or row + down > rows or column + across > self.columns or row < 0 or column < 0:
                raise ValueError(f"a merged cell at row {row}, column {column} runs off the table")
            places += [(r, c) for r in range(row, row + down) for c in range(column, column + across)]
        return places

    @property
    def origins(self) -> dict[tuple[int, int], tuple[int, int]]:
        """The merged cells' (rows, columns), by the (row, column) of their top left cell."""
        return {(row, column): (down, across) for row, column, down, across in self.spans}

    @property
    def covered(self) -> frozenset[tuple[int, int]]:
        """The (row, column) places inside a merged cell but its top left one: they are not set."""
        return frozenset(self._places()) - set(self.origins)

    @property
    def rows(self) -> tuple[tuple[Runs, ...], ...]:
        return tuple(self.cells[i:i + self.columns] for i in range(0, len(self.cells), self.columns))

    @property
    def text(self) -> str:
        return "\n".join(" ".join(plain(cell) for cell in row if plain(cell).strip()) for row in self.rows)


@dataclass(frozen=True)
class Rule:
    """A thematic break."""

    id: str
    type: ClassVar[str] = "rule"

    @property
    def text(self) -> str:
        return ""


Block = Union[Paragraph, Heading, Blockquote, ListBlock, Image, Code, Table, Rule]
BLOCK_TYPES: dict[str, type] = {cls.type: cls for cls in (Paragraph, Heading, Blockquote, ListBlock, Image, Code, Table,
                                                          Rule)}


@dataclass(frozen=True)
class Note:
    """A footnote: endnotes in print, pop-up footnotes in the EPUB; referred to by runs with `note` set."""

    id: str
    label: str
    paragraphs: tuple[Runs, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(plain(p) for p in self.paragraphs)


GROUPS = ("paragraphs", "items", "cells")  # the fields of blocks and notes that hold several run sequences


def group_field(item) -> str | None:
    """The field of a block or note holding several run sequences (a quote's paragraphs, a list's items,
    a table's cells), or None."""
    return next((name for name in GROUPS if hasattr(item, name)), None)


def run_groups(item) -> tuple[Runs, ...]:
    """Every run sequence of a block or note, in reading order: one for a paragraph, one per list item, ..."""
    if hasattr(item, "runs"):
        return (item.runs,)
    name = group_field(item)
    return tuple(getattr(item, name)) if name else ()


def map_runs(item, change: Callable[[Runs], Runs]):
    """The block or note with `change` applied to each of its run sequences (a paragraph, a list item)."""
    if hasattr(item, "runs"):
        return dataclasses.replace(item, runs=change(item.runs))
    name = group_field(item)
    if name:
        return dataclasses.replace(item, **{name: tuple(change(runs) for runs in getattr(item, name))})
    return item


def outline(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with their headings renumbered into an outline under the title (h1): the first at level 2,
    and none more than one level below the heading it falls under (a page's h6 "Up top" after its title is
    an h2; h2 then h4 become h2 then h3), as reading systems and accessibility checkers expect."""
    open_levels: list[int] = []  # the source levels of the headings the next one may fall under
    out = []
    for block in blocks:
        if isinstance(block, Heading):
            while open_levels and open_levels[-1] >= block.level:
                open_levels.pop()
            open_levels.append(block.level)
            block = dataclasses.replace(block, level=min(1 + len(open_levels), 6))
        out.append(block)
    return tuple(out)


@dataclass(frozen=True)
class Dropped:
    """A line a reader left out of the article, with the reason, so nothing is lost silently."""

    text: str
    reason: str


@dataclass(frozen=True)
class Meta:
    """What is known about the article as a whole."""

    title: str
    dek: str = ""
    authors: tuple[str, ...] = ()
    publication: str = ""
    date: str = ""
    dateline: str = ""
    lang: str = "en"
    url: str = ""
    identifier: str = ""
    keywords: tuple[str, ...] = ()
    cover: str = ""  # a picture beside the article for the EPUB's cover; without one, a cover is set from the headline
    credits: tuple[str, ...] = ()  # the text's own credit lines ("With files from Reuters"), set after it


@dataclass(frozen=True)
class Article:
    """One article: metadata, body blocks, and what the reader dropped."""

    meta: Meta
    blocks: tuple[Block, ...]
    dropped: tuple[Dropped, ...] = field(default=())
    source_name: str = ""
    notes: tuple[Note, ...] = field(default=())

    @property
    def words(self) -> int:
        return sum(len(block.text.split()) for block in self.blocks)


def lead_paragraph(blocks) -> str:
    """The id of the article's lead paragraph, which opens with the dateline (and a drop cap in print): the
    first paragraph, unless a heading, quotation, list or program text comes before it."""
    for block in blocks:
        if block.type == "paragraph":
            return block.id
        if block.type not in ("image", "table", "rule"):
            return ""
    return ""


def block_to_dict(block: Block) -> dict:
    """A block as JSON-ready data: its fields plus `type` and plain `text`."""
    data = {"id": block.id, "type": block.type, "text": block.text}
    data.update({k: v for k, v in asdict(block).items() if k != "id"})
    return data


def article_to_dict(article: Article) -> dict:
    """The model as the `layout inspect --json` interface."""
    return {
        "meta": asdict(article.meta),
        "blocks": [block_to_dict(block) for block in article.blocks],
        "dropped": [asdict(d) for d in article.dropped],
        "notes": [{"id": n.id, "label": n.label, "text": n.text, "paragraphs": asdict(n)["paragraphs"]}
                  for n in article.notes],
    }


def _runs(data) -> Runs:
    return tuple(Run(**run) for run in data)


def block_from_dict(data: dict) -> Block:
    """Rebuild a block from `block_to_dict` output."""
    kind = data["type"]
    if kind == "paragraph":
        return Paragraph(data["id"], _runs(data["runs"]))
    if kind == "heading":
        return Heading(data["id"], _runs(data["runs"]), data.get("level", 2))
    if kind == "blockquote":
        return Blockquote(data["id"], tuple(_runs(p) for p in data["paragraphs"]))
    if kind == "list":
        return ListBlock(data["id"], tuple(_runs(i) for i in data["items"]), data.get("ordered", False),
                         tuple(data.get("levels", ())), tuple(data.get("numbered", ())))
    if kind == "image":
        return Image(data["id"], data["src"], data.get("alt", ""), data.get("caption", ""), data.get("credit", ""))
    if kind == "code":
        return Code(data["id"], data["code"], data.get("language", ""),
                    tuple(tuple(mark) for mark in data.get("pages", ())))
    if kind == "table":
        return Table(data["id"], tuple(_runs(c) for c in data["cells"]), data["columns"], data.get("header", 1),
                     tuple(data.get("align", ())), tuple(tuple(span) for span in data.get("spans", ())))
    if kind == "rule":
        return Rule(data["id"])
    raise ValueError(f"unknown block type {kind!r}")


def article_from_dict(data: dict) -> Article:
    """Rebuild an article from `article_to_dict` output."""
    meta = dict(data["meta"])
    meta["authors"] = tuple(meta.get("authors", ()))
    meta["keywords"] = tuple(meta.get("keywords", ()))
    meta["credits"] = tuple(meta.get("credits", ()))
    return Article(
        meta=Meta(**meta),
        blocks=tuple(block_from_dict(b) for b in data["blocks"]),
        dropped=tuple(Dropped(**d) for d in data.get("dropped", ())),
        notes=tuple(Note(n["id"], n["label"], tuple(_runs(p) for p in n["paragraphs"]))
                    for n in data.get("notes", ())),
    )
