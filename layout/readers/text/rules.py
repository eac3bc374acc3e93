"""Rules that look at a chunk and its neighbours, run in the order CONTEXT_RULES lists them."""

from __future__ import annotations

import re
from typing import Callable

from layout.readers.common import fold
from layout.readers.text.boilerplate import (REPORTED, SECTION_BREAK, caption, credit, line_reason,
                                               self_contained_credit)
from layout.readers.text.chunks import CAPTION_WORDS, HEAD_WORDS, HEADING_WORDS, RUN_LENGTH, Chunk, groups
from layout.readers.text.lines import (JOBS, author_note, byline, card_meta, date_line, dated_caption, person_line,
                                       several_names)

REPEATED_PARAGRAPHS = 3  # a block holding this many of the article's paragraphs repeats the article
PULL_QUOTE_WORDS = 40    # a pull quote is at most this long ...
PULL_QUOTE_CHARS = 25    # ... and, to be told from a paragraph's words, at least this long
SLOGAN_WORDS = 10        # the slogan under a call to action is at most this long ...
BOX_SLOGAN_WORDS = 14    # ... under a sign-up box's title ("Get the Gazette's politics briefing"), this long
BOX_LINE_WORDS = 30      # a line of a sign-up box is at most this long
BEATS = r"covers|reports on|writes (?:about|on|a)|crític[oa]|profesora?|cronista"  # a writer's beat, in a note
_TRADE = re.compile(rf"\b(?:{JOBS}|{BEATS})\b", re.I)  # a job or a beat
NOTE_LINES = 6           # a note about the author stands among the last this many lines
BIO_WORDS = 20           # a byline's bio opening with a job ("Editor of the books page") is at most this long
LIST_LEAD_WORDS = 4      # a sentence leading in to a list has at least this many words; a label fewer
LIST_LABEL_WORDS = 3     # the label of the next list ("Method") under a list's last item is at most this long
LIST_ITEM_WORDS = 25     # an item of a list in the text is at most this long
LIST_SENTENCE_WORDS = 6  # ... and, when it ends like a sentence ("A pinch of salt."), at most this long
LIST_LABEL = re.compile(  # a label that names the list under it
    r"^(?:you(?:['’]ll| will) need|what you(?:['’]ll| will) need|ingredients|equipment|materials|tools|method|steps|"
    r"key (?:points|findings|facts)|at a glance|in brief|zutaten|was sie brauchen|das brauchen sie|"
    r"ingrédients|ce qu'il (?:vous )?faut|ingredientes|lo que necesitas|ingredienti)$", re.I)
QUESTION_HEADINGS = 2    # this many short questions over the text's paragraphs are subheadings
INTERVIEW_MARK = re.compile(r"^(?:Q|F|P)\s*[:.]\s")  # "Q: ...", "F: ..." (Frage), "P: ..." (pregunta)
QUANTITY_ITEMS = 3       # under a bare label, this many lines, mostly opening with an amount, are a list
QUANTITY = re.compile(r"^\d+(?:[.,/]\d+)?\s*(?:[^\W\d]|$)")  # "4 poireaux", "30 g", "1/2 cup", "2 œufs"
LIST_MARKED_WORDS = 80   # an item opening with a bullet or a number may be a whole step of a method
LIST_MARKER = re.compile(r"^(?:[-•*·▪]|(?P<number>\d{1,2})[.)])\s+(?=\S)")  # not "–", which opens dialogue
_KEPT_ROLES = {"item", "numbered", "paragraph", "rule", "table", "row", "verse", "verse line"}  # kept before: a run of short lines ends there
_LIST_WIDGETS = {"teaser label", "widget label", "video label", "audio player", "call to action"}
_SIGNATURE = re.compile(r"^[—–-]\s*[^()]+\(@\w+\)")
_KEY_VALUE = re.compile(r"^[\w'’ .-]{2,30}:\s*\S")
_JOB_LEAD = re.compile(rf"^(?:{JOBS})\s+(?:in|at|for|bei|für|der|des|of|de|du|im|am)\b", re.I)
_ATTRIBUTION = re.compile(r"^(?:[—–-]\s*)?[A-ZÀ-Þ][\w'’.-]+(?: [A-ZÀ-Þ][\w'’.-]+){1,3},\s+\S")
_TIMED_ENTRY = re.compile(r"^\d{1,2}(?:[:.h]\d{2})\s*(?:uhr|h)?\s*[-–—:]\s+\w", re.I)  # live-blog entry "9h05 - "
_BOX_END = re.compile(r"^(?:ende (?:der|des)|end of(?: the)?|fin (?:de|du|des))\s+(?P<label>.+)$")
_PROMO_MARKS = {"call to action", "paywall", "all-caps teaser"}
_QUOTES = "\"'“”„«»‘’‚ "
_STOPWORDS = set(
    "the and for are was were has had have but not you with from this that into its his her our out who how "
    "why what der die das und ein eine den dem des mit von auf ist sie wie was für aus bei les des une est "
    "pour que qui dans sur par los las del con por una que como para".split())


