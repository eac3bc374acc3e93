"""One Jinja environment renders the model to HTML for every output; outputs differ by child template."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import jinja2
from markupsafe import Markup, escape

from layout import __version__
from layout.dates import parse_date
from layout.model import Article, lead_paragraph, plain, run_groups
from layout.pullquote import pull_quote
from layout.typography import Marks, base_language, direction, marks_for
from layout.themes import PACKAGE

# Words the templates print, per language; English fills any gap.
LABELS: dict[str, dict[str, str]] = {
    "en": {"by": "By", "and": "and", "comma": ", ", "notes": "Notes", "note": "Note", "contents": "Contents", "landmarks": "Landmarks",
           "page": "Page", "of": "of", "cover": "Cover", "pages": "Pages", "clipping": "Clipping", "start": "Start", "digest": "Digest",
           "articles": "articles"},
    "de": {"by": "Von", "and": "und", "notes": "Anmerkungen", "note": "Anmerkung", "contents": "Inhalt",
           "landmarks": "Orientierungspunkte", "page": "Seite", "of": "von", "cover": "Titelbild", "pages": "Seiten", "clipping": "Zeitungsausschnitt", "start": "Beginn",
           "digest": "Auswahl", "articles": "Artikel"},
    "fr": {"by": "Par", "and": "et", "notes": "Notes", "note": "Note", "contents": "Sommaire", "landmarks": "Repères",
           "page": "Page", "of": "sur", "cover": "Couverture", "pages": "Pages", "clipping": "Coupure de presse", "start": "Début",
           "digest": "Sélection", "articles": "articles"},
    "es": {"by": "Por", "and": "y", "notes": "Notas", "note": "Nota", "contents": "Índice", "landmarks": "Puntos de referencia",
           "page": "Página", "of": "de", "cover": "Portada", "pages": "Páginas", "clipping": "Recorte de prensa", "start": "Inicio",
           "digest": "Selección", "articles": "artículos"},
    "it": {"by": "Di", "and": "e", "notes": "Note", "note": "Nota", "contents": "Indice", "landmarks": "Punti di riferimento",
           "page": "Pagina", "of": "di", "cover": "Copertina", "pages": "Pagine", "clipping": "Ritaglio di giornale",
           "start": "Inizio", "digest": "Selezione", "articles": "articoli"},
    "pt": {"by": "Por", "and": "e", "notes": "Notas", "note": "Nota", "contents": "Sumário", "landmarks": "Pontos de referência",
           "page": "Página", "of": "de", "cover": "Capa", "pages": "Páginas", "clipping": "Recorte de jornal",
           "start": "Início", "digest": "Seleção", "articles": "artigos"},
    "nl": {"by": "Door", "and": "en", "notes": "Noten", "note": "Noot", "contents": "Inhoud", "landmarks": "Oriëntatiepunten",
           "page": "Pagina", "of": "van", "cover": "Omslag", "pages": "Pagina's", "clipping": "Krantenknipsel",
           "start": "Begin", "digest": "Selectie", "articles": "artikelen"},
    # Arabic and Hebrew write "and" as a prefix of the name after it: no space after their "and" (Persian's stands apart)
    "ar": {"by": "بقلم", "and": "و", "comma": "، ", "notes": "ملاحظات", "note": "ملاحظة", "contents": "المحتويات", "landmarks": "معالم",
           "page": "صفحة", "of": "من", "cover": "الغلاف", "pages": "الصفحات", "clipping": "قصاصة صحفية",
           "start": "البداية", "digest": "مختارات", "articles": "مقالات"},
    "fa": {"by": "نوشتهٔ", "and": "و", "comma": "، ", "notes": "یادداشت‌ها", "note": "یادداشت", "contents": "فهرست", "landmarks": "نشانه‌ها",
           "page": "صفحهٔ", "of": "از", "cover": "جلد", "pages": "صفحه‌ها", "clipping": "بریدهٔ روزنامه",
           "start": "آغاز", "digest": "گزیده", "articles": "مقاله"},
    "he": {"by": "מאת", "and": "ו", "notes": "הערות", "note": "הערה", "contents": "תוכן העניינים", "landmarks": "ציוני דרך",
           "page": "עמוד", "of": "מתוך", "cover": "כריכה", "pages": "עמודים", "clipping": "קטע עיתונות",
           "start": "התחלה", "digest": "לקט", "articles": "כתבות"},
}
PREFIX_AND = frozenset({"ar", "he"})


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The one template environment: autoescape on for every template, whatever its name."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(PACKAGE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["list_tree"] = list_tree
    env.filters["words"] = words
    env.filters["drop_cap"] = drop_cap
    env.filters["dir"] = dir_attribute
    env.filters["breakable"] = breakable
    env.globals["BESIDE_DROP_CAP"] = BESIDE_DROP_CAP
    env.tests["wide"] = wide_table
    env.tests["short_table"] = lambda block: len(block.rows) <= SHORT_ROWS and len(block.text) <= SHORT_CHARACTERS
    env.tests["compact_table"] = lambda block: max(len(plain(cell)) for cell in block.cells) <= ROW_CHARACTERS
    return env


# Tables in print: what is kept together must be shorter than any column, or WeasyPrint pushes it, and the
# text before it, to later pages.
WIDE_COLUMNS = 4  # a table of this many columns or more spans the print columns ...
COLUMN_CHARACTERS = 48  # ... unless its rows fit a print column: this many characters of a table's sans, with gaps
CELL_CHARACTERS = 20  # a column of longer cells is counted this wide: its cells wrap
SHORT_ROWS, SHORT_CHARACTERS = 12, 600  # a table this small is never split
ROW_CHARACTERS = 200  # a table whose cells are all this short never splits a row, nor leaves one alone
LONG_WORD_CHARACTERS = 20
BESIDE_DROP_CAP = 200  # characters of the lead paragraph that are surely set beside its drop cap, on any paper


WORD = re.compile(r"\S+")
COMPOUND = re.compile(r"[^\W_]-[^\W_]")  # letters or digits either side of a hyphen: "long-range", "1,000-day"


def wide_table(block) -> bool:
    """A table to span the print columns: WIDE_COLUMNS or more, whose rows would not fit one column."""
    if block.type != "table" or block.columns < WIDE_COLUMNS:
        return False
    widths = [max(len(plain(cell)) for cell in block.cells[column::block.columns])
              for column in range(block.columns)]
    return sum(min(width, CELL_CHARACTERS) + 2 for width in widths) > COLUMN_CHARACTERS


def words(text: str, in_cell: bool = False, after: int = 0) -> Markup:
    """`text` escaped, with the words the theme sets apart in spans: a hyphenated compound, which breaks at its
    own hyphens only ("thousand-/kilometre", never "thou-/sand-kilometre"), and in a table cell a word of
    LONG_WORD_CHARACTERS or more (an address, a German compound), which breaks anywhere rather than set the
    width of its whole column. Words that begin in the first `after` characters are left as they are."""
    start = 0
    if after:  # from the first word that begins after `after` characters
        space = text.find(" ", after)
        start = space + 1 if space >= 0 else len(text)
    out, done = [], 0
    for match in WORD.finditer(text, start):
        word = match.group()
        kind = "long-word" if in_cell and len(word) >= LONG_WORD_CHARACTERS else (
            "compound" if COMPOUND.search(word) else "")
        if kind:  # the space before the word goes inside the span: WeasyPrint (70), breaking the line before a
            # span that follows a space, may hyphenate the line's first word again ("Schlafstö-/run-/gen")
            begin = max(done, len(text[:match.start()].rstrip(" ")))
            out += [escape(text[done:begin]), Markup('<span class="%s">%s</span>') % (kind, text[begin:match.end()])]
            done = match.end()
    return Markup("").join(out + [escape(text[done:])])


HEADLINE_LONG_WORD = 13  # a word this long may not fit a headline's line: it gets places to break


def breakable(text: str, lang: str = "") -> str:
    """`text` with soft hyphens where its longest words may break ("Schifffahrts\u00adgesellschaft"), for the
    cover's headline, which is not hyphenated and would otherwise cut such a word anywhere, without a hyphen;
    as it is in a language with no hyphenation patterns."""
    import pyphen

    language = pyphen.language_fallback((lang or "en").replace("-", "_"))
    if language is None:
        return text
    dictionary = pyphen.Pyphen(lang="en_US" if language == "en" else language, left=4, right=4)  # as in print
    return re.sub(rf"[^\W\d_]{{{HEADLINE_LONG_WORD},}}", lambda m: dictionary.inserted(m.group(), hyphen="\u00ad"), text)


def dir_attribute(lang: str, always: bool = False) -> Markup:
    """` dir="rtl"` for a language written right to left, else nothing (left to right is the document's
    default); with `always`, ` dir="ltr"` too, for an element that may stand inside right-to-left text (an
    article of a digest, an entry of its contents)."""
    if direction(lang) == "rtl":
        return Markup(' dir="rtl"')
    return Markup(' dir="ltr"') if always else Markup("")


def drop_cap(text: str, lang: str) -> str:
    """The letter a drop cap shows in print (`initial`), none in right-to-left text (its cap would stand on
    the wrong side)."""
    return initial(text) if direction(lang) == "ltr" else ""


def initial(text: str) -> str:
    """The letter a drop cap shows: the first, if it is a letter of a script with capitals (Latin, Greek,
    Cyrillic) and no combining accent follows it; else "" (a quotation mark, a figure, Devanagari, whose
    letters join along the headstroke, or Chinese go without)."""
    first = text[:1]
    cased = first.isalpha() and first.upper() != first.lower()
    return first if cased and not unicodedata.category(text[1:2] or " ").startswith("M") else ""


def list_tree(block) -> list[dict]:
    """A list's items as a tree for the templates: [{"runs", "children", "numbered"}], nested by `levels`."""
    root: list[dict] = []
    path: list[list[dict]] = [root]
    levels = block.levels or (0,) * len(block.items)
    numbering = block.numbered or (block.ordered,) * len(block.items)
    for runs, level, numbered in zip(block.items, levels, numbering):
        del path[level + 1:]
        node = {"runs": runs, "children": [], "numbered": numbered}
        path[-1].append(node)
        path.append(node["children"])
    return root


