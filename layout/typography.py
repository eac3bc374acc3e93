"""Typographic quotes and apostrophes in the article's language, set on the model both outputs are made from."""

from __future__ import annotations

import dataclasses
import re
from functools import partial
from typing import NamedTuple

from layout.model import Article, Image, Run, Runs, map_runs


class Marks(NamedTuple):
    """A language's quotation marks: double (outer) and single (inner), opening and closing."""

    open: str
    close: str
    inner_open: str
    inner_close: str


NNBSP = "\u202f"  # the narrow no-break space French sets inside its guillemets
# by BCP 47 tag, the full tag first ("de-CH"), then the language ("de"); a language not listed keeps its
# straight quotes, as the marks of a language we do not know cannot be guessed
QUOTES = {
    "en": Marks("“", "”", "‘", "’"),
    "de": Marks("„", "“", "‚", "‘"),
    "de-ch": Marks("«", "»", "‹", "›"),
    "fr": Marks("«" + NNBSP, NNBSP + "»", "“", "”"),
    "es": Marks("«", "»", "“", "”"),
    "it": Marks("«", "»", "“", "”"),
    "pt": Marks("«", "»", "“", "”"),
    "pt-br": Marks("“", "”", "‘", "’"),
    "nl": Marks("“", "”", "‘", "’"),
    "ar": Marks("«", "»", "“", "”"),  # typed in reading order; right to left, each is shown mirrored
    "fa": Marks("«", "»", "“", "”"),
}
APOSTROPHE = "’"
FEET_INCHES = re.compile(r"\d′\d{1,2}$")
ELIDED = ("n'", "tis", "twas", "em ", "cause ")  # words that open with an apostrophe ('n', 'Tis, 'em)
FRENCH_SPACED = {"?": NNBSP, "!": NNBSP, ";": NNBSP, "»": NNBSP, "›": NNBSP, ":": "\u00a0"}
OPENERS = "([{—–-/\u00a0" + NNBSP  # a quote after these, a space, an opening mark or nothing opens


def marks_for(lang: str) -> Marks | None:
    """The quotation marks of a BCP 47 language tag, or None for a language not in QUOTES."""
    tag = "-".join(subtags(lang))
    return QUOTES.get(tag) or QUOTES.get(base_language(lang))


RIGHT_TO_LEFT = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "iw", "nqo", "ps", "sd", "syr", "ug", "ur", "yi"})
RIGHT_TO_LEFT_SCRIPTS = frozenset({"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr"})


def subtags(lang: str) -> list[str]:
    """A BCP 47 tag's parts, lower-cased: "sd_Deva-IN" -> ["sd", "deva", "in"]."""
    return lang.strip().lower().replace("_", "-").split("-")


def base_language(lang: str) -> str:
    """The language of a BCP 47 tag without its script or region: "ar_EG" -> "ar"."""
    return subtags(lang)[0]


def direction(lang: str) -> str:
    """The direction a language is written in: "rtl" for Arabic, Hebrew, Persian, Urdu and the like, else "ltr";
    a script subtag, when the tag has one, decides ("sd-Deva" is left to right, "az-Arab" right to left)."""
    tag = subtags(lang)
    script = next((part for part in tag[1:] if len(part) == 4 and part.isalpha()), "")
    if script:
        return "rtl" if script in RIGHT_TO_LEFT_SCRIPTS else "ltr"
    return "rtl" if tag[0] in RIGHT_TO_LEFT else "ltr"


def typeset(article: Article) -> Article:
    """The article with straight quotes made typographic wherever the outputs show its text."""
    marks = marks_for(article.meta.lang)
    if marks is None:
        return article
    curl, text = partial(curl_runs, marks=marks), partial(curl_text, marks=marks)
    blocks = tuple(_image(b, marks) if isinstance(b, Image) else map_runs(b, curl) for b in article.blocks)
    meta = article.meta
    meta = dataclasses.replace(meta, title=text(meta.title), dek=text(meta.dek), dateline=text(meta.dateline),
                               authors=tuple(text(name) for name in meta.authors),
                               credits=tuple(text(line) for line in meta.credits))
    return dataclasses.replace(article, meta=meta, blocks=blocks, notes=tuple(map_runs(n, curl) for n in article.notes))


def _image(image: Image, marks: Marks) -> Image:
    """The picture with its alt text, caption and credit typeset."""
    return dataclasses.replace(image, alt=curl_text(image.alt, marks), caption=curl_text(image.caption, marks),
                               credit=curl_text(image.credit, marks))


def curl_text(text: str, marks: Marks = QUOTES["en"]) -> str:
    """One string typeset."""
    return curl_runs((Run(text),), marks)[0].text if text else text