def _repeated_text(body: list[Chunk], meta: dict) -> None:
    """A block holding several paragraphs of the article run together: the page's text a second time."""
    paragraphs = [fold(c.text) for c in body if c.words >= HEAD_WORDS]
    for chunk in body:
        if chunk.role or chunk.words < 8 * HEAD_WORDS:
            continue
        text = fold(chunk.text)
        inside = sum(1 for p in paragraphs if p != text and p in text)
        if inside >= REPEATED_PARAGRAPHS:
            chunk.drop("repeated text")


def _pattern_rules(body: list[Chunk], meta: dict) -> None:
    """Drop chunks that one of the named line rules recognises on their own."""
    for chunk in body:
        if not chunk.role and (reason := line_reason(chunk.text)):
            chunk.drop(reason)


def _section_breaks(body: list[Chunk], meta: dict) -> None:
    """A row of stars ("* * *") between two paragraphs of the text is a break between its parts."""
    for i, chunk in enumerate(body):
        before, after = _neighbour(body, i, -1), _neighbour(body, i, 1)
        if not chunk.role and SECTION_BREAK.match(chunk.text) and before is not None and _story(before) \
                and after is not None and _story(after):
            chunk.role = "rule"


def _pull_quotes(body: list[Chunk], meta: dict) -> None:
    """A quoted sentence set apart that repeats the words of a paragraph of the text: a pull quote, printed
    once (a quoted subheading, no sentence, stays)."""
    paragraphs = [(c, _wording(c.text)) for c in body if not c.role and c.words >= HEAD_WORDS]
    for chunk in body:
        quoted = chunk.text[:1] in _QUOTES.strip()
        if chunk.role or not quoted or not chunk.sentence or chunk.words > PULL_QUOTE_WORDS:
            continue
        wording = _wording(chunk.text)
        if len(wording) >= PULL_QUOTE_CHARS and any(len(w) > len(wording) and wording in w and p.role != "drop"
                                                     for p, w in paragraphs):
            chunk.drop("pull quote")


def _wording(text: str) -> str:
    """The words of a text, without punctuation or case."""
    return " ".join(re.findall(r"\w+", fold(text)))


def _marked_lists(body: list[Chunk], meta: dict) -> None:
    """Two or more lines in a row opening with a bullet, or numbered 1, 2, 3 ... ("- 225g butter", "2. Beat
    the butter"), are a list, unless a widget's label heads them (a "Most read" list); the markers go. Lines
    numbered otherwise (a list begun above a paragraph, "1. FC Köln" twice) stay paragraphs as typed."""
    i = 0
    while i < len(body):
        run, end = _marked_run(body, i)
        above = body[i - 1] if i else None
        if len(run) >= 2 and not (above is not None and above.reason in _LIST_WIDGETS):
            _mark_list(run)
        i = max(i + 1, end)


def _marked_run(body: list[Chunk], i: int) -> tuple[list[Chunk], int]:
    """The marked lines from chunk `i` on, across lines dropped between them (an advertisement), and the index
    after the last."""
    run: list[Chunk] = []
    end = i
    for j in range(i, len(body)):
        chunk = body[j]
        if chunk.role == "drop" and run:
            continue
        if chunk.role or not LIST_MARKER.match(chunk.text) or chunk.words > LIST_MARKED_WORDS:
            break
        run.append(chunk)
        end = j + 1
    return run, end


def _mark_list(run: list[Chunk]) -> None:
    """The run's role: bulleted items, numbered items (counted from 1), or paragraphs kept as typed."""
    numbers = [LIST_MARKER.match(c.text)["number"] for c in run]
    if not any(numbers):
        role = "item"
    elif numbers == [str(n) for n in range(1, len(run) + 1)]:
        role = "numbered"
    else:
        role = "paragraph"
    for chunk in run:
        if role != "paragraph":
            chunk.text = LIST_MARKER.sub("", chunk.text, count=1)
        chunk.role = role


