"""The plain-text reader: an article copied out of a web page, boilerplate and all."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Callable

from layout.errors import SourceError
from layout.model import Article, Block, Dropped, Heading, Meta, Paragraph, Run
from layout.readers.common import block_id, fold, identifier, squeeze

log = logging.getLogger(__name__)

HEAD_WORDS = 12      # a body paragraph opening the article has at least this many words
HEADING_WORDS = 20   # a subheading has at most this many words
CAPTION_WORDS = 60   # a caption has at most this many words
HEAD_SCAN = 20       # the headline or standfirst repeated this far down still belongs to the page header
WRAP_WIDTH = 100     # text hard-wrapped into lines is wrapped at or under this width
RUN_LENGTH = 3       # this many short lines in a row are a teaser list or a menu, not subheadings


@dataclass
class Chunk:
    """One block of the input and what the reader made of it."""

    text: str
    role: str = ""     # "", "title", "dek", "drop", "paragraph", "heading"
    reason: str = ""

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def sentence(self) -> bool:
        return is_sentence(self.text)

    @property
    def short(self) -> bool:
        """A line shaped like a headline: no closing punctuation, not many words."""
        return not self.sentence and self.words <= HEADING_WORDS

    def drop(self, reason: str) -> None:
        self.role, self.reason = "drop", reason


def read(text: str, name: str) -> Article:
    """Build the model from plain text: headline, standfirst, dateline, body; boilerplate dropped."""
    chunks = [Chunk(t) for t in split_chunks(text)]
    if not chunks:
        raise SourceError(f"{name} holds no text", "put the article's text in the file")
    title = _take_title(chunks, name)
    body = [c for c in chunks if not c.role]
    meta = _head(body, title)
    for rule in CONTEXT_RULES:
        rule(body, meta)
    blocks = _blocks(chunks)
    if not any(isinstance(b, Paragraph) for b in blocks):
        raise SourceError(f"{name} holds no article text, only boilerplate",
                          "check that the file holds the article's paragraphs")
    meta["dateline"] = _dateline(blocks) or meta["dateline"] or place_lead(meta["dek"])
    meta["lang"] = _language(title, blocks)
    dropped = tuple(Dropped(c.text, c.reason) for c in chunks if c.role == "drop")
    log.debug("%s: %d blocks, %d dropped", name, len(blocks), len(dropped))
    return Article(Meta(title=title.text, identifier=identifier("", title.text, tuple(blocks)), **meta),
                   tuple(blocks), dropped, name)


# --- splitting -------------------------------------------------------------------------------


def split_chunks(text: str) -> list[str]:
    """The non-empty blocks of `text`: blank-line separated, or one a line when lines are not wrapped."""
    out = []
    for part in re.split(r"\n[ \t\u00a0]*\n", text):
        lines = [squeeze(line) for line in part.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        out.extend([" ".join(lines)] if _hard_wrapped(lines) else lines)
    return out


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines of one paragraph broken at a fixed width (rather than one paragraph a line).

    Wrapped lines are about as long as each other, and somewhere a sentence runs on over a break.
    """
    if len(lines) < 2:
        return True
    widest = max(len(line) for line in lines)
    if widest > WRAP_WIDTH or any(len(line) < max(40, 0.75 * widest) for line in lines[:-1]):
        return False
    return any(_runs_on(line, nxt) for line, nxt in zip(lines, lines[1:]))


def _runs_on(line: str, nxt: str) -> bool:
    """The text goes on from `line` to `nxt` mid-sentence."""
    return line[-1] in ",;-–" or line[-1].isalpha() and nxt[:1].islower()


# --- title and head --------------------------------------------------------------------------


def _take_title(chunks: list[Chunk], name: str) -> Chunk:
    """The first chunk that is not page furniture is the headline."""
    for chunk in chunks:
        reason = furniture(chunk.text)
        if not reason:
            chunk.role = "title"
            return chunk
        chunk.drop(reason)
    raise SourceError(f"{name} holds no article text, only boilerplate",
                      "check that the file holds the article's headline and paragraphs")


def _head(body: list[Chunk], title: Chunk) -> dict:
    """Standfirst, bylines and date lines between the headline and the first body paragraph."""
    meta: dict = {"dek": "", "authors": (), "date": "", "dateline": ""}
    if body and _dek_like(body[0]):
        body[0].role = "dek"
        meta["dek"] = body[0].text
    start = _body_start(body, title.text, meta["dek"])
    head = body[:start]
    explicit = any(byline(c.text) is not None or is_byline_word(c.text) for c in head)
    top = True
    for i, chunk in enumerate(head):
        if not chunk.role:
            after = body[i + 1] if i + 1 < len(body) else None
            bare_names = top and not explicit and not _menu_follows(body, i)
            _head_line(chunk, after, title.text, meta, bare_names=bare_names, last=i == start - 1)
        top = top and (chunk.role == "dek" or chunk.reason.startswith("repeated"))
    return meta


def _repeats_head(text: str, title: str, dek: str) -> bool:
    """A line that repeats the headline or the standfirst (sites print them twice)."""
    return same(text, title) or contains_headline(text, title) or bool(dek) and (
        same(text, dek) or similar_start(text, dek))


def _dek_like(chunk: Chunk) -> bool:
    """The chunk after the headline is a standfirst unless it is furniture, a byline or the lede."""
    text = chunk.text
    return (5 <= chunk.words <= 80 and not line_reason(text) and not _lede(text)
            and byline(text) is None and date_line(text) is None)


def _lede(text: str) -> bool:
    """The opening of a news story: a dateline, or a first word set in capitals."""
    return bool(DATELINE.match(text) or CAPS_LEAD.match(text))


def _body_start(body: list[Chunk], title: str, dek: str) -> int:
    """Index of the first body paragraph: a sentence of some length that no rule drops.

    The page header runs at least to the last repeat of the headline or standfirst near the top.
    """
    repeats = [i for i, c in enumerate(body[:HEAD_SCAN])
               if not c.role and (same(c.text, title) or dek and same(c.text, dek))]
    first = repeats[-1] + 1 if repeats else 0
    for i, chunk in enumerate(body[first:], start=first):
        if chunk.role or not chunk.sentence or line_reason(chunk.text) or caption(chunk.text):
            continue
        if chunk.words < HEAD_WORDS and not _lede(chunk.text):
            continue
        nxt = body[i + 1].text if i + 1 < len(body) else ""
        if nxt and credit(nxt) and not self_contained_credit(nxt):
            continue
        return i
    return len(body)


def _menu_follows(body: list[Chunk], i: int) -> bool:
    """The next two lines are one- or two-word links: the line above them is a menu item, not a name."""
    following = [c for c in body[i + 1:i + 3] if not c.role]
    return len(following) == 2 and all(c.short and c.words <= 2 and date_line(c.text) is None for c in following)


