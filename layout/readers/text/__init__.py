"""The plain-text reader: an article copied out of a web page, boilerplate and all."""

from __future__ import annotations

import dataclasses
import logging

from layout.errors import SourceError
from layout.model import Article, Block, Blockquote, Dropped, Heading, ListBlock, Meta, Paragraph, Rule, Run
from layout.readers.common import block_id, identifier
from layout.readers.text.chunks import Chunk, split_chunks, split_groups
from layout.readers.text.head import consent_banners, read_head, take_title
from layout.readers.text.lines import dateline_of, place_lead
from layout.readers.text.rules import CONTEXT_RULES
from layout.readers.text.tables import mark_tables
from layout.readers.text.verse import mark_verse

log = logging.getLogger(__name__)

__all__ = ["read", "split_chunks"]

ITEMS = ("item", "numbered")  # the roles of a list's items, bulleted and numbered


def read(text: str, name: str) -> Article:
    """Build the model from plain text: headline, standfirst, dateline, body; boilerplate dropped."""
    chunks = [Chunk.of(t, group) for group, blocks in enumerate(split_groups(text)) for t in blocks]
    if not chunks:
        raise SourceError(f"{name} holds no text", "put the article's text in the file")
    consent_banners(chunks)  # a banner's title and buttons could pass for the page's header
    title = take_title(chunks, name)
    body = [c for c in chunks if not c.role]
    at = next(i for i, chunk in enumerate(chunks) if chunk is title)
    mark_tables(body)  # before the page's header and the line rules: a table's rows are no byline, menu or teaser
    mark_verse(body)  # ... nor a stanza's lines
    lang = _language([title.text] + [c.text for c in body[:40]])  # so far; it orders "12/04/2025"
    meta = read_head(body, title, above=sum(not c.role for c in chunks[:at]), lang=lang)
    for rule in CONTEXT_RULES:
        rule(body, meta)
    blocks = _blocks(chunks)
    if not any(isinstance(b, Paragraph) for b in blocks):
        raise SourceError(f"{name} holds no article text, only boilerplate",
                          "check that the file holds the article's paragraphs")
    meta["dateline"] = _dateline(blocks) or meta["dateline"] or place_lead(meta["dek"])
    meta["lang"] = _language([title.text] + [b.text for b in blocks[:20]])
    dropped = tuple(Dropped(c.text, c.reason) for c in chunks if c.role == "drop")
    log.debug("%s: %d blocks, %d dropped", name, len(blocks), len(dropped))
    return Article(Meta(title=title.text, identifier=identifier("", title.text, tuple(blocks)), **meta),
                   tuple(blocks), dropped, name)


def _blocks(chunks: list[Chunk]) -> list[Block]:
    """The kept chunks as blocks; list items in a row make one list, a table's rows one table."""
    blocks: list[Block] = []
    kept = [c for c in chunks if c.role in ("", "paragraph", "heading", "rule", "table", "verse") + ITEMS]
    for chunk, before in zip(kept, [None] + kept[:-1]):
        if chunk.role == "verse":  # a stanza: one paragraph of a quotation, its lines apart; stanzas in a row, one
            stanza = _stanza(chunk.lines)
            quoted = before is not None and before.role == "verse"
            blocks[-1:] = [Blockquote(blocks[-1].id, blocks[-1].paragraphs + (stanza,))] if quoted else [
                *blocks[-1:], Blockquote(block_id(len(blocks)), (stanza,))]
        elif chunk.role in ITEMS and before is not None and before.role == chunk.role:
            last = blocks[-1]
            blocks[-1] = ListBlock(last.id, last.items + ((Run(chunk.text),),), last.ordered)
        elif chunk.role in ITEMS:
            blocks.append(ListBlock(block_id(len(blocks)), ((Run(chunk.text),),), chunk.role == "numbered"))
        elif chunk.role == "heading":
            blocks.append(Heading(block_id(len(blocks)), (Run(chunk.text),)))
        elif chunk.role == "rule":
            blocks.append(Rule(block_id(len(blocks))))
        elif chunk.role == "table":
            blocks.append(dataclasses.replace(chunk.table, id=block_id(len(blocks))))
        else:
            blocks.append(Paragraph(block_id(len(blocks)), (Run(chunk.text),)))
    return blocks


def _stanza(lines: tuple[str, ...]) -> tuple[Run, ...]:
    """A stanza's lines as runs, a line break between each two."""
    runs: list[Run] = []
    for line in lines:
        runs += [Run("\n", newline=True), Run(line)] if runs else [Run(line)]
    return tuple(runs)


def _dateline(blocks: list[Block]) -> str:
    first = next((b for b in blocks if isinstance(b, Paragraph)), None)
    return dateline_of(first.text) if first else ""


def _language(texts: list[str]) -> str:
    """The article's language, detected offline from its headline and text; English when too short or unsure."""
    from layout.readers.language import detect

    return detect(" ".join(texts)[:4000])
