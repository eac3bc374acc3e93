"""What one line is by its shape: a sentence, a table's row, a dateline, a byline, a date line, an author's note."""

from __future__ import annotations

import re

from layout.readers.common import fold, squeeze

_CLOSERS = re.escape("\"'”’“»«)]›‹")
_SENTENCE_END = re.compile(rf"(?:[.!?…;।。？！]|[.!?…][{_CLOSERS}]+|[{_CLOSERS}][.!?…;])[{_CLOSERS}]*$"
                           r"|[;,]\s*(?:and|or|und|oder|sowie|y|o|e|et|ou)$")


def is_sentence(text: str) -> bool:
    """Text that ends like a sentence (or a list item, or a long lead-in to a quote)."""
    text = text.rstrip()
    if _SENTENCE_END.search(text):
        return True
    return text.endswith(":") and len(text.split()) >= 6


PROSE_WORDS = 8  # two stretches of text this long, a tab between them, are prose, not a table's two cells


def row_cells(line: str) -> tuple[str, ...]:
    """The cells of a table's row as a browser copies it, a tab between cells ("Ward\tLabour\tGreen"), each
    squeezed, the empty ones kept; () when the line is no row: fewer than two cells hold text (a paragraph
    indented with a tab), or just two do and both are long (prose with a tab in it)."""
    cells = tuple(squeeze(cell) for cell in line.split("\t"))
    full = [cell for cell in cells if cell]
    if len(full) < 2 or len(full) == 2 and all(len(cell.split()) >= PROSE_WORDS for cell in full):
        return ()
    return cells


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

_BYLINE = re.compile(r"^(?:(?:a|an|ein|eine|un|una|une)\s+[\w-]+\s+"  # "Ein Kommentar von", "An analysis by"
                     r"|(?:interview|analysis|review|commentary|report|words|intervista)\s+)?"  # "Interview by"
                     r"(?:by|von|por|par|door|av|(?-i:di)|written by|reporting by|text|texto|texte|autor(?:in)?|"
                     r"author)"  # Italian "di" only in lower case: "Di Maio" is a name
                     r"\s*:?\s+(?P<names>\S.*)$", re.I)
_BYLINE_WORDS = {"by", "von", "por", "par", "author", "autor", "autorin", "author of the article",
                 "autor del artículo", "l'auteur", "der autor", "die autorin", "text", "texto", "texte"}
_PARTICLES = {"von", "van", "de", "der", "den", "da", "del", "della", "di", "du", "la", "le", "bin", "al",
              "ibn", "dos", "das", "zu", "y", "und", "and", "&", "et", "e"}
_NAME_WORD = re.compile(r"^[A-ZÀ-ÞŁŚŻ][\w'’.-]*$")
JOBS = (r"reporter|correspondent|editor|writer|journalist|columnist|author|contributor|producer|"
        r"redakteur(?:in)?|autor(?:in)?|korrespondent(?:in)?|journalist(?:in)?|periodista|redactora?|"
        r"corresponsal|journaliste|rédact(?:eur|rice)|professor|researcher|lecturer|analyst|fellow")
_JOB = re.compile(rf"\b(?:{JOBS})s?\b", re.I)
_ORGANISATION = re.compile(r"\b(?:service|agency|agentur|agence|agencia|news|nachrichten|press|presse|staff|desk|"
                           r"team|redaktion|rédaction|redacción|newsroom|media|reporting|bureau|network|online)\b",
                           re.I)
_BYLINE_CUT = re.compile(r"\s*[|·•∙]\s*|\s+[-–—]\s+|,\s*|\s+(?:on|am|le|el|il|op|den)\s+", re.I)


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


def person_line(text: str) -> bool:
    """A line of personal names only, no desk, agency or job ("Local News Service", "Staff Writer")."""
    return name_line(text) and not any(_JOB.search(n) or _ORGANISATION.search(n) for n in split_names(text))