def _head_line(chunk: Chunk, after: Chunk | None, title: str, meta: dict, bare_names: bool,
               last: bool) -> None:
    """Classify one line above the body: repeats, byline, date line, place, kicker, lead-image caption."""
    text = chunk.text
    if same(text, title) or contains_headline(text, title):
        chunk.drop("repeated headline")
    elif _repeats_head(text, "", meta["dek"]):
        chunk.drop("repeated standfirst")
    elif (names := byline(text)) is not None:
        chunk.drop("byline")
        meta["authors"] = meta["authors"] or names
    elif is_byline_word(text):
        chunk.drop("byline")
        if after is not None and not after.role and (name_line(after.text) or byline(after.text)):
            after.drop("byline")
            meta["authors"] = meta["authors"] or byline(after.text) or split_names(after.text)
    elif line_reason(text):
        return
    elif (date := date_line(text)) is not None:
        chunk.drop("date line")
        meta["date"] = meta["date"] or date
    elif bare_names and name_line(text) and not credit(text):
        chunk.drop("byline")
        meta["authors"] = meta["authors"] or split_names(text)
    elif PLACE_LINE.match(text):
        chunk.drop("dateline")
        meta["dateline"] = meta["dateline"] or text.rstrip(".")
    elif chunk.sentence and chunk.words <= CAPTION_WORDS:
        chunk.drop("caption")
    elif chunk.short and not last:
        chunk.drop("kicker")


# --- rules that look at one chunk and its neighbours -----------------------------------------


def _pattern_rules(body: list[Chunk], meta: dict) -> None:
    """Drop chunks that one of the named line rules recognises on their own."""
    for chunk in body:
        if not chunk.role and (reason := line_reason(chunk.text)):
            chunk.drop(reason)


def _late_bylines(body: list[Chunk], meta: dict) -> None:
    """Bylines and date lines further down belong to teasers and widgets."""
    for chunk in body:
        if chunk.role:
            continue
        if byline(chunk.text) is not None or _several_names(chunk.text):
            chunk.drop("byline")
        elif date_line(chunk.text) is not None:
            chunk.drop("date line")


def _captions(body: list[Chunk], meta: dict) -> None:
    """Captions: a line carrying a photo credit, the line beside a credit line, the line under a photo number."""
    for i, chunk in enumerate(body):
        if chunk.reason in ("gallery widget", "gallery counter"):
            _caption_under(body, i, any_shape=chunk.reason == "gallery widget")
        if chunk.role:
            continue
        if credit(chunk.text):
            chunk.drop("photo credit")
            _caption_beside(body, i)
        elif caption(chunk.text):
            chunk.drop("caption")


def _caption_beside(body: list[Chunk], i: int) -> None:
    """The caption of a credit line: an unpunctuated line after it, else the short text before it."""
    if self_contained_credit(body[i].text):
        return
    after = _neighbour(body, i, 1)
    if after is not None and not after.sentence and after.words > HEAD_WORDS:
        after.drop("caption")
        return
    before = _neighbour(body, i, -1)
    if before is not None and before.words <= CAPTION_WORDS and (before.sentence or before.words > HEAD_WORDS):
        before.drop("caption")


def _caption_under(body: list[Chunk], i: int, any_shape: bool) -> None:
    """The line under a gallery link is a caption; under a bare photo number, an unpunctuated line is."""
    if not any_shape and not body[i].text.strip().isdigit():
        return
    after = _neighbour(body, i, 1)
    if after is not None and after.words <= CAPTION_WORDS and (any_shape or not after.sentence and after.words >= 5):
        after.drop("caption")


def _after(body: list[Chunk], i: int):
    """The chunks after index `i`, without copying the list."""
    return (body[j] for j in range(i + 1, len(body)))


def _neighbour(body: list[Chunk], i: int, step: int) -> Chunk | None:
    """The next chunk in direction `step`, if it is still undecided."""
    j = i + step
    if 0 <= j < len(body) and not body[j].role:
        return body[j]
    return None


def _embedded_posts(body: list[Chunk], meta: dict) -> None:
    """An embedded social-media post: the short lines above its "— Name (@handle) date" signature."""
    for i, chunk in enumerate(body):
        if chunk.reason != "embedded post" or not _SIGNATURE.match(chunk.text):
            continue
        for above in reversed(body[max(0, i - 6):i]):
            if above.role == "drop":
                continue
            if above.role or (above.sentence and above.words >= HEAD_WORDS) or above.text.endswith(":"):
                break
            above.drop("embedded post")


def _data_lists(body: list[Chunk], meta: dict) -> None:
    """A label ending in a colon ("Specs:") and the "key: value" lines under it."""
    for i, chunk in enumerate(body):
        if chunk.role or not chunk.text.endswith(":") or chunk.words > 3:
            continue
        items = []
        for nxt in _after(body, i):
            if nxt.role == "drop":
                continue
            if nxt.role or not _KEY_VALUE.match(nxt.text) or nxt.sentence:
                break
            items.append(nxt)
        if items:
            for item in [chunk] + items:
                item.drop("data list")


def _key_value_runs(body: list[Chunk], meta: dict) -> None:
    """Two or more "key: value" lines with figures in a row ("Weight: 2 kg") are a spec list."""
    run: list[Chunk] = []
    for chunk in body + [Chunk("end.")]:
        if chunk.role == "drop":
            continue
        if not chunk.role and chunk.short and _KEY_VALUE.match(chunk.text) and re.search(r"\d", chunk.text):
            run.append(chunk)
            continue
        if len(run) >= 2:
            for item in run:
                item.drop("data list")
        run = []


def _info_boxes(body: list[Chunk], meta: dict) -> None:
    """A box closed by an "End of ..." line that names the label opening it: the whole box goes."""
    for i, chunk in enumerate(body):
        match = _BOX_END.match(fold(chunk.text))
        if not match:
            continue
        label = _stems(match["label"])
        for j in range(i - 1, max(-1, i - 13), -1):
            if _stems(body[j].text) == label:
                for item in body[j:i + 1]:
                    if not item.role or item.role == "drop":
                        item.drop("info box")
                break


def _cards(body: list[Chunk], meta: dict) -> None:
    """Teaser cards: headline, summary, section and an age or reading time ("2 hours ago", "7 min")."""
    for i, chunk in enumerate(body):
        if chunk.reason not in ("", "date line") or chunk.role not in ("", "drop") or not card_meta(chunk.text):
            continue
        above = [c for c in body[max(0, i - 6):i] if c.role in ("", "drop")]
        labelled = bool(above) and above[-1].words <= 2
        if not labelled and len(card_meta(chunk.text)) < 2:
            continue
        chunk.drop("teaser")
        _card_above(above)


