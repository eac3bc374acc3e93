"""The plain-text reader: an article copied out of a web page, boilerplate and all."""

from __future__ import annotations

import re

from layout.errors import SourceError
from layout.model import Article, Block, Dropped, Heading, Meta, Paragraph, Run
from layout.readers.common import block_id, identifier, squeeze

_DATELINE = re.compile(r"^(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý .'’-]+(?:,\s*[A-Z][\w .'’-]+)?)\s*[—–-]{1,2}\s+\S")

BOILERPLATE: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"^(recommended videos?|related posts?|related stories|advertisement|anzeige)$", re.I), "widget label"),
    (re.compile(r"^this will close in \d+ seconds?$", re.I), "countdown"),
    (re.compile(r"sign up for our newsletters?|bookmark \S+\.\w+", re.I), "promo"),
)


def read(text: str, name: str) -> Article:
    """Build the model from plain text: headline, standfirst, dateline, body; boilerplate dropped."""
    chunks = [squeeze(c) for c in re.split(r"\n\s*\n", text)]
    chunks = [c for c in chunks if c]
    if not chunks:
        raise SourceError(f"{name} holds no text", "put the article's text in the file")
    title, rest = chunks[0], chunks[1:]
    dropped: list[Dropped] = []
    kept: list[str] = []
    for chunk in rest:
        reason = _boilerplate(chunk, title)
        if reason:
            dropped.append(Dropped(chunk, reason))
        else:
            kept.append(chunk)
    dek = ""
    if kept and not _DATELINE.match(kept[0]) and len(kept) > 1 and _DATELINE.match(kept[1]):
        dek = kept.pop(0)
    if not kept:
        raise SourceError(f"{name} holds no article text, only boilerplate",
                          "check that the file holds the article's paragraphs")
    blocks: list[Block] = [Paragraph(block_id(i), (Run(t),)) for i, t in enumerate(kept)]
    match = _DATELINE.match(kept[0])
    dateline = match["place"].strip() if match else ""
    meta = Meta(title=title, dek=dek, dateline=dateline,
                identifier=identifier("", title, tuple(blocks)))
    return Article(meta, tuple(blocks), tuple(dropped), name)


def _boilerplate(chunk: str, title: str) -> str:
    if chunk == title:
        return "repeated headline"
    for pattern, reason in BOILERPLATE:
        if pattern.search(chunk):
            return reason
    return ""
