"""Where a plain-text chunk went: the texts an article places (title, standfirst, blocks, list items, dropped)."""

from __future__ import annotations

from layout.model import ListBlock, plain
from layout.readers.text.rules import LIST_MARKER


def placed(article) -> list[str]:
    """Every text the article holds, a list's items one by one."""
    texts = [article.meta.title, article.meta.dek]
    for block in article.blocks:
        texts.extend(plain(item) for item in block.items) if isinstance(block, ListBlock) else texts.append(block.text)
    return texts + [entry.text for entry in article.dropped]


def is_placed(chunk: str, texts) -> bool:
    """The chunk is one of the texts, or a list item that was, once its bullet or number is taken off."""
    return chunk in texts or LIST_MARKER.sub("", chunk, count=1) in texts