def _card_above(above: list[Chunk]) -> None:
    """Drop a card's section label, summary and headline, walking up from its age line."""
    summary = headline = False
    for item in reversed(above):
        if item.words <= 2 and not summary and not headline:
            item.drop("teaser")
        elif item.sentence and not summary and not headline and item.words <= 45:
            item.drop("teaser")
            summary = True
        elif item.short and not headline:
            item.drop("teaser")
            headline = True
        else:
            return
        if headline:
            return


def _promos(body: list[Chunk], meta: dict) -> None:
    """A call to action brings a slogan; text boxed in between two calls to action is promotion too."""
    marks = [i for i, c in enumerate(body) if c.reason in _PROMO_MARKS]
    for i in marks:
        for nxt in body[i + 1:i + 3]:
            if nxt.role or not nxt.sentence or nxt.words > 10:
                break
            nxt.drop("promo")
    for i, j in zip(marks, marks[1:]):
        between = [c for c in body[i + 1:j] if not c.role]
        if j - i <= 12 and len(between) >= 2 and all(c.words <= 30 for c in between):
            for item in between:
                item.drop("promo")


def _polls(body: list[Chunk], meta: dict) -> None:
    """A question to the reader followed by three or more one-line answers is a poll."""
    for i, chunk in enumerate(body):
        if chunk.role or not chunk.text.endswith("?") or chunk.words > 25:
            continue
        answers = []
        for nxt in _after(body, i):
            if nxt.role or nxt.words > 8:
                break
            answers.append(nxt)
        if len(answers) >= 3:
            for item in [chunk] + answers:
                item.drop("poll")


def _attributions(body: list[Chunk], meta: dict) -> None:
    """The attribution line under a pull quote ("Jane Doe, author of ...")."""
    before = None
    for chunk in body:
        if chunk.role == "drop":
            continue
        if not chunk.role and before is not None and not chunk.sentence and chunk.words <= 15 \
                and _ATTRIBUTION.match(chunk.text) and _quote_only(before.text):
            chunk.drop("quote attribution")
            continue
        before = chunk


def _quote_only(text: str) -> bool:
    return text[:1] in "\"'“”„«»‘’‚" and text.rstrip()[-1:] in "\"'“”«»‘’"


def _repeats(body: list[Chunk], meta: dict) -> None:
    """Short lines that occur more than once are widget labels and teasers repeated down the page.

    A line listed twice, first among other short lines (a table of contents) and then over body text,
    is a subheading: its last occurrence stays.
    """
    places: dict[str, list[int]] = {}
    for i, chunk in enumerate(body):
        places.setdefault(fold(chunk.text), []).append(i)
    following, preceding = _following_kept(body), _following_kept(body, step=-1)
    for key, where in places.items():
        chunks = [body[i] for i in where]
        if len(where) < 2 or any(c.role for c in chunks) or not all(c.short or c.words <= 8 for c in chunks):
            continue
        listed = any(j is not None and body[j].short for j in (following[where[0]], preceding[where[0]]))
        last = following[where[-1]]
        keep = where[-1] if len(where) == 2 and listed and last is not None and _body_text(body[last]) else None
        for i in where:
            if i != keep:
                body[i].drop("repeated widget")


def _kicker_repeats(body: list[Chunk], meta: dict) -> None:
    """A teaser shown twice in a row, the second time behind a kicker ("Analysis Is AI a dud?")."""
    for first, second in zip(body, body[1:]):
        if first.role or second.role or len(first.text) < 15 or second.words > HEADING_WORDS:
            continue
        if fold(second.text).endswith(fold(first.text)) and len(second.text) > len(first.text):
            first.drop("teaser")
            second.drop("teaser")


def _widgets(body: list[Chunk], meta: dict) -> None:
    """A widget label takes the teaser lines under it; a video widget also its one-line description."""
    for i, chunk in enumerate(body):
        if chunk.reason in ("video label", "teaser label"):
            _widget_items(body, i, video=chunk.reason == "video label")


def _widget_items(body: list[Chunk], i: int, video: bool) -> None:
    """Teaser lines under a label; stop at body text, or a line that heads the text below it."""
    titled = video and not body[i].text.rstrip().endswith((":", "|"))
    for j in range(i + 1, min(len(body), i + 9)):
        nxt = body[j]
        if nxt.reason == "advertisement" or _TIMED_ENTRY.match(nxt.text):
            return
        if nxt.role == "drop":
            continue
        if nxt.role or nxt.sentence and not (video and titled and nxt.words <= 70):
            return
        if not video and titled and not nxt.sentence and _heads(nxt, body[j + 1:j + 4]):
            return
        nxt.drop("teaser")
        titled = True
        if nxt.sentence:
            return


def _runs(body: list[Chunk], meta: dict) -> None:
    """Several short lines in a row are a menu or a list of teasers, unless one heads the text below."""
    run: list[Chunk] = []
    for i, chunk in enumerate(body + [Chunk("end.")]):
        if chunk.role == "drop" or chunk.role and i < len(body):
            continue
        if (chunk.short or _short_question(chunk)) and not _TIMED_ENTRY.match(chunk.text):
            run.append(chunk)
            continue
        if len(run) >= RUN_LENGTH:
            _drop_run(run, body[i:i + 3] if not chunk.role else [])
        run = []


def _drop_run(run: list[Chunk], below: list[Chunk]) -> None:
    """Drop a run of short lines, sparing its first or last line if it heads the text below."""
    spared = next((c for c in (run[-1], run[0]) if _heads(c, below)), None)
    for item in run:
        if item is not spared:
            item.drop("menu" if max(c.words for c in run) <= 2 else "teaser")


def _heads(line: Chunk, below: list[Chunk]) -> bool:
    """A subheading shares much of its wording with the paragraphs under it; a teaser does not."""
    return _heading_share(line, below) >= 0.4 and len(_stems(line.text)) * _heading_share(line, below) >= 2


def _heading_share(line: Chunk, below: list[Chunk]) -> float:
    """The share of the line's words found in the paragraphs below it."""
    words = _stems(line.text)
    text = " ".join(c.text for c in below if not c.role)
    return len(words & _stems(text)) / max(1, len(words))


def _stems(text: str) -> set[str]:
    """The words of three letters or more but for common ones, cut to five letters (a crude stemmer)."""
    return {w[:5] for w in re.findall(r"[^\W\d_]{3,}", fold(text)) if w not in _STOPWORDS}


