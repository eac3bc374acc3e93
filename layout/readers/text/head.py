"""The page header: the headline, the standfirst, and the bylines, date lines and kickers above the body."""

from __future__ import annotations

import itertools
import re

from layout.errors import SourceError
from layout.readers.text.boilerplate import REPORTED, caption, credit, furniture, line_reason, self_contained_credit
from layout.readers.text.chunks import CAPTION_WORDS, HEAD_SCAN, HEAD_WORDS, Chunk, groups
from layout.readers.text.lines import (CAPS_LEAD, DATELINE, PLACE_LINE, byline, byline_date, contains_headline,
                                       date_line, is_byline_word, is_update, name_line, person_line, same,
                                       similar_start, split_names)

TITLE_WORDS = 4  # a headline has at least this many words; shorter lines above it are menus, the site, a kicker
SITE_NAME_WORDS = 6  # a site's name is at most this long
MENU_ITEMS = 4   # this many lines of one or two words under a line are a menu under the site's name
STATEMENT_END = re.compile(r"\.[\"'”’»)]*$")  # a standfirst or the text ends so; a headline may ask or exclaim
EXCLAIMED_END = re.compile(r"[!…][\"'”’»)]*$")  # ... and a long line that exclaims is a standfirst too
EXCLAIMED_DEK_WORDS = 10  # an exclaimed line this long is a standfirst, not a headline
BREADCRUMBS = re.compile(r"^[^›»>|/·•]{1,40}(?:\s[›»>|/·•]\s[^›»>|/·•]{1,40})+$")  # "Home › Sport › Football"


BANNER_LINE_WORDS = 12  # a consent banner's title is at most this long ...
BUTTON_WORDS = 10  # ... and its buttons ("Or read it all without adverts from 2 a month") this long
BUTTONS = 4  # a banner has at most this many buttons
SHORT_BUTTON_WORDS = 5  # "Accept", "Zustimmen & weiter", "J'accepte"
COOKIES = re.compile(r"\bcookies?\b|\btraceurs\b|\btrackers?\b", re.I)
SPEAKS = re.compile(r"\b(?:we|us|our|you|your|wir|uns|sie|ihnen|ihre|nous|nos|vous|votre|vos|necesitamos|nuestros?|"
                    r"tu|te|tus|noi|ti|tuo|tua)\b", re.I)  # a banner speaks as the site, to the reader
CONSENT = re.compile(r"cookie|consent|zustimm|einwillig|consenso|consentement|datenschutz|privacy|vie privée"
                     r"|données personnelles|dati personali|datos personales|privacidad", re.I)


def _signature(text: str) -> bool:
    """A byline or a date line: what signs a headline under it."""
    return byline(text) is not None or date_line(text) is not None


def _next_lines(chunks: list[Chunk], i: int, count: int = 3) -> list[Chunk]:
    """The undecided lines among the next `count` after line `i`, page furniture aside."""
    return [c for c in chunks[i + 1:i + 1 + count] if not c.role and not furniture(c.text)]


def consent_banners(chunks: list[Chunk]) -> None:
    """Drop a consent banner whole: in a group of lines (between blank lines), the line asking for consent to
    cookies, the short line over it that titles the banner ("We value your privacy") and the buttons under it
    ("Accept all", "Manage settings"); what follows them in the group (a headline) is not the banner's."""
    for lines in groups(chunks):
        at = next((k for k, c in enumerate(lines) if _asks_consent(lines, k)), None)
        if at is None or len(lines) == 1:
            continue
        above = lines[at - 1] if at else None
        title = [above] if above is not None and above.words <= BANNER_LINE_WORDS and not above.sentence else []
        buttons = []
        for k, chunk in enumerate(lines[at + 1:at + 1 + BUTTONS], at + 1):
            signed = k + 1 < len(lines) and _signature(lines[k + 1].text)
            if chunk.words > BUTTON_WORDS or chunk.sentence or signed:
                break  # a headline over its byline is no button
            buttons.append(chunk)
        lines[at].drop("legal notice")
        for chunk in title + buttons:
            chunk.drop("consent banner")


def _asks_consent(lines: list[Chunk], k: int) -> bool:
    """Line `k` of a group asks for consent to cookies: a legal notice saying so, or, whatever its wording, a
    sentence that speaks to the reader about cookies with a button under it ("Zustimmen & weiter")."""
    line = lines[k]
    if furniture(line.text) == "legal notice" and CONSENT.search(line.text):
        return True
    button = k + 1 < len(lines) and lines[k + 1].words <= SHORT_BUTTON_WORDS and not lines[k + 1].sentence
    return button and line.words >= 8 and COOKIES.search(line.text) is not None and SPEAKS.search(line.text) is not None


