"""Helpers every reader shares: block ids, stable identifiers, whitespace, inline runs, tables."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
import uuid
from urllib.parse import urlsplit

from layout.model import Article, Block, Dropped, ListBlock, Run, Runs, Table, lead_paragraph, plain

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


CLOSING_MARK = re.compile(r"(?:,|\.(?![.\w])|\))")  # a comma, a full stop (not "..." nor ".NET"), a bracket


def merge(pieces: list[Run]) -> Runs:
    """Inline runs as a reader collected them, tidied: adjacent runs of one style joined (note references,
    page markers and line breaks stay apart), whitespace squeezed within and across runs and around line
    breaks (and a run's trailing space before a comma, full stop or closing bracket: a link's text often ends
    in one), the ends trimmed of whitespace and of line breaks."""
    runs: list[Run] = []
    for run in pieces:
        last = runs[-1] if runs else None
        if run.newline:
            if last is not None:
                runs[-1] = dataclasses.replace(last, text=last.text.rstrip(" "))
            runs.append(run)
            continue
        text = re.sub(r"\s+", " ", run.text)
        if last is not None and last.text.endswith((" ", "\n")):
            text = text.lstrip(" ")
            if CLOSING_MARK.match(text) and not _same_style(last, run):  # a link's own trailing space
                runs[-1] = last = dataclasses.replace(last, text=last.text.rstrip(" "))
        elif last is not None and CLOSING_MARK.match(text[1:]) and text[:1] == " " and not _same_style(last, run):
            text = text[1:]  # "<a>x</a> , y"
        if last is not None and _same_style(last, run):
            runs[-1] = dataclasses.replace(last, text=last.text + text)
        elif text or run.page:
            runs.append(dataclasses.replace(run, text=text))
    while runs and runs[-1].newline:  # a break ends a line: none before the first or after the last
        runs.pop()
    while runs and runs[0].newline:
        runs.pop(0)
    if runs:
        runs[0] = dataclasses.replace(runs[0], text=runs[0].text.lstrip())
        runs[-1] = dataclasses.replace(runs[-1], text=runs[-1].text.rstrip())
    return tuple(r for r in runs if r.text or r.page)


def with_dateline(article: Article) -> Article:
    """The article with its lead paragraph opening on the dateline its metadata gives ("ASHFORD — The
    library ..."), where the text does not already: both outputs set it there, as the print one must."""
    place, lead = article.meta.dateline.strip(), lead_paragraph(article.blocks)
    block = next((b for b in article.blocks if b.id == lead), None)
    shown = (block.text if block else "", article.meta.dek)  # a standfirst may open with it: "Berlin. Die ..."
    opens = re.compile(rf"^{re.escape(place)}(?=\s*[,.:;(—–-]|\s*$)", re.I) if place else None
    if not place or block is None or any(opens.match(text) for text in shown):  # not "Ashford's library ..."
        return article
    dash = "—" if article.meta.lang.split("-")[0] in ("", "en") else "–"
    opened = dataclasses.replace(block, runs=merge([Run(f"{place} {dash} "), *block.runs]))
    return dataclasses.replace(article, blocks=tuple(opened if b is block else b for b in article.blocks))


def _same_style(a: Run, b: Run) -> bool:
    special = (a.note, b.note, a.page, b.page, a.newline, b.newline)
    return not any(special) and (a.emphasis, a.strong, a.href, a.code) == (b.emphasis, b.strong, b.href, b.code)


MAX_COLUMNS = 12  # the most a printed column, or a page, sets legibly
FIGURE = re.compile(r"^[-+\u2212\u2013(]?[$€£¥]?\s?\d[\d.,\u00a0\u202f ]*\s?(?:%|‰|[$€£¥])?\)?$")


Span = tuple[int, int, int, int]


def table_block(cells: tuple[Runs, ...], columns: int, header: int = 1, align: tuple[str, ...] = (),
                spans: tuple[Span, ...] = ()) -> Table | Dropped:
    """A Table of `cells` (row by row), or, with more columns than a page can set, a record of its text:
    a row a line, " | " between cells. A header row without text is left out, and a table of header rows
    only has none (its rows are its content). A column the source does not align is set right when it holds
    only figures (amounts, percentages), so that their digits line up. Merged cells (`spans`) end where
    the header rows do, as in HTML."""
    while header and not any(plain(cell).strip() for cell in cells[:columns]):
        cells, header = cells[columns:], header - 1
        spans = tuple((max(row - 1, 0), column, down - (row == 0), across)
                      for row, column, down, across in spans if (row, down) != (0, 1))
    if len(cells) <= header * columns:
        header = 0
    try:
        made = Table("", cells, columns, header, spans=_within_groups(spans, header))
    except ValueError:  # merged cells the page overlaps (a colspan into a rowspan's place): set them apart
        made = Table("", cells, columns, header)
    if columns > MAX_COLUMNS:
        rows = "\n".join(" | ".join(squeeze(plain(cell)) for cell in row) for row in made.rows)
        return Dropped(rows, f"table too wide to set (more than {MAX_COLUMNS} columns)")
    given = tuple(align) + ("",) * (columns - len(align))
    across = {(row, column) for row, column, _, wide in made.spans if wide > 1}  # a cell over columns: no figure's
    body = [() if divmod(index, columns) in across else cell for index, cell in enumerate(cells)][header * columns:]
    aligned = tuple(side or ("right" if figures(tuple(body[column::columns])) else "")
                    for column, side in enumerate(given))
    return dataclasses.replace(made, align=aligned if any(aligned) else ())


def _within_groups(spans: tuple[Span, ...], header: int) -> tuple[Span, ...]:
    """Merged cells cut at the line between header and body rows; a cell merged with none is no span."""
    cut = ((row, column, min(down, header - row) if row < header else down, across)
           for row, column, down, across in spans)
    return tuple(span for span in cut if span[2] * span[3] > 1)


def figures(cells: tuple[Runs, ...]) -> bool:
    """Whether some of `cells` hold text and every one that does holds a figure."""
    values = [" ".join(plain(cell).split()) for cell in cells if plain(cell).strip()]
    return bool(values) and all(FIGURE.match(value) for value in values)


def list_block(items: list[tuple[Runs, int, bool]], ordered: bool) -> ListBlock | None:
    """A list from its items in reading order, each (runs, how deep it is nested, whether the list holding
    it is numbered); items without text are left out; None when none has text."""
    kept = [(merge(list(runs)), depth, kind) for runs, depth, kind in items if plain(runs).strip()]
    if not kept:
        return None
    depths = levels([depth for _, depth, _ in kept])
    kinds = tuple(kind for _, _, kind in kept) if depths else ()
    return ListBlock("", tuple(runs for runs, _, _ in kept), ordered, depths,
                     kinds if any(kind != ordered for kind in kinds) else ())


def levels(depths: list[int]) -> tuple[int, ...]:
    """Nesting depths that a list can show: none deeper than one below the item before it; () when flat."""
    out: list[int] = []
    for depth in depths:
        out.append(min(depth, out[-1] + 1) if out else 0)
    return tuple(out) if any(out) else ()