def _is_name(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 4:
        return False
    return all(_NAME_WORD.match(w) or w.casefold() in _PARTICLES for w in words) \
        and _NAME_WORD.match(words[0]) is not None


def split_names(text: str) -> tuple[str, ...]:
    """The names in a byline: split at commas, slashes, "and"; places and job titles after a comma left out
    ("Jane Roe, Crime Correspondent")."""
    parts = re.split(r"\s*(?:,|/|;|&|\band\b|\bund\b|\by\b|\bet\b)\s*", text.strip(" .,"))
    names = [p.strip() for p in parts if p.strip()]
    return tuple(n for i, n in enumerate(names) if i == 0 or len(n.split()) >= 2 and not _JOB.search(n))


def byline(text: str) -> tuple[str, ...] | None:
    """The authors named by a "By X" / "Von X und Y" line, or None when `text` is no byline; the line may go
    on with a date or a reading time ("By X · March 2, 2025 · 11 min read")."""
    names = _names_after_by(text)
    if names is None and (cut := _dated_byline(text)) is not None:
        names = cut[0]
    return names


def byline_date(text: str, lang: str = "") -> str | None:
    """The date a byline carries after its names ("Von A B | 25. Jänner 2025, 22:14"), in ISO form; else None."""
    cut = _dated_byline(text, lang)
    return cut[1] if cut is not None else None


def _names_after_by(text: str) -> tuple[str, ...] | None:
    match = _BYLINE.match(text)
    if not match or len(text.split()) > 14:
        return None
    names = split_names(match["names"])
    if not names or not all(_is_name(n) or n.isupper() and 1 <= len(n.split()) <= 4 for n in names):
        return None
    return names


def _dated_byline(text: str, lang: str = "") -> tuple[tuple[str, ...], str | None] | None:
    """A byline and what follows its names (a date, a time, a reading time): (names, date), cut at the last
    separator, comma or "on" that leaves a byline before it."""
    if not _BYLINE.match(text):
        return None
    for cut in reversed(list(_BYLINE_CUT.finditer(text))):
        names, rest = _names_after_by(text[:cut.start()]), text[cut.end():]
        if names is not None and ((date := date_line(rest, lang)) is not None or _meta_part(rest)):
            return names, date
    return None


_MONTHS = {
    name: number for number, names in enumerate((
        "january januar jänner janvier enero gennaio januari janeiro jan jän jänn ene gen",
        "february februar feber février febrero febbraio februari fevereiro feb fév febr",
        "march märz mars marzo maart março mar mär mrt",
        "april avril abril aprile apr avr abr",
        "may mai mayo maggio mei maio mag",
        "june juni juin junio giugno junho jun giu",
        "july juli juillet julio luglio julho jul juil lug",
        "august août agosto augustus aug aoû ago",
        "september septembre septiembre settembre setembro sep sept set",
        "october oktober octobre octubre ottobre outubro oct okt ott",
        "november novembre noviembre novembro nov",
        "december dezember décembre diciembre dicembre dezembro dec dez déc dic",
    ), start=1) for name in names.split()
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ORDINAL = r"(?:st|nd|rd|th|er|º|°)?"  # "March 2nd", "1er avril", "1º de mayo"
_DATE_FORMS = (  # each with the order of its day and month: "ymd", "dmy", "named", or "either" (by language)
    (re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"), "ymd"),
    (re.compile(r"\b(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})\b"), "dmy"),
    (re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})\b"), "either"),
    (re.compile(rf"\b(?P<d>\d{{1,2}}){_ORDINAL}\.?\s+(?:de\s+|of\s+)?(?P<m>{_MONTH})\.?,?\s+(?:de\s+)?(?P<y>\d{{4}})\b",
                re.I), "named"),
    (re.compile(rf"\b(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}}){_ORDINAL},?\s+(?P<y>\d{{4}})\b", re.I), "named"),
)
# languages that write a numeric date day first ("12/04/2025" is 12 April); English may be either
DAY_FIRST = frozenset("de fr es it nl pt ca pl cs sk da no nb sv fi ru uk el tr ro hr sl sr bg id ms vi".split())
_UPDATE = (r"(?:last\s+|zuletzt\s+|dernière\s+)?(?:updated|update|aktualisiert|geändert|mis à jour|modifié|"
           r"actualisé|actualizado|actualización|aggiornato|aggiornamento|bijgewerkt|atualizado)")
_UPDATED = re.compile(rf"\b{_UPDATE}\b", re.I)  # a second date, of the last change: not the article's date
_PUBLISHED = (r"(?:published|posted|publié|mis en ligne|veröffentlicht|erschienen|erstellt|publicado|pubblicato|"
              r"gepubliceerd)")
_UPDATE_CLAUSE = re.compile(rf"\b{_UPDATE}\b.*?(?=\s[-–—]\s|[|·•∙]|\b{_PUBLISHED}\b|$)", re.I)
_SEPARATOR = re.compile(  # between the parts of a date line: a bar, a dot, a dash, or before an update's date
    rf"\s*[|·•∙]\s*|\s+[-–—]\s+|(?<!\blast)(?<!zuletzt)(?<!dernière)\s+(?={_UPDATE}\b)", re.I)
_TIME = re.compile(r"\b\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.\s?m\.|[ap]m\b)|\b\d{1,2}[:h]\d{2}(?:\s*(?:uhr|h)\b|\b)",
                   re.I)  # "6:02 a.m.", "10 PM", "22:14", "07h15", "15:10h"
_ZONE = re.compile(r"\b(?:[A-Z]{1,3}[SDM]?T|UTC|GMT|MEZ|MESZ|OEZ|OESZ)\b(?:[+-]\d{1,2}(?::?\d{2})?)?")  # "CST", "UTC+1"
_DATE_WORDS = re.compile(
    r"\b(?:published|updated|last updated|posted|on|at|am|um|uhr|stand|veröffentlicht|aktualisiert|zuletzt|"
    r"erstellt|erschienen|"
    r"actualizado|publicado|a las|las|el|publié|mis en ligne|mis à jour|le|à|h|min|mins|minutes?|hours?|days?|ago|"
    r"vor|minuten|stunden|tagen?|hace|horas?|días?|il y a|heures?|jours?|today|yesterday|heute|gestern|"
    r"hoy|ayer|aujourd'hui|hier|pubblicato|aggiornato|alle|ore|gepubliceerd|bijgewerkt|om|"
    r"am|pm|gmt|utc|cet|cest|mez|mesz|et|est|edt|bst|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|"
    r"lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    rf"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|{_MONTH})\b\.?", re.I)
_RELATIVE = re.compile(r"\b(?:ago|vor \d+|hace \d+|il y a)\b|\d+\s*(?:minutes?|hours?|days?|std|min)\.?\s+ago", re.I)
_DAY_MONTH = re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.(?!\d)")
_READING_TIME = re.compile(r"\b\d+\s?(?:min|minutes?|minuten)\b\.?(?:\s*(?:read|lesezeit|de lectura|de lecture))?",
                           re.I)
_LINE_WORDS = 10  # a date line, or each part of one, has at most this many words


CAPTION_WORDS = 40  # a caption is at most this long


def dated_caption(text: str) -> bool:
    """A photo's caption that closes with the day it was taken ("Firefighters at the harbour, 3 May 2024"):
    no sentence, some words, then a date after its last comma."""
    parts = text.split(",")
    cut = 2 if len(parts) > 2 and re.fullmatch(r"\s*\d{4}\.?", parts[-1]) else 1  # "..., May 3, 2024"
    head, day = ",".join(parts[:-cut]), ",".join(parts[-cut:])
    return (len(parts) > cut and not is_sentence(text) and 5 <= len(head.split()) <= CAPTION_WORDS
            and _only_date(day))


def _only_date(text: str) -> bool:
    """`text` is a date and nothing else ("28. April 2023", "on May 3, 2024")."""
    day = re.sub(r"^(?:am|on|le|el|den|the)\s+", "", text.strip(), flags=re.I).rstrip(". ")
    return any(pattern.fullmatch(day) for pattern, _ in _DATE_FORMS)


def date_line(text: str, lang: str = "") -> str | None:
    """For a line that only states a date (or a time), the date in ISO form ("" if not exact); else None.
    A line of parts ("Published 10:31, 5 Mar 2025 | Updated 11:02") is one when every part states a date, a
    time or a reading time; its date is the first part's that is no update's. `lang` orders "4/3/2025"."""
    date = _date_part(text, lang)
    if date is not None or not _SEPARATOR.search(text) or len(text.split()) > 3 * _LINE_WORDS:
        return date
    parts = [p for p in _SEPARATOR.split(text) if p.strip(" ,;")]
    if not all(_meta_part(p) for p in parts) or all(_date_part(p, lang) is None for p in parts):
        return None
    return _parse_date(text, lang) or ""


def is_update(text: str) -> bool:
    """A date line of the last change ("Updated 9 Oct 2024", "Mis à jour le ..."): the article's date is older."""
    return _UPDATED.match(text.strip()) is not None


def _date_part(text: str, lang: str) -> str | None:
    """The date of a line that states a date or an age and at most two other words; a sentence's other words
    are no story's ("Talks resumed on 3 March 2025.")."""
    if len(text.split()) > _LINE_WORDS:
        return None
    iso = _parse_date(text, lang)
    if iso is None and not _dated(text):
        return None
    rest = _residue(text)
    if len(rest) > 2 or is_sentence(text) and any(w.islower() and len(w) > 2 for w in rest):
        return None
    return iso or ""


def _meta_part(text: str) -> bool:
    """A part of a line that states a date, a time, an age or a reading time, and at most two other words."""
    stated = _parse_date(text) is not None or _dated(text) or _TIME.search(text) or _READING_TIME.search(text)
    return bool(stated) and len(text.split()) <= _LINE_WORDS and len(_residue(text)) <= 2


def _dated(text: str) -> bool:
    """An age ("3 hours ago") or a day and month without a year ("14.2.") in the text."""
    return bool(_RELATIVE.search(text) or _DAY_MONTH.search(text))


def _residue(text: str) -> list[str]:
    """The words of a line that are no date, time, zone, age or reading time, nor a word around them."""
    rest = _ZONE.sub(" ", _TIME.sub(" ", _READING_TIME.sub(" ", text)))
    return re.sub(r"[\d.,:/|()\-–—·•∙]+", " ", _DATE_WORDS.sub(" ", rest)).split()


def _parse_date(text: str, lang: str = "") -> str | None:
    """The first date in `text` that no "Updated" introduces, in ISO form ("" when its order is unknown)."""
    date = _first_date(_UPDATE_CLAUSE.sub(" ", text), lang)
    return date if date is not None else _first_date(text, lang)


def _first_date(text: str, lang: str) -> str | None:
    matches = sorted(((m, kind) for pattern, kind in _DATE_FORMS for m in pattern.finditer(text)),
                     key=lambda found: found[0].start())
    return next((iso for m, kind in matches if (iso := _iso(m, kind, lang)) is not None), None)


def _iso(match: re.Match, kind: str, lang: str) -> str | None:
    """The date a match of one of _DATE_FORMS spells, or None; "" when it may be either day or month first."""
    if kind == "either":
        a, b = int(match["a"]), int(match["b"])
        if a <= 12 and b <= 12 and a != b and lang not in DAY_FIRST:
            return "" if 1900 <= int(match["y"]) <= 2100 else None
        day, month = (b, a) if b > 12 else (a, b)  # "4/25/2025" is American; else day first
    else:
        day, month = int(match["d"]), _MONTHS[match["m"].casefold()] if kind == "named" else int(match["m"])
    year = int(match["y"])
    if 1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


_AUTHOR_NOTE = re.compile(
    rf"^(?:(?:[A-ZÀ-Þ][\w'’.-]+ ){{1,3}}(?:is|was|ist|war|es|est)|is|ist)\s+(?:an?|the|eine?|una?|une)?\s*"
    rf"[^.]{{0,80}}\b(?:{JOBS})\b", re.I)


def card_meta(text: str) -> list[str]:
    """For the meta line of a teaser card (names, date, age or reading time), its other words; else []."""
    if is_sentence(text) or len(text.split()) > 15:
        return []
    if not (_RELATIVE.search(text) or _READING_TIME.search(text) and _parse_date(text) is not None):
        return []
    return _residue(text) or ["age"]


def several_names(text: str) -> bool:
    """A line that is only two or more full names ("A. Smith and B. Jones"): a teaser's or a photo's byline."""
    parts = [p for p in re.split(r"\s*(?:,|&|\band\b|\bund\b|\by\b|\bet\b)\s*", text) if p]
    return len(parts) >= 2 and all(_is_name(p) and len(p.split()) >= 2 for p in parts) and not is_sentence(text)


def author_note(text: str, authors: tuple[str, ...]) -> bool:
    """A note about the author at the foot of the article."""
    if len(text.split()) > 60:
        return False
    if any(text.startswith(name) for name in authors if name):
        return True
    opening = text.split()[:3]  # when the authors are known, the note names one of them by surname
    return bool(_AUTHOR_NOTE.match(text)) and (not authors or any(n.split()[-1] in opening for n in authors if n))
