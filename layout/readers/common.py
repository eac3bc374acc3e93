"""Helpers every reader shares: block ids, stable identifiers, whitespace."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
import uuid
from urllib.parse import urlsplit

from layout.model import Block, Run, Runs

_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_IDENTIFIER_NAMESPACE = uuid.UUID("6f1b3d2a-7c1e-4e58-9a57-2f0f4f3c9b10")


def squeeze(text: str) -> str:
    """Collapse runs of spaces (including no-break and typographic spaces) and trim."""
    return _SPACE.sub(" ", text).strip()


def block_id(index: int) -> str:
    """The stable id of the block at `index` (0-based) in reading order."""
    return f"b{index + 1:03d}"


def identifier(url: str, title: str, blocks: tuple[Block, ...]) -> str:
    """A stable identifier: from the URL when there is one, else from the content; never random."""
    if url:
        seed = "url:" + url.strip()
    else:
        body = "\n".join(block.text for block in blocks)
        seed = "content:" + hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()
    return f"urn:uuid:{uuid.uuid5(_IDENTIFIER_NAMESPACE, seed)}"


def fold(text: str) -> str:
    """Text for comparing: Unicode forms, case, quotes, dashes, soft hyphens and spacing folded."""
    text = unicodedata.normalize("NFKC", text or "").replace("\u00ad", "").casefold()
    text = re.sub(r"[\u2018\u2019\u201a\u2032`´]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u2033«»]", '"', text)
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    return " ".join(text.split())


def is_local(src: str) -> bool:
    """A path relative to the article: not http(s), protocol-relative, data:, rooted or empty."""
    parts = urlsplit(src)
    return bool(src) and not parts.scheme and not parts.netloc and not src.startswith("/")


def merge(pieces: list[Run]) -> Runs:
    """Inline runs as a reader collected them, tidied: adjacent runs of one style joined (note references
    and page markers stay apart), whitespace squeezed within and across runs, the ends trimmed."""
    runs: list[Run] = []
    for run in pieces:
        text = re.sub(r"\s+", " ", run.text)
        last = runs[-1] if runs else None
        if last is not None and last.text.endswith(" "):
            text = text.lstrip(" ")
        if last is not None and _same_style(last, run):
            runs[-1] = dataclasses.replace(last, text=last.text + text)
        elif text or run.page:
            runs.append(dataclasses.replace(run, text=text))
    if runs:
        runs[0] = dataclasses.replace(runs[0], text=runs[0].text.lstrip())
        runs[-1] = dataclasses.replace(runs[-1], text=runs[-1].text.rstrip())
    return tuple(r for r in runs if r.text or r.page)


def _same_style(a: Run, b: Run) -> bool:
    return not (a.note or b.note or a.page or b.page) and (a.emphasis, a.strong, a.href, a.code) == (
        b.emphasis, b.strong, b.href, b.code)