def _story_lists(body: list[Chunk], meta: dict) -> None:
    """A list inside the text: short lines after a sentence leading in to them ("The council listed three
    options:"), after a label ending in a colon with the text running on above and below, after a label that
    names a list ("You will need", "Key findings"), or after a short label, lines that mostly open with an
    amount ("Ingredients", "4 leeks", "30 g butter"). Under a label ("Specs:"), a line of "key: value" makes
    the lines a data box (see _data_lists), not the story's list."""
    for i, lead in enumerate(body):
        if lead.role or not (lead.text.endswith(":") or lead.short and lead.words < LIST_LEAD_WORDS):
            continue
        items = _trimmed(body, i, list(_list_items(body, i)))
        colon = lead.text.endswith(":")
        if colon:
            listed = _led_in(body, i, lead, items)
        elif LIST_LABEL.match(lead.text):  # "You will need", "Key findings"
            listed = len(items) >= 2
        else:
            amounts = [_quantity(c.text) for c in items]  # the first opens with one: no label under the label
            listed = len(items) >= QUANTITY_ITEMS and amounts[0] and sum(amounts) * 3 >= len(items) * 2
        if listed:
            lead.role = "paragraph" if colon else "heading"
            for item in items:
                item.role = "item"


def _trimmed(body: list[Chunk], i: int, items: list[Chunk]) -> list[Chunk]:
    """The items without a last line that heads what follows: the label of the next list ("Method" over the
    steps), a subheading over the text."""
    if items:
        after = i + len(items) + 1
        nxt = body[after] if after < len(body) else None
        last = items[-1]
        heading = last.text[:1].isupper() and not _quantity(last.text)  # an item often opens in lower case
        if len(items) >= 2 and _same_shape(items[-2].text, last.text):  # "Line 3 (...): ...", "Line 4 (...): ..."
            heading = False
        label = last.words <= LIST_LABEL_WORDS or LIST_LABEL.match(last.text) is not None
        if heading and nxt is not None and (nxt.role in ("item", "numbered") and label
                                            or _story(nxt) and _heads(last, [nxt])):
            return items[:-1]
    return items


def _same_shape(one: str, other: str) -> bool:
    """Two lines that open with the same word, or both name a thing and then what it is ("Line 3: no service")."""
    return one.split()[:1] == other.split()[:1] or (":" in one and ":" in other)


def _led_in(body: list[Chunk], i: int, lead: Chunk, items: list[Chunk]) -> bool:
    """The lines under a colon are the story's list: under a sentence, or under a label inside the text."""
    label = lead.words < LIST_LEAD_WORDS
    if len(items) < 2 or label and any(_KEY_VALUE.match(c.text) for c in items):
        return False
    above = _neighbour(body, i, -1)
    below = body[i + len(items) + 1:i + len(items) + 3]
    return not label or above is not None and _story(above) and any(_story(c) for c in below)


def _quantity(text: str) -> bool:
    """A line opening with an amount ("4 poireaux", "30 g de beurre"), not an age or a time ("2 hours ago")."""
    return QUANTITY.match(text) is not None and not card_meta(text) and date_line(text) is None \
        and not _TIMED_ENTRY.match(text)


def _list_items(body: list[Chunk], i: int):
    """The short lines right under chunk `i` that could be a list's items."""
    for nxt in _after(body, i):
        sentence = nxt.sentence and not nxt.text.endswith((";", "; and", "; or"))  # "...; and" joins items
        if nxt.role or nxt.words > LIST_ITEM_WORDS or sentence and nxt.words > LIST_SENTENCE_WORDS \
                or nxt.text.endswith((":", "?")):  # the lead-in of the next list; a question and its answer
            return
        yield nxt


def _story(chunk: Chunk) -> bool:
    """A paragraph of the text itself: a long sentence the rules have left alone."""
    return not chunk.role and chunk.sentence and chunk.words >= HEAD_WORDS


