"""The print edition's page map: where each laid-out PDF page begins in the content model."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from layout.model import Article, Blockquote, Heading, ListBlock, Paragraph, Run, Runs

_INVISIBLE = re.compile(r"[\s\-\u00ad\u2010\u2011]+")


@dataclass(frozen=True)
class PageStart:
    """Page `page` of the print edition begins `offset` characters into block `block` ("" for the article)."""

    page: int
    block: str
    offset: int


def _weight(text: str) -> int:
    """Characters that survive line breaking and hyphenation: whitespace and hyphens are not counted."""
    return len(_INVISIBLE.sub("", text))


def page_starts(document, article: Article) -> tuple[PageStart, ...]:
    """For each page of a laid-out WeasyPrint document, the block and character where it begins."""
    ids = {block.id for block in article.blocks}
    seen: dict[str, int] = {}
    starts = [PageStart(1, "", 0)]
    for number, page in enumerate(document.pages, 1):
        first = None
        for block_id, text in _texts(page._page_box, None):
            if block_id not in ids:
                continue
            if first is None and number > 1:
                first = PageStart(number, block_id, seen.get(block_id, 0))
            seen[block_id] = seen.get(block_id, 0) + _weight(text)
        if first is not None:
            starts.append(first)
    return tuple(starts)


def _texts(box, block_id):
    """(id of the nearest element with an id, text) for every text box, in document order."""
    element = getattr(box, "element", None)
    if element is not None and element.get("id"):
        block_id = element.get("id")
    text = getattr(box, "text", None)
    if isinstance(text, str) and not getattr(box, "children", None):
        yield block_id, text
    for child in getattr(box, "children", None) or ():
        yield from _texts(child, block_id)


def with_markers(article: Article, starts: tuple[PageStart, ...]) -> Article:
    """The article with a page-break run where each page after the first begins (at a word start)."""
    by_block = {start.block: start for start in starts if start.block}
    blocks = tuple(_marked(block, by_block[block.id]) if block.id in by_block else block
                   for block in article.blocks)
    return dataclasses.replace(article, blocks=blocks)


def _marked(block, start: PageStart):
    marker = Run("", page=str(start.page))
    if isinstance(block, (Paragraph, Heading)):
        return dataclasses.replace(block, runs=_insert(block.runs, start.offset, marker))
    groups = block.paragraphs if isinstance(block, Blockquote) else block.items if isinstance(block, ListBlock) else None
    if groups is None:
        return block
    offset = start.offset
    for index, group in enumerate(groups):
        size = _weight("".join(run.text for run in group))
        if offset < size or index == len(groups) - 1:
            changed = groups[:index] + (_insert(group, offset, marker),) + groups[index + 1:]
            field = "paragraphs" if isinstance(block, Blockquote) else "items"
            return dataclasses.replace(block, **{field: changed})
        offset -= size
    return block


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


def _word_start(text: str, index: int) -> int:
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index



def laid_out_blocks(document) -> dict[str, str]:
    """The text WeasyPrint laid out for each element id, across pages: what the PDF's text layer holds."""
    found: dict[str, list[str]] = {}
    for page in document.pages:
        for element_id, text in _texts(page._page_box, None):
            found.setdefault(element_id or "", []).append(text)
    return {element_id: " ".join(parts) for element_id, parts in found.items()}