def render(template: str, article: Article, **extra) -> str:
    """Render `article` through `template` (print.html, epub.html, ...)."""
    this = context(article)
    return environment().get_template(template).render(**this, this=this, **extra)


def context(article: Article, prefix: str = "") -> dict:
    """The template context of one article: the model plus the labels every output shows.

    `prefix` sets apart the element ids of articles that share a page (the digest)."""
    meta = article.meta
    return {
        "prefix": prefix,
        "meta": meta,
        "blocks": article.blocks,
        "lead_id": lead_paragraph(article.blocks),
        "notes": article.notes,
        "note_backlinks": note_backlinks(article),
        "labels": labels(meta.lang),
        "byline": byline(tuple(a for a in meta.authors if not same_name(a, meta.publication)), meta.lang),
        "date_label": date_label(meta.date, meta.lang),
        "short_title": short_title(meta.title),
        "shorter_title": short_title(meta.title, limit=40),  # for the running head on small paper
        "source_line": source_line(meta.url, date_label(meta.date, meta.lang)),
        "pull_quote": pull_quote(article),
        "quote_marks": marks_for(meta.lang) or Marks('"', '"', "'", "'"),
        "version": __version__,
    }


def note_backlinks(article: Article) -> dict[str, str]:
    """For each note, the id of the block that first refers to it: where a pop-up note leads back to."""
    found: dict[str, str] = {}
    for block in article.blocks:
        for run in (run for group in run_groups(block) for run in group):
            if run.note:
                found.setdefault(run.note, block.id)
    first = article.blocks[0].id if article.blocks else "headline"
    return {note.id: found.get(note.id, first) for note in article.notes}