def _late_bylines(body: list[Chunk], meta: dict) -> None:
    """Bylines and date lines further down belong to teasers and widgets (a card's "By X · 5 min read" is left
    for _cards, which drops the card's headline with it)."""
    for chunk in body:
        if chunk.role:
            continue
        if byline(chunk.text) is not None and not card_meta(chunk.text) or several_names(chunk.text):
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
        elif caption(chunk.text) or dated_caption(chunk.text):
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
    if before is not None and before.words <= CAPTION_WORDS and (before.sentence or before.words > HEAD_WORDS) \
            and not REPORTED.search(before.text):  # "..., her publisher said." is the story's
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
    """A call to action brings a slogan; text boxed in between two calls to action (two or more lines, or the
    one line, not a sentence, between two calls to action in a row) is promotion too."""
    marks = [i for i, c in enumerate(body) if c.reason in _PROMO_MARKS]
    for i in marks:
        slogan = SLOGAN_WORDS if body[i].sentence else BOX_SLOGAN_WORDS  # a box's title has a longer strapline
        for nxt in body[i + 1:i + 3]:
            if nxt.role or not nxt.sentence or nxt.words > slogan:
                break
            nxt.drop("promo")
    for i, j in zip(marks, marks[1:]):
        between = [c for c in body[i + 1:j] if not c.role]
        single = j - i == 2 and len(between) == 1 and not between[0].sentence
        boxed = all(c.words <= 30 and not REPORTED.search(c.text) for c in between)  # no story's reporting
        if j - i <= 12 and (len(between) >= 2 or single) and boxed:  # a story's sentences are no box
            for item in between:
                item.drop("promo")


def _form_boxes(body: list[Chunk], meta: dict) -> None:
    """A group of lines (between blank lines) holding a form's field ("Your email") is a sign-up box: its
    title and strapline over the field go with it."""
    for lines in groups(body):
        if len(lines) > 1 and any(c.reason == "form field" for c in lines):
            for chunk in lines:
                if not chunk.role and chunk.words <= BOX_LINE_WORDS:
                    chunk.drop("sign-up box")


def _polls(body: list[Chunk], meta: dict) -> None:
    """A question to the reader followed by three or more one-line answers is a poll."""
    for i, chunk in enumerate(body):
        if chunk.role or not chunk.text.endswith("?") or chunk.words > 25 or INTERVIEW_MARK.match(chunk.text):
            continue  # "Q: Why ...?" is an interview's question, its answers the story's
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
        if chunk.role == "drop" and chunk.reason != "pull quote":
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
            titled = True  # the label's teaser, known already (a teaser link, a repeated one)
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
        if chunk.role == "drop" or chunk.role and i < len(body) and chunk.role not in _KEPT_ROLES:
            continue
        if not chunk.role and (chunk.short or _short_question(chunk)) and not _TIMED_ENTRY.match(chunk.text):
            run.append(chunk)
            continue
        if len(run) >= RUN_LENGTH:
            _drop_run(run, body[i:i + 3] if not chunk.role else [])
        run = []


def _drop_run(run: list[Chunk], below: list[Chunk]) -> None:
    """Drop a run of short lines, sparing its first or last line if it heads the text below, or its last line
    when the copy sets it apart from the others (a blank line between them and it, where their lines keep
    together: a share bar, then "What we know" over the text)."""
    spared = next((c for c in (run[-1], run[0]) if _heads(c, below)), None) or (
        run[-1] if _set_apart(run, below) else None)
    for item in run:
        if item is not spared:
            item.drop("menu" if max(c.words for c in run) <= 2 else "teaser")


def _set_apart(run: list[Chunk], below: list[Chunk]) -> bool:
    """The run's last line stands in a group of its own (between blank lines) over the text, where the other
    lines of the run share groups: the copy kept a box's lines together and set the subheading apart."""
    others = run[:-1]
    groups = {c.group for c in others}
    return bool(below) and not below[0].role and below[0].sentence and run[-1].group not in groups \
        and len(groups) < len(others)


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


PLACE_WORDS = 4  # the place under a letter's signature ("Middlecombe, Westmoor") is at most this long
SIGNATURE = re.compile(r"^[—–-]\s*[A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+){1,3}(?:,\s*[A-ZÀ-Þ][\w .'’-]{1,40})?$")


ENTRY_TIME = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:uhr|h)?\.?$", re.I)  # "16:45 Uhr", "9.05"


def _entry_times(body: list[Chunk], meta: dict) -> None:
    """A live blog's entry time on a line of its own over the entry's heading ("16:45 Uhr" over "Level at 5.62
    metres") goes before the heading's words ("16:45 Uhr · Level ..."), rather than being dropped."""
    for time, heading in zip(body, body[1:]):
        if time.reason == "timestamp" and ENTRY_TIME.match(time.text) and heading.role == "heading":
            heading.text = f"{time.text} · {heading.text}"
            time.role, time.reason = "joined", ""


