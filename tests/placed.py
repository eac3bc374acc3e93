"""Where a plain-text chunk went: the texts an article places (title, standfirst, blocks, items, rows, dropped)."""

from __future__ import annotations

from layout.model import Blockquote, ListBlock, Rule, Table, plain
from layout.readers.common import squeeze
from layout.readers.text.boilerplate import SECTION_BREAK
from layout.readers.text.rules import LIST_MARKER

BREAK = "\u2042 (a section break)"  # stands in the texts for a Rule block, which has none


def placed(article) -> list[str]:
    """Every text the article holds, a list's items, a table's rows and a quotation's lines one by one."""
    texts = [article.meta.title, article.meta.dek]
    for block in article.blocks:
        if isinstance(block, ListBlock):
            texts.extend(plain(item) for item in block.items)
        elif isinstance(block, (Table, Blockquote)):  # a table's rows, a stanza's lines
            texts.extend(line for line in block.text.split("\n") if line)
        else:
            texts.append(BREAK if isinstance(block, Rule) else block.text)
    return texts + [entry.text for entry in article.dropped]


def is_placed(chunk: str, texts) -> bool:
    """The chunk is one of the texts (a table's row once its tabs are spaces), a list item once its bullet or
    number is taken off, or a section break."""
    chunk = squeeze(chunk)
    return chunk in texts or LIST_MARKER.sub("", chunk, count=1) in texts or (
        SECTION_BREAK.match(chunk) is not None and BREAK in texts)
