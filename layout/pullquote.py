"""The pull quote: a quotation from the article's own words, chosen for print; it never replaces text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from layout.model import Article, Paragraph
from layout.typography import base_language

_QUOTED = re.compile(r"[“«„\"]([^”»“\"]{40,400})[”»“\"]")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


@dataclass(frozen=True)
class PullQuote:
    """A quotation from the article repeated in large type after block `after`; it never replaces text."""

    text: str
    after: str


def pull_quote(article: Article, min_words: int = 350) -> PullQuote | None:
    """The article's own quotation best suited to a pull quote, and where it goes."""
    paragraphs = [b for b in article.blocks if isinstance(b, Paragraph)]
    if article.words < min_words or len(paragraphs) < 6:
        return None
    asks = "?;\u037e؟" if base_language(article.meta.lang) == "el" else "?\u037e؟"  # Greek asks with ";"
    candidates = [text for block in paragraphs for text in _quotations(block.text, asks)]
    if not candidates:
        return None
    best = min(candidates, key=lambda text: abs(len(text) - 105))
    return PullQuote(best, _placement(article))


def _quotations(text: str, asks: str = "?") -> list[str]:
    """Whole sentences of 50 to 160 characters taken from the quotations in `text`; not a question (ending
    in one of `asks`: a heading's or a reader's question, quoted), which a pull quote would leave unanswered."""
    found = []
    for match in _QUOTED.finditer(text):
        sentences = _SENTENCE_END.split(match[1].strip())
        quote = ""
        for sentence in sentences:
            if len(quote) + len(sentence) > 160:
                break
            quote = f"{quote} {sentence}".strip()
        asked = quote.rstrip()[-1:] in asks
        quote = quote.rstrip(",;: ")
        if 50 <= len(quote) <= 160 and _opens_sentence(quote) and not asked:
            found.append(quote if quote[-1] in ".!?…" else quote + "…")
    return found


def _opens_sentence(text: str) -> bool:
    """`text` begins as a sentence does: with a capital, or a letter of a script without capitals."""
    return text[:1].isupper() or (text[:1].isalpha() and text[0].upper() == text[0].lower())


def _placement(article: Article, words: int = 110) -> str:
    """The paragraph after which the quote goes: high in the first column, where it cannot strand a gap."""
    seen = 0
    for block, following in zip(article.blocks, article.blocks[1:]):
        seen += len(block.text.split())
        if seen >= words and isinstance(block, Paragraph) and isinstance(following, Paragraph):
            return block.id
    return article.blocks[0].id