def labels(lang: str) -> dict[str, str]:
    """The template words for `lang` (a BCP 47 tag), English where the language has none."""
    return {**LABELS["en"], **LABELS.get(base_language(lang), {})}


def same_name(author: str, publication: str) -> bool:
    """The author is the publication itself ("FOCUS online" on FOCUS online's page): a byline would only
    repeat the masthead."""
    def key(text: str) -> str:  # letters and digits, accents and case aside
        return re.sub(r"\W+", "", "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold())
                                          if not unicodedata.combining(ch)))

    return bool(publication) and key(author) == key(publication)


def byline(authors: tuple[str, ...], lang: str) -> str:
    """"By A, B and C" in the article's language."""
    if not authors:
        return ""
    words = labels(lang)
    joined = words["and"] + ("" if base_language(lang) in PREFIX_AND else " ")
    names = words["comma"].join(authors[:-1]) + f" {joined}{authors[-1]}" if len(authors) > 1 else authors[0]
    return f"{words['by']} {names}"


def date_label(value: str, lang: str) -> str:
    """The date written out in the article's language ("19 November 2024", "19. November 2024")."""
    day = parse_date(value)
    if day is None:
        return value
    from babel.dates import format_date
    from babel.core import UnknownLocaleError

    try:
        return format_date(day, format="long", locale=lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return format_date(day, format="long", locale="en")


def short_title(title: str, limit: int = 60) -> str:
    """The title cut at a word boundary for running heads."""
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0].rstrip(",;:—–-") + "…"


def source_line(url: str, date: str) -> str:
    """The line that says where (and when) the article was published; none without an address."""
    return " · ".join(part for part in (url, date) if part) if url else ""