def curl_runs(runs: Runs, marks: Marks = QUOTES["en"]) -> Runs:
    """The runs with each straight quote replaced, judged by the characters around it across run boundaries."""
    joined = "".join(run.text for run in runs)
    if not any(mark in joined for mark in ("'", '"', "--", "...", " ", " - ")):
        return runs
    chars = _marks(joined, marks)
    out, start = [], 0
    for run in runs:
        end = start + len(run.text)
        text = run.text if run.code else "".join(chars[start:end])  # program text stays as typed
        out.append(dataclasses.replace(run, text=text) if text != run.text else run)
        start = end
    return tuple(out)


def _marks(text: str, marks: Marks) -> list[str]:
    """Each character of `text` as it is set: quotes, apostrophes and primes made typographic, "--", "---" and
    a spaced hyphen ("holidays - booking") made dashes and "..." an ellipsis (the characters they replace set as
    ""), French spaces made narrow."""
    out = _quotes(text, marks)
    for i in range(len(text)):
        if text.startswith("---", i) and not text.startswith("----", i) and text[i - 1:i] != "-":
            out[i:i + 3] = ["—", "", ""]
        elif text.startswith("--", i) and text[i - 1:i] != "-" and text[i + 2:i + 3] != "-":
            out[i:i + 2] = ["–", ""]
        elif text.startswith("...", i) and text[i - 1:i] != "." and text[i + 3:i + 4] != ".":
            out[i:i + 3] = ["…", "", ""]
        elif text.startswith(" - ", i - 1) and i > 1 and not text[i - 2].isspace():
            out[i] = "–"  # a hyphen typed with a space each side, after a word, stands for a dash
    return _french_spaces(out, text) if marks is QUOTES["fr"] else out


def _quotes(text: str, marks: Marks) -> list[str]:
    """Each character of `text`, a straight quote replaced by the typographic quote, apostrophe or prime it
    stands for.

    A quote after a space, an opening bracket or dash, or another opening mark opens; one before a space or
    punctuation closes; when both sides say the same (French " Non "), it opens unless one of its kind is
    open. A single quote between letters, before a year ("'90s") or an elided word ('n', 'Tis), is an
    apostrophe, as is one after a word when no single quotation is open ("Hans' Buch"). Between figures
    (6'2") quotes are primes.
    """
    out: list[str] = []
    open_count = {'"': 0, "'": 0}
    openers = OPENERS + marks.open.strip(NNBSP) + marks.inner_open.strip(NNBSP)
    for i, ch in enumerate(text):
        if ch not in "'\"":
            out.append(ch)
            continue
        emitted = (out[-1] if out else "") or " "
        before, after = emitted[-1], text[i + 1] if i + 1 < len(text) else " "
        if ch == "'" and before.isdigit() and after.isdigit():
            out.append("′")  # 6'2": six feet two inches
            continue
        if ch == '"' and FEET_INCHES.search("".join(out[-5:])):
            out.append("″")
            continue
        elided = not before.isalnum() and text[i + 1:i + 6].lower().startswith(ELIDED)
        if ch == "'" and (before.isalnum() and after.isalnum() or after.isdigit() and not before.isalnum() or elided):
            out.append(APOSTROPHE)  # don't, l'homme, '90s, rock 'n' roll
            continue
        opening_side = before.isspace() or before in openers
        closing_side = after.isspace() or not after.isalnum() and after not in "'\"" + openers
        opens = opening_side and not closing_side or (opening_side == closing_side and not open_count[ch])
        if ch == "'" and not opens and not open_count[ch]:
            out.append(APOSTROPHE)
            continue
        open_count[ch] += 1 if opens else -1 if open_count[ch] else 0
        outer = ch == '"'
        out.append((marks.open if outer else marks.inner_open) if opens else
                   (marks.close if outer else marks.inner_close))
    return out


def _french_spaces(out: list[str], text: str) -> list[str]:
    """French sets a narrow no-break space inside guillemets and before ? ! ; (a no-break space before :),
    so a line never ends with « or opens with ? or »; a typed space beside a mark that carries its own
    narrow space is dropped."""
    for i, ch in enumerate(text):
        if ch != " " or out[i] != " ":
            continue
        before, after = out[i - 1] if i else "", out[i + 1] if i + 1 < len(out) else ""
        if before.endswith(NNBSP) or after.startswith(NNBSP):
            out[i] = ""
        elif after[:1] in FRENCH_SPACED:
            out[i] = FRENCH_SPACED[after[:1]]
        elif before[-1:] in ("«", "‹"):
            out[i] = NNBSP
    return out