def _headings(body: list[Chunk], meta: dict) -> None:
    """A short line is a subheading when body text follows it; else it is a label or a teaser."""
    following = _following_kept(body)
    for i, chunk in enumerate(body):
        if chunk.role or not chunk.short:
            continue
        nxt = following[i]
        if chunk.words >= 2 and nxt is not None and (
                _body_text(body[nxt]) or _heads_text(body[nxt], following[nxt], body)):
            chunk.role = "heading"
        else:
            chunk.drop("widget label" if chunk.words <= 3 else "teaser")


def _body_text(chunk: Chunk) -> bool:
    return chunk.role in ("", "paragraph") and not chunk.short and not _short_question(chunk)


def _short_question(chunk: Chunk) -> bool:
    """A one-line question: a subheading or a teaser as often as body text."""
    return chunk.text.rstrip(_QUOTES).endswith("?") and chunk.words <= 12 and not re.search(r"[.!?]\s", chunk.text)


def _heads_text(chunk: Chunk, nxt: int | None, body: list[Chunk]) -> bool:
    """A short line with body text right under it (so the line above it heads a section with a subsection)."""
    return chunk.short and chunk.words >= 2 and nxt is not None and _body_text(body[nxt])


def _following_kept(body: list[Chunk], step: int = 1) -> list[int | None]:
    """For each chunk, the index of the next (step -1: previous) chunk not dropped, or None."""
    found: list[int | None] = [None] * len(body)
    nearest = None
    order = range(len(body) - 1, -1, -1) if step == 1 else range(len(body))
    for i in order:
        found[i] = nearest
        if body[i].role != "drop":
            nearest = i
    return found


def _author_notes(body: list[Chunk], meta: dict) -> None:
    """Notes about the author: a job title opening a short line anywhere, "X is a reporter ..." near the end."""
    tail = body[-6:]
    for chunk in body:
        if chunk.role or chunk.words > 60:
            continue
        if _JOB_LEAD.match(chunk.text) or chunk in tail and author_note(chunk.text, meta.get("authors", ())):
            chunk.drop("author bio")


CONTEXT_RULES: tuple[Callable[[list[Chunk], dict], None], ...] = (
    _pattern_rules, _late_bylines, _captions, _embedded_posts, _data_lists, _key_value_runs, _repeats,
    _kicker_repeats, _info_boxes, _cards, _widgets, _promos, _polls, _attributions, _author_notes, _runs, _headings,
)


# --- building the model ----------------------------------------------------------------------


def _blocks(chunks: list[Chunk]) -> list[Block]:
    blocks: list[Block] = []
    for chunk in chunks:
        if chunk.role == "heading":
            blocks.append(Heading(block_id(len(blocks)), (Run(chunk.text),)))
        elif chunk.role in ("", "paragraph"):
            blocks.append(Paragraph(block_id(len(blocks)), (Run(chunk.text),)))
    return blocks


def _dateline(blocks: list[Block]) -> str:
    first = next((b for b in blocks if isinstance(b, Paragraph)), None)
    return dateline_of(first.text) if first else ""


def _language(title: Chunk, blocks: list[Block]) -> str:
    """The article's language, detected offline from its text; English when too short or unsure."""
    from layout.readers.language import detect

    return detect(" ".join([title.text] + [b.text for b in blocks[:20]])[:4000])


# --- line shapes -----------------------------------------------------------------------------

_CLOSERS = re.escape("\"'”’“»«)]›‹")
_SENTENCE_END = re.compile(rf"(?:[.!?…;।。？！]|[.!?…][{_CLOSERS}]+|[{_CLOSERS}][.!?…;])[{_CLOSERS}]*$"
                           r"|[;,]\s*(?:and|or|und|oder|sowie|y|o|e|et|ou)$")


def is_sentence(text: str) -> bool:
    """Text that ends like a sentence (or a list item, or a long lead-in to a quote)."""
    text = text.rstrip()
    if _SENTENCE_END.search(text):
        return True
    return text.endswith(":") and len(text.split()) >= 6




def same(a: str, b: str) -> bool:
    return fold(a) == fold(b)


def contains_headline(text: str, title: str) -> bool:
    """A line that repeats the headline with a short kicker or site name around it."""
    text, title = fold(text), fold(title)
    return len(title) >= 12 and title in text and len(text) <= len(title) + 40


def similar_start(text: str, dek: str) -> bool:
    """A line that repeats a part of the standfirst."""
    text, dek = fold(text).strip(". "), fold(dek)
    return len(text.split()) >= 4 and text in dek


# --- datelines, bylines and date lines -------------------------------------------------------

DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Þ]{2,}[A-ZÀ-Þ'’.-]*(?:[ /-][A-ZÀ-Þ]{2,}[A-ZÀ-Þ'’.-]*)*"
    r"(?:,\s*[A-ZÀ-Þ][\w.'’-]*(?: [A-ZÀ-Þ][\w.'’-]*){0,2})?)"
    r"\s*(?:\([^()]{1,25}\))?\s*(?:[—–]|--?|:)\s+\S"
    r"|^(?P<city>[A-ZÀ-Þ][\w'’.-]+(?: [A-ZÀ-Þ][\w'’.-]+){0,2})\s*\([\w/ ]{1,15}\)\s*(?:[—–]|--?|:)\s+\S")
PLACE_LINE = re.compile(r"^[A-ZÀ-Þ][\w'’-]+(?:[ -][A-ZÀ-Þ][\w'’-]+)?\.$")
_PLACE_LEAD = re.compile(r"^(?P<place>[A-ZÀ-Þ][a-zà-ÿß]+(?:[ -][A-ZÀ-Þ][a-zà-ÿß]+)?)\. [A-ZÀ-Þ]")
CAPS_LEAD = re.compile(r"^[A-ZÀ-Þ]{5,}\s+[A-ZÀ-Þ]?[a-zà-ÿ]")

_BYLINE = re.compile(r"^(?:(?:a|an|ein|eine|un|una|une)\s+[\w-]+\s+)?"  # "Ein Kommentar von", "An analysis by"
                     r"(?:by|von|por|par|door|av|written by|reporting by|text|texto|texte|autor(?:in)?|author)"
                     r"\s*:?\s+(?P<names>\S.*)$", re.I)
_BYLINE_WORDS = {"by", "von", "por", "par", "author", "autor", "autorin", "author of the article",
                 "autor del artículo", "l'auteur", "der autor", "die autorin", "text", "texto", "texte"}
_PARTICLES = {"von", "van", "de", "der", "den", "da", "del", "della", "di", "du", "la", "le", "bin", "al",
              "ibn", "dos", "das", "zu", "y", "und", "and", "&", "et", "e"}
_NAME_WORD = re.compile(r"^[A-ZÀ-ÞŁŚŻ][\w'’.-]*$")