def take_title(chunks: list[Chunk], name: str) -> Chunk:
    """The headline: the first line of four words or more that is not page furniture, past the short lines
    of a whole page's header (menus, the site's name, a kicker); but when that line ends as a statement does
    (a standfirst, the text), the last short line before it. Consent banners are gone by then (consent_banners)."""
    header: list[Chunk] = []
    for i, chunk in enumerate(chunks):
        if chunk.role:
            continue
        if reason := furniture(chunk.text):
            chunk.drop(reason)
        elif _signature(chunk.text):
            continue  # above the headline, still the article's date or byline (read_head takes it)
        elif (chunk.words >= TITLE_WORDS or chunk.sentence) and not BREADCRUMBS.match(chunk.text) \
                and not _menu_under(chunks, i):
            if _kicker_over(chunks, i) or _signed_below(chunks, i):
                header.append(chunk)  # a kicker; an alert bar or a video's title over the signed headline
                continue
            headlines = [c for c in header if not BREADCRUMBS.match(c.text)]
            title = headlines[-1] if headlines and _statement(chunk) else chunk
            header = [c for c in header if c is not title]
            for item in header:
                item.drop("kicker" if item is header[-1] else "menu")
            title.role = "title"
            return title
        else:
            header.append(chunk)
    if header:
        for item in header[:-1]:
            item.drop("menu")
        header[-1].role = "title"
        return header[-1]
    raise SourceError(f"{name} holds no article text, only boilerplate",
                      "check that the file holds the article's headline and paragraphs")


KICKER_WORDS = 5  # a kicker over the headline ("Letters to the Editor") is at most this long
DEK_WORDS = 45  # a standfirst is at most this long; a longer line after a headline is the text


def _kicker_over(chunks: list[Chunk], i: int) -> bool:
    """The line is a kicker: short, with a longer headline-shaped line under it, which a standfirst follows
    ("Letters to the Editor" / "Letters: The library levy ..." / "Readers weigh in."); a short headline over a
    standfirst without a full stop, then a byline, stays the headline."""
    following = _next_lines(chunks, i)
    if chunks[i].words > KICKER_WORDS or chunks[i].sentence or ":" in chunks[i].text or len(following) < 2:
        return False  # "Kenia: Nairobi von unten" is a headline's shape
    headline, after = following[0], following[1]
    return headline.words > chunks[i].words and not _statement(headline) and not _signature(headline.text) \
        and _statement(after) and after.words <= DEK_WORDS


LOOK_AHEAD = 12  # the headline a byline signs is looked for this many lines on


def _signed_below(chunks: list[Chunk], i: int) -> bool:
    """The line is no headline but page furniture that a headline follows: nothing signs it (a byline or a
    date line right under it, or a standfirst or the text), while a headline-shaped line further down, within
    the page's header, is signed by a byline or a date line."""
    if _signed(chunks, i, text_too=True):
        return False
    return any(_headline_shaped(chunks[j]) and _signed(chunks, j)
               for j in range(i + 1, min(len(chunks), i + LOOK_AHEAD)))


def _signed(chunks: list[Chunk], i: int, text_too: bool = False) -> bool:
    """A byline or a date line (or, `text_too`, a standfirst or a paragraph) in the two lines under line `i`."""
    return any(_signature(c.text) or text_too and (_statement(c) or c.words >= HEAD_WORDS)
               for c in _next_lines(chunks, i)[:2])


def _headline_shaped(chunk: Chunk) -> bool:
    return not chunk.role and chunk.words >= TITLE_WORDS and not _statement(chunk) and not furniture(chunk.text) \
        and not _signature(chunk.text)


def _menu_under(chunks: list[Chunk], i: int) -> bool:
    """A menu follows the line: the site's name over its sections, not a headline (which a standfirst, a
    byline or the text follows)."""
    if chunks[i].words > SITE_NAME_WORDS:
        return False
    following = [c for c in chunks[i + 1:] if not furniture(c.text)]
    menu = list(itertools.takewhile(lambda c: c.words <= 2 and not c.sentence, following))
    after = following[len(menu)] if len(menu) < len(following) else None
    # tags under a recipe's headline ("Serves 8", "Easy") are followed by its standfirst; a menu is not
    return len(menu) >= MENU_ITEMS and not (after is not None and _statement(after))


def _statement(chunk: Chunk) -> bool:
    """A standfirst or the text, by its end: a full stop, or a long line's exclamation ("... has its bridge!");
    a headline may ask or exclaim ("The bridge is open at last!")."""
    return STATEMENT_END.search(chunk.text) is not None or (
        EXCLAIMED_END.search(chunk.text) is not None and chunk.words >= EXCLAIMED_DEK_WORDS)


