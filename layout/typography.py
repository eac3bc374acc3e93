"""Typographic quotes and apostrophes in the article's language, set on the model both outputs are made from."""

from __future__ import annotations

import dataclasses

from layout.model import Article, Image, Run, Runs, map_runs

# opening and closing double quotes, opening and closing single quotes, by language (BCP 47 primary subtag)
QUOTES = {
    "en": "“”‘’",
    "de": "„“‚‘",
    "fr": ("«\u202f", "\u202f»", "‹\u202f", "\u202f›"),  # with the narrow no-break space French sets inside
    "es": "«»“”",
    "it": "«»“”",
    "nl": "“”‘’",
    "pt": "«»“”",
}
APOSTROPHE = "’"
OPENERS = "([{“‘„‚«‹—–-/\u00a0\u202f"  # a quote after these (or a space, or nothing) opens


def typeset(article: Article) -> Article:
    """The article with straight quotes made typographic in its text, title, standfirst and captions."""
    marks = QUOTES.get(article.meta.lang.split("-")[0].lower(), QUOTES["en"])
    curl = lambda runs: curl_runs(runs, marks)  # noqa: E731
    blocks = tuple(_image(b, marks) if isinstance(b, Image) else map_runs(b, curl) for b in article.blocks)
    notes = tuple(map_runs(n, curl) for n in article.notes)
    meta = dataclasses.replace(article.meta, title=curl_text(article.meta.title, marks),
                               dek=curl_text(article.meta.dek, marks))
    return dataclasses.replace(article, meta=meta, blocks=blocks, notes=notes)


def _image(image: Image, marks) -> Image:
    return dataclasses.replace(image, alt=curl_text(image.alt, marks), caption=curl_text(image.caption, marks))


def curl_text(text: str, marks=QUOTES["en"]) -> str:
    return curl_runs((Run(text),), marks)[0].text if text else text


def curl_runs(runs: Runs, marks=QUOTES["en"]) -> Runs:
    """The runs with each straight quote replaced, judged by the characters around it across run boundaries."""
    joined = "".join(run.text for run in runs)
    if "'" not in joined and '"' not in joined:
        return runs
    chars = _marks(joined, marks)
    out, start = [], 0
    for run in runs:
        end = start + len(run.text)
        text = "".join(chars[start:end])
        out.append(dataclasses.replace(run, text=text) if text != run.text else run)
        start = end
    return tuple(out)


def _marks(text: str, marks) -> list[str]:
    """Each character of `text`, a straight quote replaced by the typographic quote or apostrophe it stands for.

    A single quote between letters, or before a year ("'90s"), is an apostrophe; one after a word closes a
    quotation only when one is open, else it is an apostrophe too ("Hans' Buch").
    """
    double_open, double_close, single_open, single_close = marks
    out, singles = [], 0
    for i, ch in enumerate(text):
        if ch not in "'\"":
            out.append(ch)
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opens = (before.isspace() or before in OPENERS) and not after.isspace()
        if ch == '"':
            out.append(double_open if opens else double_close)
        elif before.isalnum() and after.isalnum() or after.isdigit() and not before.isalnum():
            out.append(APOSTROPHE)  # don't, l'homme, '90s
        elif opens:
            singles += 1
            out.append(single_open)
        elif singles:
            singles -= 1
            out.append(single_close)
        else:
            out.append(APOSTROPHE)
    return out
