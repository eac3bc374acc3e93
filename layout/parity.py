"""The content parity check: every block of the model must reach every output's text."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile

from layout.errors import RenderError
from layout.model import Article, Image, group_field, plain, run_groups

_INVISIBLE = re.compile(r"[\s\-\u00ad\u2010\u2011]+")


def fold(text: str) -> str:
    """Text compared without case, whitespace, hyphens or invisible format characters (zero-width spaces)."""
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return _INVISIBLE.sub("", text).casefold()


def pieces(item) -> list[str]:
    """The texts of a block or note that an output must carry whole: a list's items, a quote's paragraphs,
    a table's cells."""
    if group_field(item):
        return [plain(runs) for runs in run_groups(item)]
    if isinstance(item, Image):
        return [item.caption, item.credit]
    return [item.text]


def missing(article: Article, output_text: str | dict[str, str]) -> list[str]:
    """The ids of blocks (and notes) whose text is not in the output: one text, or one per element id."""
    whole = fold(output_text) if isinstance(output_text, str) else None  # fold a whole output once
    lost = []
    for item in (*article.blocks, *article.notes):
        where = whole if whole is not None else fold(output_text.get(item.id, ""))
        if any(fold(piece) and fold(piece) not in where for piece in pieces(item)):
            lost.append(item.id)
    return lost


def epub_text(data: bytes) -> str:
    """The text of the EPUB's documents (all but the navigation document), in the package's order."""
    from lxml import html

    with zipfile.ZipFile(io.BytesIO(data)) as book:
        names = [n for n in book.namelist() if n.endswith(".xhtml") and not n.endswith("/nav.xhtml")]
        return "\n".join(html.fromstring(book.read(name)).text_content() for name in names)


def check_outputs(articles: list[Article], document, files: dict[str, bytes]) -> None:
    """Fail, naming the block, when the PDF (its laid-out `document`) or the EPUB in `files` lost any."""
    from layout.pagemap import laid_out_blocks

    texts: dict = {}
    if any(name.endswith(".pdf") for name in files):
        ids = {item.id for article in articles for item in (*article.blocks, *article.notes)}
        texts["pdf"] = laid_out_blocks(document, ids)
    epubs = [data for name, data in files.items() if name.endswith(".epub")]
    if epubs:
        texts["epub"] = epub_text(epubs[0])
    for article in articles:
        check(article, texts)


def check(article: Article, texts: dict[str, str | dict[str, str]]) -> None:
    """Raise RenderError naming the first block an output lost; `texts` maps format -> that output's text."""
    for fmt, text in texts.items():
        lost = missing(article, text)
        if lost:
            block = next((b for b in article.blocks if b.id == lost[0]), None)
            words = " ".join((block.text if block else lost[0]).split()[:8])
            raise RenderError(f"the {fmt.upper()} lost block {lost[0]} (\"{words}…\") and {len(lost) - 1} more",
                              "the theme's CSS may hide or clip it; try the default theme, or report the article")