def read_head(body: list[Chunk], title: Chunk, above: int = 0, lang: str = "") -> dict:
    """Standfirst, bylines and date lines between the headline and the first body paragraph (and the
    `above` bylines and date lines over the headline, which open `body`); `lang` orders a numeric date."""
    meta: dict = {"dek": "", "authors": (), "date": "", "dateline": ""}
    if len(body) > above and not body[above].role and _dek_like(body[above]):
        body[above].role = "dek"
        meta["dek"] = body[above].text
    start = _body_start(body, title.text, meta["dek"])
    head = body[:start]
    _key_points(head)
    explicit = any(byline(c.text) is not None or is_byline_word(c.text) for c in head)
    top = True
    for i, chunk in enumerate(head):
        if not chunk.role:
            after = body[i + 1] if i + 1 < len(body) else None
            bare_names = top and not explicit and not _menu_follows(body, i)
            _head_line(chunk, after, title.text, meta, bare_names=bare_names, last=i == start - 1, lang=lang)
        top = top and (chunk.role == "dek" or chunk.reason.startswith("repeated") or _bare_names(chunk))
    meta["date"] = meta["date"] or _updated(head, lang)
    return meta


KEY_POINTS = re.compile(r"^(?:summary|key points|in brief|at a glance|what we know|das wichtigste(?: in kürze)?|"
                        r"in kürze|en bref|l'essentiel|en resumen|lo (?:más )?importante|in breve|"
                        r"pros|cons|the good|the bad|what we like|what we don't like|vorteile|nachteile|"
                        r"points forts|points faibles|a favor|en contra)\s*:?$", re.I)  # and a review's pros and cons
POINT_WORDS = 20  # a key point is at most this long


def _key_points(head: list[Chunk]) -> None:
    """A box of key points over the text ("Summary" and two or more short lines) is the story's: a heading
    and a list, not the page header's kickers."""
    for i, chunk in enumerate(head):
        if chunk.role or not KEY_POINTS.match(chunk.text):
            continue
        grouped = i + 1 < len(head) and head[i + 1].group == chunk.group  # the copy keeps a box's lines together
        points = list(itertools.takewhile(lambda c: not c.role and c.words <= POINT_WORDS and not _lede(c.text)
                                          and not _signature(c.text) and not KEY_POINTS.match(c.text)
                                          and (not grouped or c.group == chunk.group) and not line_reason(c.text),
                                          head[i + 1:]))
        if len(points) >= 2:
            chunk.role = "heading"
            for point in points:
                point.role = "item"


def _updated(head: list[Chunk], lang: str) -> str:
    """The date of the first update line, for a page that states no other date."""
    return next((d for c in head if c.reason == "date line" and (d := date_line(c.text, lang))), "")


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
        if nxt and credit(nxt) and not self_contained_credit(nxt) and not REPORTED.search(chunk.text):
            continue  # the lead picture's caption, over its credit (a caption reports no one's words)
        return i
    return len(body)


def _menu_follows(body: list[Chunk], i: int) -> bool:
    """The next two lines are one- or two-word links: the line above them is a menu item, not a name."""
    following = [c for c in body[i + 1:i + 3] if not c.role]
    return len(following) == 2 and all(c.short and c.words <= 2 and date_line(c.text) is None for c in following)


def _bare_names(chunk: Chunk) -> bool:
    """A line of names only, dropped as a byline: the names on the next line are authors too."""
    return chunk.reason == "byline" and person_line(chunk.text)


def _head_line(chunk: Chunk, after: Chunk | None, title: str, meta: dict, bare_names: bool,
               last: bool, lang: str = "") -> None:
    """Classify one line above the body: repeats, byline, date line, place, kicker, lead-image caption."""
    text = chunk.text
    if same(text, title) or contains_headline(text, title):
        chunk.drop("repeated headline")
    elif _repeats_head(text, "", meta["dek"]):
        chunk.drop("repeated standfirst")
    elif (names := byline(text)) is not None:
        chunk.drop("byline")
        meta["authors"] = meta["authors"] or names
        meta["date"] = meta["date"] or byline_date(text, lang) or ""
    elif is_byline_word(text):
        chunk.drop("byline")
        if after is not None and not after.role and (name_line(after.text) or byline(after.text)):
            after.drop("byline")
            meta["authors"] = meta["authors"] or byline(after.text) or split_names(after.text)
    elif (date := date_line(text, lang)) is not None:
        chunk.drop("date line")
        meta["date"] = meta["date"] or ("" if is_update(text) else date)
    elif line_reason(text):
        return
    elif bare_names and person_line(text) and not credit(text):
        chunk.drop("byline")  # one name a line, under each other: all authors
        meta["authors"] = tuple(dict.fromkeys(meta["authors"] + split_names(text)))
    elif PLACE_LINE.match(text):
        chunk.drop("dateline")
        meta["dateline"] = meta["dateline"] or text.rstrip(".")
    elif chunk.sentence and chunk.words <= CAPTION_WORDS:
        chunk.drop("caption")
    elif chunk.short and not last:
        chunk.drop("kicker")