def dateline_of(text: str) -> str:
    """The place that opens `text` as a news dateline ("KYIV, Ukraine —", "Kiel (dpa) -"), if any."""
    match = DATELINE.match(text)
    if not match:
        return ""
    return (match["place"] or match["city"]).strip()


def place_lead(text: str) -> str:
    """The place a German-style standfirst opens with ("Berlin. Die Feuerwehr ...")."""
    match = _PLACE_LEAD.match(text)
    return match["place"] if match else ""


def is_byline_word(text: str) -> bool:
    """A line holding only the word that introduces a byline ("von", "By", "Author of the article:")."""
    return text.strip(" :").casefold() in _BYLINE_WORDS


def name_line(text: str) -> bool:
    """A line that is only one or two personal names ("Daniel Aragón", "A. Smith/B. Jones")."""
    if len(text) > 60 or any(ch.isdigit() for ch in text) or is_sentence(text):
        return False
    names = split_names(text)
    return bool(names) and all(_is_name(n) for n in names)


def _is_name(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 4:
        return False
    return all(_NAME_WORD.match(w) or w.casefold() in _PARTICLES for w in words) \
        and _NAME_WORD.match(words[0]) is not None


def split_names(text: str) -> tuple[str, ...]:
    """The names in a byline: split at commas, slashes, "and"; places after a comma left out."""
    parts = re.split(r"\s*(?:,|/|;|&|\band\b|\bund\b|\by\b|\bet\b)\s*", text.strip(" .,"))
    names = [p.strip() for p in parts if p.strip()]
    return tuple(n for i, n in enumerate(names) if i == 0 or len(n.split()) >= 2)


def byline(text: str) -> tuple[str, ...] | None:
    """The authors named by a "By X" / "Von X und Y" line, or None when `text` is no byline."""
    match = _BYLINE.match(text)
    if not match or len(text.split()) > 14:
        return None
    names = split_names(match["names"])
    if not names or not all(_is_name(n) or n.isupper() and 1 <= len(n.split()) <= 4 for n in names):
        return None
    return names


_MONTHS = {
    name: number for number, names in enumerate((
        "january januar janvier enero jan jän",
        "february februar février febrero feb fév",
        "march märz mars marzo mar mär",
        "april avril abril apr avr",
        "may mai mayo",
        "june juni juin junio jun",
        "july juli juillet julio jul juil",
        "august août agosto aug aoû ago",
        "september septembre septiembre sep sept",
        "october oktober octobre octubre oct okt",
        "november novembre noviembre nov",
        "december dezember décembre diciembre dec dez déc dic",
    ), start=1) for name in names.split()
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_FORMS = (
    (re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"), False),
    (re.compile(r"\b(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})\b"), False),
    (re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b"), False),
    (re.compile(rf"\b(?P<d>\d{{1,2}})\.?\s+(?:de\s+)?(?P<m>{_MONTH})\.?\s+(?:de\s+)?(?P<y>\d{{4}})\b", re.I), True),
    (re.compile(rf"\b(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})\b", re.I), True),
)
_DATE_WORDS = re.compile(
    r"\b(?:published|updated|last updated|posted|on|at|am|um|uhr|stand|veröffentlicht|aktualisiert|"
    r"actualizado|publicado|a las|las|el|publié|mis à jour|le|à|h|min|mins|minutes?|hours?|days?|ago|"
    r"vor|minuten|stunden|tagen?|hace|horas?|días?|il y a|heures?|jours?|today|yesterday|heute|gestern|"
    r"hoy|ayer|aujourd'hui|hier|a\.m\.|p\.m\.|am|pm|gmt|utc|cet|cest|mez|mesz|et|est|edt|bst|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|"
    r"freitag|samstag|sonnabend|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    rf"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|{_MONTH})\b\.?", re.I)
_RELATIVE = re.compile(r"\b(?:ago|vor \d+|hace \d+|il y a)\b|\d+\s*(?:minutes?|hours?|days?|std|min)\.?\s+ago", re.I)
_DAY_MONTH = re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.(?!\d)")


def date_line(text: str) -> str | None:
    """For a line that only states a date (or a time), the date in ISO form ("" if not exact); else None."""
    if len(text.split()) > 10:
        return None
    iso = _parse_date(text)
    if iso is None and not _RELATIVE.search(text) and not _DAY_MONTH.search(text):
        return None
    rest = _DATE_WORDS.sub(" ", text)
    rest = re.sub(r"[\d.,:/|()\-–—]+", " ", rest)
    return (iso or "") if len(rest.split()) <= 2 else None


def _parse_date(text: str) -> str | None:
    for pattern, named in _DATE_FORMS:
        match = pattern.search(text)
        if not match:
            continue
        month = _MONTHS[match["m"].casefold()] if named else int(match["m"])
        day, year = int(match["d"]), int(match["y"])
        if 1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


# --- photo credits and captions --------------------------------------------------------------

_AGENCY = (r"AP|AFP|dpa|DPA|Reuters|REUTERS|EPA|EFE|ANP|ANSA|APA|KNA|SID|Keystone|KEYSTONE|Getty(?: Images)?|"
           r"GETTY|IMAGO|Imago|imago|picture[- ]alliance|Shutterstock|iStock(?:photo)?|Unsplash|Pexels|Pixabay|"
           r"Alamy|SWNS|PA(?: Wire| Media| Images)?|Bloomberg|Xinhua|TASS|AAP|Europa Press|Sipa|NurPhoto|ZUMA|"
           r"Anadolu|Wikimedia(?: Commons)?|Flickr|Screenshots?|AP Photo")
_AGENCY_WORD = re.compile(rf"(?<![\w-])(?:{_AGENCY})(?![\w-])")
_CREDIT_LABEL = (r"(?:Fotos?|Photos?|Photograph(?:y|ie)?|Pictures?|Images?|Image credit|Bild(?:er|quelle)?|"
                 r"Credits?|Crédits?|Crédito|Fuente|Illustration|Grafik|Fotografía|Foto ?\[M\])")
_CREDIT_START = re.compile(rf"^\(?(?:©|\(c\)|Copyright\b|{_CREDIT_LABEL}\s*:)", re.I)
_CREDIT_INSIDE = re.compile(
    rf"©|(?:^|[\s.!?)a-z]){_CREDIT_LABEL}\s*:\s*\S"                       # "... Foto: Name", "CupCredit: PA"
    rf"|\((?:[^()]*\b(?:{_CREDIT_LABEL}|{_AGENCY})\b[^()]*|[^()/]{{2,40}}/[^()]{{2,40}})\)?\s*$"  # "(Name/AP)"
    rf"|[.!?”\"][\s]*(?:[\w.-]+ ){{0,4}}(?:{_AGENCY})(?:/[^.!?]{{0,40}})?\s*$"  # "... town. AP Photo"
    rf"|[.!?]\s?[A-Z][\w-]+/ ?[A-Z][\w .-]{{2,40}}$"                            # "...kommen.Unsplash/K. S."
    rf"|(?:{_AGENCY})\s?/\s?[A-ZÀ-Þ][^()]{{0,40}}\)?\s*$"                       # "... EFE/ J.J. Guillén"
    rf"|\S\s+(?:\S+\s+){{3,}}(?:{_AGENCY})\s*\)?\s*$"                           # "... (Name/AP) AP Photo"
    r"|[.!?]\s*\([A-ZÀ-Þ][^()!?\s]*\s[^()!?]{2,60}\)$"                            # "... town. (U.S. Court)"
    r"|\(\s*$")                                                                 # "... tonight ("


def credit(text: str) -> bool:
    """A line that is only a photo credit ("Foto: X", "© X", "Getty Images", "Name / Reuters")."""
    words = text.split()
    if len(words) > 12 or is_sentence(text) and not _CREDIT_START.match(text):
        return False
    if _CREDIT_START.match(text):
        return True
    if not all(_credit_word(w) for w in words):
        return False
    if _AGENCY_WORD.search(text):
        return True
    return len(words) <= 6 and text.endswith(")") and "(" not in text


def _credit_word(word: str) -> bool:
    word = word.strip("()[],;|")
    return not word or "/" in word or word[0].isupper() or word in ("via", "and", "und", "for", "für", "de", "y")


def self_contained_credit(text: str) -> bool:
    """A credit in brackets of its own ("(Image credit: X)"): it names no caption beside it."""
    return text.startswith("(") and text.endswith(")")


def caption(text: str) -> bool:
    """A photo caption: text that carries its credit ("... © X", "... (Picture: X)", "... Foto: X")."""
    return len(text.split()) <= CAPTION_WORDS and bool(_CREDIT_INSIDE.search(text))


# --- boilerplate lines, one rule a reason ----------------------------------------------------

def _words_re(words: str) -> str:
    return "|".join(re.escape(w) for w in words.split("|"))


_LABELS = _words_re(
    "recommended|recommended videos|recommended for you|related|related posts|related stories|related articles|"
    "related content|related topics|read more|read next|what to read next|more|more stories|more on this story|"
    "most read|most popular|most viewed|more trending|trending|trending now|top stories|editor's picks|"
    "editors' picks|you may like|you might also like|latest videos|latest videos from|latest|up next|"
    "table of contents|contents|comments|join the conversation|follow us|newsletter|newsletters|news updates|"
    "video|videos|audio|gallery|photo gallery|photos|live|live updates|breaking|key event|tags|topics|"
    "about the author|full credits|mehr|mehr zum thema|mehr zu diesem thema|mehr themen|lesen sie auch|"
    "lesen sie mehr|lesen sie mehr zu diesen themen|auch interessant|das könnte sie auch interessieren|"
    "empfehlungen|meistgelesen|am beliebtesten|weitere artikel|weitere videos|weitere newsletter|bildstrecke|"
    "live-ticker|liveticker|passend zum artikel|weitere informationen|ende der weiteren informationen|"
    "quellen|quelle|hinweis|zur startseite|die autorin|der autor|zum thema|in kürze|"
    "noticia relacionada|noticias relacionadas|lee también|lea también|leer más|más información|"
    "te puede interesar|lo más leído|relacionado|relacionados|temas|lire aussi|lire la suite|à lire aussi|"
    "les plus lus|sur le même sujet|voir aussi|à voir aussi|à lire|en savoir plus")
_TEASER_LABELS = re.compile(
    r"^(?:related(?: posts| stories| articles| content)?|read more|read next|what to read next|more stories|"
    r"more on this story|most read(?: in [\w ]+)?|most popular|most viewed|more trending|trending(?: now)?|"
    r"top stories|editor'?s'? picks|you may like|you might also like|latest videos(?: from)?|up next|"
    r"mehr zum thema|mehr zu diesem thema|mehr themen(?: auf [\w.]+)?|lesen sie (?:auch|mehr)(?: zu diesen themen)?|"
    r"auch interessant|das könnte sie auch interessieren|empfehlungen|meistgelesen|am beliebtesten|"
    r"weitere artikel|passend zum artikel|noticias? relacionadas?|lee también|lea también|te puede interesar|"
    r"lo más leído|lire aussi|à lire aussi|les plus lus|sur le même sujet|voir aussi|à voir aussi)\s*:?$", re.I)
_SHARE_WORDS = {
    "facebook", "x", "twitter", "whatsapp", "reddit", "pinterest", "linkedin", "tumblr", "flipboard", "threads",
    "telegram", "email", "e-mail", "mail", "print", "copy", "link", "copy link", "gettr", "gab", "parler",
    "truth", "bluesky", "mastodon", "xing", "messenger", "sms", "tweet", "share", "shares", "teilen", "drucken",
    "kommentare", "compartir", "partager", "imprimer", "imprimir", "feedback", "total", "instagram", "youtube",
    "tiktok", "snapchat", "close", "schließen", "cerrar", "fermer", "menu", "menü", "home", "startseite",
    "inicio", "accueil", "search", "suche", "buscar", "rechercher", "login", "anmelden", "or", "oder",
}
_CTA_STRONG = re.compile(
    r"\b(?:sign(?:ing)? up (?:for|to)|subscribe (?:to|now|today|for)|join (?:our|the) (?:newsletter|mailing list)|"
    r"follow (?:us|along)|add us (?:as|on)|get in touch|click here|tap here|find out more|stay up to date|"
    r"read our (?:complete|full|latest|live) coverage|(?:view|see) (?:more |all )?offers|"
    r"create (?:a |an |your )?(?:free )?account|"
    r"(?:log|sign)[- ]?in to|(?:must|need to) be (?:logged|signed) in|download (?:the|our) app|"
    r"jetzt (?:kostenlos|abonnieren|anmelden|registrieren|\w+-?mitglied)|mitglied werden|kostenlos herunterladen|"
    r"melden sie sich (?:jetzt )?(?:an|für)|folgen sie uns|abonnieren sie|"
    r"suscríbete|regístrate|síguenos|abonnez-vous|inscrivez-vous|suivez-nous)\b", re.I)
_CTA_VERB = re.compile(
    r"\b(?:sign(?:ing)?[- ]?up|subscribe|subscription|log ?in|sign[- ]?in|regist(?:er|ering|ration)|"
    r"download|install|bookmark|enable javascript|unlock|get (?:daily|the latest|\w+ news)|check (?:out )?our|"
    r"abonnier\w*|anmelden|registrier\w*|herunterladen|aktivieren sie|descarga|inicia sesión|"
    r"téléchargez|connectez-vous)\b", re.I)
_CTA_TARGET = re.compile(
    r"\b(?:newsletters?|inbox|app|apps|account|e-?mails?|subscribers?|subscription|notifications|alerts|"
    r"javascript|browser|for free|free|here|today|now|news|news page|reading experience|articles|"
    r"konto|e-paper|lesekomfort|push|kostenlos|jetzt|boletín|cuenta|compte|lettre)\b", re.I)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_RULES: tuple[tuple[str, re.Pattern], ...] = (
    ("share buttons", re.compile(r"^share (?:this|the) (?:article|story|page)\b|^(?:artikel|beitrag) teilen\b|"
                                 r"^compartir (?:en|este)|^partager (?:cet|sur)", re.I)),
    ("advertisement", re.compile(
        r"^(?:advertisements?|ads?|anzeigen?|werbung(?: überspringen)?|publicité|publicidad|pub|sponsored"
        r"(?: content)?|gesponsert|paid (?:content|post)|advertorial)(?:\s*\d*)$"
        r"|advertisement has not loaded|continues below(?: the)? advert|^story continues below$", re.I)),
    ("paywall", re.compile(r"\b(?:subscribers? only|reserved for subscribers|for subscribers|nur für abonnenten|"
                           r"exclusivo para suscriptores|réservé aux abonnés|premium-inhalt)\b", re.I)),
    ("comment policy", re.compile(r"\b(?:comments?|discussion|kommentare?|comentarios|commentaires)\b.{0,120}\b"
                                  r"(?:respectful|civil|moderat\w*|netiquette|community guidelines|"
                                  r"richtlinien|respetuos\w*|respectueu\w*)", re.I)),
    ("disclaimer", re.compile(r"nicht (?:unbedingt )?der meinung der redaktion|do not necessarily reflect|"
                              r"views expressed (?:here|in this)|no reflejan necesariamente|"
                              r"ne reflètent pas nécessairement", re.I)),
    ("dialog button", re.compile(r"^(?:no,? thanks?|nein,? danke|non,? merci|no,? gracias|i[’']?m in|ok|okay|"
                                 r"accept|akzeptieren|zustimmen|aceptar|accepter)\b[.!]?(?:\s|$)", re.I)),
    ("feedback widget", re.compile(r"\bfehler (?:gefunden|melden)|melden sie den fehler|report an? (?:error|typo)|"
                                   r"spotted an? (?:error|typo)|reportar un error|signaler une erreur", re.I)),
    ("image placeholder", re.compile(r"^(?:placeholder|image|bild|imagen)[ -]?(?:image)?[ -]?\d*$", re.I)),
    ("promo", re.compile(r"^(?=.{0,120}$).*\b(?:app|e-?paper|newsletter|podcast)\b[^.?]*!$", re.I)),
    ("countdown", re.compile(r"\b(?:will close|closes?|schließt sich|se cierra|se ferme) in \d+ (?:seconds?|sek)",
                             re.I)),
    ("gallery counter", re.compile(r"^\d+\s*(?:/\s*\d*)?$|^\d+ (?:of|von|de|sur) \d+$")),
    ("punctuation", re.compile(r"^[^\w]*$")),
    ("timestamp", re.compile(r"^\d{1,2}[:.]\d{2}(?=[A-Z])|^\d{1,2}[:.]\d{2}\s*(?:uhr|h)?\.?$", re.I)),
    ("reading time", re.compile(r"^(?:\d+\s*(?:-\s*)?(?:minutes?|min\.?)\s*(?:read|lesezeit|de lectura|de lecture)"
                                r"|lesezeit:?\s*\d+\s*min\.?)$", re.I)),
    ("video label", re.compile(r"^(?:watch|video|listen|audio|watch now|video ansehen|ver vídeo|regarder)\s*[|:]",
                               re.I)),
    ("video widget", re.compile(
        r"^duration \d|"
        r"\b\d+:\d{2} min\.|verfügbar bis|^(?:video|audio) starten|abbrechen mit escape|"
        r"to view this video|^(?:play|pause) video$", re.I)),
    ("video teaser", re.compile(r"^\d:\d{2}\s+[A-ZÀ-Þ][^.!?]*$")),
    ("teaser link", re.compile(
        r"^(?:>+|»|›|→|►|▶)\s*\S"
        r"|^(?:read more|more|see also|also read|related|watch|read|lesen sie (?:auch|mehr|hier)|mehr zum thema|"
        r"mehr dazu|auch interessant|lee también|lea también|lire aussi|à lire aussi|voir aussi)\s*[:|]\s*\S"
        r"|\|\s*(?:mehr|more|audio|video|bilder|liveticker)$", re.I)),
    ("embedded post", re.compile(r"^[—–-]\s*[^()]+\(@\w+\)|pic\.twitter\.com/|https?://t\.co/|"
                                 r"(?:[@#]\w+.*){3,}")),
    ("affiliate note", re.compile(r"\baffiliate[- ]links?\b|\b(?:earn|receive) (?:a |an )?(?:small )?commission|"
                                  r"provision erhalten|"
                                   r"enlaces? de afiliad|liens? (?:d')?affiliation", re.I)),
    ("legal notice", re.compile(r"privacy policy|terms (?:and|&) conditions|terms of (?:service|use)|recaptcha|"
                                r"datenschutzerklärung|nutzungsbedingungen|política de privacidad|"
                                r"politique de confidentialité|cookie", re.I)),
    ("embed notice", re.compile(r"external content|empfohlener (?:redaktioneller )?inhalt|"
                                r"recommended (?:editorial )?content|externen? inhalt|"
                                r"inhalte von \w+ (?:angezeigt|erlauben)|"
                                r"\w+-inhalte? (?:erlauben|anzeigen)|link zum \w+-inhalt|drittplattform|"
                                r"third[- ]party content|contenido externo|contenu externe|"
                                r"mit einem klick anzeigen", re.I)),
    ("credit line", re.compile(
        r"^(?:mit|with|con|avec) (?:agenturmaterial|material (?:von|from) |dpa|afp|reuters|ap\b|epd|kna)"
        r"|contributed to this (?:report|story)|^(?:copyright|quelle|source|sources|fuente)\s*:"
        r"|^(?:aus dem \w+ (?:von|übersetzt)|translated (?:from \w+ )?by|traducción de|traduit de)"
        r"|^first published (?:in|by|on)|erstveröffentlichung|^(?:redaktion|sendung|produktion)\s*:", re.I)),
    ("gallery widget", re.compile(r"\b(?:open|view|see) (?:this |the )?(?:photos?|images?|pictures?) in "
                                  r"(?:the )?gallery"
                                  r"|^(?:open|view) (?:the )?gallery|bildergalerie|galerie (?:öffnen|ansehen)|"
                                  r"ver galería|voir la galerie", re.I)),
    ("teaser", re.compile(r",\s*(?:by|von|por|par)\s+[A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+){0,3}$")),
    ("price", re.compile(r"^[$€£]\s?\d[\d.,]*\s+(?:at|bei|en|chez|from|von)\s"
                         r"|(?:[$€£]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|EUR|Euro|\$|£|USD))\s*(?:\([^)]*\))?$")),
)


_SIGNATURE = re.compile(r"^[—–-]\s*[^()]+\(@\w+\)")
_KEY_VALUE = re.compile(r"^[\w'’ .-]{2,30}:\s*\S")


def line_reason(text: str) -> str:
    """Why `text` is boilerplate on its own, or "" when no single-line rule says so."""
    words = text.split()
    plain_label = re.sub(r"[\d:|>»·•]+", " ", text).strip(" .:!").casefold()
    if plain_label in ("video", "videos", "watch", "watch now", "listen", "podcast"):
        return "video label"
    if _TEASER_LABELS.match(plain_label):
        return "teaser label"
    if re.fullmatch(rf"(?:{_LABELS})", plain_label):
        return "call to action" if "newsletter" in plain_label else "widget label"
    if len(words) <= 3 and re.search(r"newsletter", plain_label):
        return "call to action"
    if words and all(w.strip(".,:|·•()").casefold() in _SHARE_WORDS or w.strip("()").isdigit() for w in words):
        return "share buttons"
    for reason, pattern in _RULES:
        if reason in ("price", "video teaser", "teaser") and is_sentence(text):
            continue
        if pattern.search(text):
            return reason
    if len(words) <= 45 and (_CTA_STRONG.search(text) or _CTA_VERB.search(text) and _CTA_TARGET.search(text)):
        return "call to action"
    if len(words) <= 30 and _EMAIL.search(text):
        return "contact note"
    if _shouted(text):
        return "all-caps teaser"
    if caption_cue(text):
        return "caption"
    return ""


def _shouted(text: str) -> bool:
    """A line of four words or more set in capitals: a promo or a teaser link, not body text."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(text.split()) >= 4 and len(letters) >= 12 and sum(ch.isupper() for ch in letters) >= 0.85 * len(letters)


_CAPTION_CUE = re.compile(r"\b(?:from left|left to right|pictured (?:here|above|below|left|right)|^pictured:|"
                          r"file (?:image|photo)|"
                          r"von links|im bild|v\.l\.|de izquierda a derecha|en la imagen|de gauche à droite|"
                          r"ci-dessus)\b|\((?:L|R|C|left|right|centre|center|links|rechts|Mitte)\)", re.I)


def caption_cue(text: str) -> bool:
    """A short text with the wording of a photo caption ("from left", "pictured here", "(R)")."""
    return len(text.split()) <= 40 and bool(_CAPTION_CUE.search(text))


_FURNITURE = {"advertisement", "widget label", "teaser label", "share buttons", "punctuation",
              "gallery counter", "call to action", "legal notice", "embed notice", "countdown"}


def furniture(text: str) -> str:
    """Why `text` cannot be the headline (page furniture above it), or ""."""
    reason = line_reason(text)
    return reason if reason in _FURNITURE else ""


_JOBS = (r"reporter|correspondent|editor|writer|journalist|columnist|author|contributor|producer|"
         r"redakteur(?:in)?|autor(?:in)?|korrespondent(?:in)?|journalist(?:in)?|periodista|redactora?|"
         r"corresponsal|journaliste|rédact(?:eur|rice)|professor|researcher|lecturer|analyst|fellow")
_AUTHOR_NOTE = re.compile(
    rf"^(?:(?:[A-ZÀ-Þ][\w'’.-]+ ){{1,3}}(?:is|was|ist|war|es|est)|is|ist)\s+(?:an?|the|eine?|una?|une)?\s*"
    rf"[^.]{{0,80}}\b(?:{_JOBS})\b", re.I)


_JOB_LEAD = re.compile(rf"^(?:{_JOBS})\s+(?:in|at|for|bei|für|der|des|of|de|du|im|am)\b", re.I)
_ATTRIBUTION = re.compile(r"^(?:[—–-]\s*)?[A-ZÀ-Þ][\w'’.-]+(?: [A-ZÀ-Þ][\w'’.-]+){1,3},\s+\S")
_TIMED_ENTRY = re.compile(r"^\d{1,2}(?:[:.h]\d{2})\s*(?:uhr|h)?\s*[-–—:]\s+\w", re.I)  # live-blog entry "9h05 - "
_BOX_END = re.compile(r"^(?:ende (?:der|des)|end of(?: the)?|fin (?:de|du|des))\s+(?P<label>.+)$")
_PROMO_MARKS = {"call to action", "paywall", "all-caps teaser"}
_QUOTES = "\"'“”„«»‘’‚ "
_STOPWORDS = set(
    "the and for are was were has had have but not you with from this that into its his her our out who how "
    "why what der die das und ein eine den dem des mit von auf ist sie wie was für aus bei les des une est "
    "pour que qui dans sur par los las del con por una que como para".split())
_READING_TIME = re.compile(r"\b\d+\s?(?:min|minutes?|minuten)\b\.?(?:\s*(?:read|lesezeit|de lectura|de lecture))?",
                           re.I)


def card_meta(text: str) -> list[str]:
    """For the meta line of a teaser card (names, date, age or reading time), its other words; else []."""
    if is_sentence(text) or len(text.split()) > 15:
        return []
    if not (_RELATIVE.search(text) or _READING_TIME.search(text) and _parse_date(text)):
        return []
    rest = _DATE_WORDS.sub(" ", _READING_TIME.sub(" ", text))
    return re.sub(r"[\d.,:/|()\-–—]+", " ", rest).split() or ["age"]


def _several_names(text: str) -> bool:
    """A line that is only two or more full names ("A. Smith and B. Jones"): a teaser's or a photo's byline."""
    parts = [p for p in re.split(r"\s*(?:,|&|\band\b|\bund\b|\by\b|\bet\b)\s*", text) if p]
    return len(parts) >= 2 and all(_is_name(p) and len(p.split()) >= 2 for p in parts) and not is_sentence(text)


def author_note(text: str, authors: tuple[str, ...]) -> bool:
    """A note about the author at the foot of the article."""
    if len(text.split()) > 60:
        return False
    if any(text.startswith(name) for name in authors if name):
        return True
    return bool(_AUTHOR_NOTE.match(text))