def _signatures(body: list[Chunk], meta: dict) -> None:
    """The lines that sign a reader's letter are the letter's, not a heading or a teaser: under a paragraph of
    the text, "— Harold Brandt, Millbrook", or a person's name over a short place ("Margaret Ellery" /
    "Middlecombe, Westmoor"), the two lines a group of their own."""
    for i, line in enumerate(body[1:], 1):
        above, place = body[i - 1], body[i + 1] if i + 1 < len(body) else None
        if line.role or not line.short or above.role not in ("", "paragraph") or not above.sentence:
            continue
        if SIGNATURE.match(line.text):
            line.role = "paragraph"
        elif place is not None and _place_under(line, place, above, body[i + 2] if i + 2 < len(body) else None) \
                and person_line(line.text):
            line.role = place.role = "paragraph"


def _place_under(name: Chunk, place: Chunk, above: Chunk, after: Chunk | None) -> bool:
    """`place` is the short line naming where the letter's writer lives: the name and it are a group of two."""
    return place.group == name.group != above.group and (after is None or after.group != name.group) \
        and not place.role and place.words <= PLACE_WORDS and not place.sentence


def _headings(body: list[Chunk], meta: dict) -> None:
    """A short line is a subheading when body text follows it; else it is a label or a teaser."""
    following = _following_kept(body)
    for i, chunk in enumerate(body):
        if chunk.role or not chunk.short:
            continue
        nxt = following[i]
        listed = nxt is not None and body[nxt].role in ("item", "numbered", "table")  # "Results", over a list
        if (chunk.words >= 2 or listed) and nxt is not None and (
                _body_text(body[nxt]) or _heads_text(body[nxt], following[nxt], body)):
            chunk.role = "heading"
        else:
            chunk.drop("widget label" if chunk.words <= 3 else "teaser")


def _body_text(chunk: Chunk) -> bool:
    """A paragraph of the text, or an item of a list or a table in it (which a label may head)."""
    return chunk.role in ("item", "numbered", "table") or (
        chunk.role in ("", "paragraph") and not chunk.short and not _short_question(chunk))


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
    """Notes about the author: a job title opening a short line anywhere (a byline's, dropped), "X is a
    reporter ..." near the end (the article's credits): in the last lines, or, opening with the full name of
    an author the byline gave and a job, below the text (above a box of links to other articles)."""
    authors = meta.get("authors", ())
    tail = body[-NOTE_LINES:]
    for i, chunk in enumerate(body):
        if chunk.role or chunk.words > 60:
            continue
        if _JOB_LEAD.match(chunk.text) and chunk.words <= BIO_WORDS:
            chunk.drop("author bio")
        elif (chunk in tail and author_note(chunk.text, authors)) or (
                _named_note(chunk, authors) and not any(_story(c) for c in body[i + 1:])):
            chunk.drop("author note")


def _named_note(chunk: Chunk, authors: tuple[str, ...]) -> bool:
    """A line opening with an author's full name ("Jane Roe is the Courier's health reporter ...")."""
    return any(chunk.text.startswith(f"{name} ") for name in authors if " " in name) and \
        _TRADE.search(chunk.text) is not None


def _question_headings(body: list[Chunk], meta: dict) -> None:
    """Short questions each over a paragraph of the text, two or more of them: an explainer's subheadings
    ("What about buses?"); a single one may be a rhetorical question, and stays a paragraph."""
    asked = [c for i, c in enumerate(body) if not c.role and _short_question(c)
             and (nxt := _neighbour(body, i, 1)) is not None and _story(nxt)]
    if len(asked) >= QUESTION_HEADINGS:
        for chunk in asked:
            chunk.role = "heading"


def _dangling_breaks(body: list[Chunk], meta: dict) -> None:
    """A section break left with no kept text on one side (what followed it was dropped) goes after all."""
    kept = [c for c in body if c.role != "drop"]
    for k, chunk in enumerate(kept):
        if chunk.role == "rule" and (k == 0 or k == len(kept) - 1 or kept[k + 1].role == "rule"):
            chunk.drop("punctuation")


CONTEXT_RULES: tuple[Callable[[list[Chunk], dict], None], ...] = (
    _repeated_text, _section_breaks, _pattern_rules, _pull_quotes, _marked_lists, _story_lists, _late_bylines,
    _captions, _embedded_posts, _data_lists, _key_value_runs, _repeats, _kicker_repeats, _info_boxes, _cards,
    _widgets, _promos, _form_boxes, _polls, _attributions, _author_notes, _signatures, _runs, _question_headings,
    _headings, _dangling_breaks, _entry_times,
)
