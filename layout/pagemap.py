"""The print edition's page map: where each laid-out PDF page begins in the content model."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from layout.model import Article, Code, Image, Run, Runs, Rule, group_field

_INVISIBLE = re.compile(r"[\s\-\u00ad\u2010\u2011]+")


@dataclass(frozen=True)
class PageStart:
    """Page `page` of the print edition begins `offset` characters into block `block` of article `article`.

    `block` "" means the article's start (its masthead and headline); `offset` -1 means after the block's
    text; `article` -1 means the pages before the first article (a digest's cover and contents)."""

    page: int
    block: str
    offset: int
    article: int = 0


HEADER_IDS = ("masthead", "head", "headline", "dek", "byline")


def _weight(text: str) -> int:
    """Characters that survive line breaking and hyphenation: whitespace and hyphens are not counted."""
    return len(_INVISIBLE.sub("", text))


def _places(articles: Sequence[tuple[str, Article]], front: Sequence[str]) -> dict[str, tuple[int, str]]:
    """Element id -> (article index, block or note id, or "" for the article's start); front ids -> (-1, id)."""
    where = {element_id: (-1, element_id) for element_id in front}
    for index, (prefix, article) in enumerate(articles):
        where.update({prefix + name: (index, "") for name in HEADER_IDS})
        where.update({block.id: (index, block.id) for block in article.blocks})
        where.update({note.id: (index, note.id) for note in article.notes})
    return where


def page_starts(document, articles: Sequence[tuple[str, Article]] | Article,
                front: Sequence[str] = ()) -> tuple[PageStart, ...]:
    """For each page of a laid-out WeasyPrint document, where in the articles it begins.

    `articles` is one Article, or (id prefix, article) pairs for a document holding several."""
    if isinstance(articles, Article):
        articles = [("", articles)]
    where = _places(articles, front)
    containers = {f"{prefix}article": index for index, (prefix, _) in enumerate(articles)}
    seen: dict[str, int] = {}
    starts: list[PageStart] = []
    last: tuple[int, str] | None = None
    headers: set[str] = set()  # tables whose header rows were met: a page repeating them adds no text
    for number, page in enumerate(document.pages, 1):
        first = None
        for element_id, text in _texts(page._page_box, None, where.keys() | containers.keys(), headers):
            if element_id is None:
                continue  # page furniture: running heads and folios
            if element_id in containers:  # a source line, pull quote or notes title opens the page
                if first is None:
                    first = PageStart(number, last[1], -1, last[0]) if last else PageStart(
                        number, "", 0, containers[element_id])
                continue
            index, block = where[element_id]
            if first is None:
                first = PageStart(number, block, seen.get(element_id, 0) if block and index >= 0 else 0, index)
            seen[element_id] = seen.get(element_id, 0) + _weight(text)
            if block and index >= 0:
                last = (index, block)
        if first is not None:
            starts.append(first)
    return tuple(starts)


# WeasyPrint has no public API for the laid-out boxes: `page._page_box` and the boxes' `element`, `text`,
# `children` and `element_tag` are its internals, pinned with weasyprint==70.0. Check them on an upgrade
# (tests/writers/test_epub_pages.py and test_typesetting.py fail first).
def _texts(box, block_id, known=None, headers: set[str] | None = None):
    """(id of the nearest element with a `known` id (any id if None), text) for every text box, in order.

    List markers (bullets, numbers) are skipped: they are the theme's, not the article's. With a set of
    `headers`, so are a table's header rows where a later page repeats them."""
    element = getattr(box, "element", None)
    if element is not None and element.get("id") and (known is None or element.get("id") in known):
        block_id = element.get("id")
    if str(getattr(box, "element_tag", "")).endswith("::marker"):
        return
    if headers is not None and getattr(box, "is_header", False):
        if block_id in headers:
            return
        headers.add(block_id)
    text = getattr(box, "text", None)
    if isinstance(text, str) and not getattr(box, "children", None):
        yield block_id, text
    for child in getattr(box, "children", None) or ():
        yield from _texts(child, block_id, known, headers)


def with_markers(article: Article, starts: Sequence[PageStart]) -> Article:
    """The article with a page-break run where each page begins inside it (at a word start).

    `starts` are this article's own; those at the article's start are the template's `first_page`."""
    by_block: dict[str, list[PageStart]] = {}
    for start in _on_text_blocks(article, starts):
        by_block.setdefault(start.block, []).append(start)
    blocks = tuple(_marked_all(block, by_block.get(block.id, ())) for block in article.blocks)
    notes = tuple(_marked_all(note, by_block.get(note.id, ())) for note in article.notes)
    return dataclasses.replace(article, blocks=blocks, notes=notes)


def _on_text_blocks(article: Article, starts: Sequence[PageStart]) -> list[PageStart]:
    """The starts inside the article, moved off images and rules onto the next block that holds text."""
    holders = [b.id for b in article.blocks if not isinstance(b, (Image, Rule))]
    position = {b.id: index for index, b in enumerate(article.blocks)}
    moved = []
    for start in starts:
        if not start.block:
            continue
        if start.block in holders or start.block not in position:
            moved.append(start)
            continue
        later = [h for h in holders if position[h] > position[start.block]]
        earlier = [h for h in holders if position[h] < position[start.block]]
        if later:
            moved.append(dataclasses.replace(start, block=later[0], offset=0))
        elif earlier:
            moved.append(dataclasses.replace(start, block=earlier[-1], offset=-1))
    return moved


def _marked_all(block, starts: Sequence[PageStart]):
    for start in sorted(starts, key=lambda s: -s.page):  # later pages first, so earlier offsets stay true
        block = _marked(block, start)
    return block


def _marked(block, start: PageStart):
    marker = Run("", page=str(start.page))
    if isinstance(block, Code):  # program text has no runs: the marker is kept as a place in it
        at = len(block.code) if start.offset < 0 else _line_start(block.code, _position(block.code, start.offset))
        return dataclasses.replace(block, pages=tuple(sorted(block.pages + ((at, str(start.page)),))))
    if start.offset < 0:
        return _append(block, marker)
    if hasattr(block, "runs"):
        return dataclasses.replace(block, runs=_insert(block.runs, start.offset, marker))
    field = group_field(block)
    if field is None:
        return block
    groups = getattr(block, field)
    offset = start.offset
    for index, group in enumerate(groups):
        size = _weight("".join(run.text for run in group))
        if offset < size or index == len(groups) - 1:
            changed = groups[:index] + (_insert(group, offset, marker),) + groups[index + 1:]
            return dataclasses.replace(block, **{field: changed})
        offset -= size
    return block


def _append(block, marker: Run):
    """`block` with `marker` after all its text: a page that opens with what follows the block."""
    if hasattr(block, "runs"):
        return dataclasses.replace(block, runs=block.runs + (marker,))
    field = group_field(block)
    if field is None or not getattr(block, field):
        return block
    groups = getattr(block, field)
    return dataclasses.replace(block, **{field: groups[:-1] + (groups[-1] + (marker,),)})


def _insert(runs: Runs, offset: int, marker: Run) -> Runs:
    """`runs` with `marker` at the start of the word holding the `offset`-th counted character."""
    text = "".join(run.text for run in runs)
    position = _word_start(text, _position(text, offset))
    out: list[Run] = []
    done = 0
    for run in runs:
        end = done + len(run.text)
        if done <= position < end or (position == end and run is runs[-1]):
            cut = position - done
            head, tail = run.text[:cut], run.text[cut:]
            out += [dataclasses.replace(run, text=head)] if head else []
            out.append(marker)
            out += [dataclasses.replace(run, text=tail)] if tail else []
            position = -1
        else:
            out.append(run)
        done = end
    return tuple(out)


def _position(text: str, offset: int) -> int:
    """The index in `text` of its `offset`-th counted character."""
    counted = 0
    for index, char in enumerate(text):
        if _INVISIBLE.match(char):
            continue
        if counted == offset:
            return index
        counted += 1
    return len(text)


def _line_start(text: str, index: int) -> int:
    """The start of the line of `text` holding `index`: a page of program text begins with a whole line."""
    return text.rfind("\n", 0, index) + 1


def _word_start(text: str, index: int) -> int:
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index



def laid_out_blocks(document, known: set[str] | None = None) -> dict[str, str]:
    """The text WeasyPrint laid out for each element id (of `known` ids), across pages: the PDF's text layer."""
    found: dict[str, list[str]] = {}
    headers: set[str] = set()  # a table's header rows count once, not again where a column or page repeats them
    for page in document.pages:
        for element_id, text in _texts(page._page_box, None, known, headers):
            found.setdefault(element_id or "", []).append(text)
    return {element_id: " ".join(parts) for element_id, parts in found.items()}
