"""The HTML reader: a saved web page; trafilatura finds the article body, the page's own tags its metadata."""

from __future__ import annotations

import dataclasses
import html as entities
import json
import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import NamedTuple
from urllib.parse import urlsplit

from layout.errors import SourceError
from layout.model import (Article, Block, Blockquote, Code, Dropped, Heading, Image, ListBlock, Meta, Paragraph, Rule,
                          Run, Runs, LINE_BREAK, map_runs)
from layout.readers import language
from layout.readers.common import block_id, fold, identifier, is_local, list_block, merge, squeeze, table_block
from layout.readers.text import lines
from layout.readers.text.boilerplate import (RATING, READER, REPORTED, SECTION_BREAK, agency, line_reason,
                                             opening_appeal, products)

log = logging.getLogger(__name__)

# trafilatura's options: no network, no comments, keep the structure the model can hold
EXTRACT = {"include_comments": False, "include_images": True, "include_formatting": True, "include_links": True,
           "include_tables": True, "with_metadata": True, "deduplicate": False, "fast": False}
ARTICLE_TYPES = re.compile(r"(Article|BlogPosting|Report|Posting|Review|Recipe)$")  # schema.org types of a story
SEPARATORS = re.compile(r"\s+[|\u2013\u2014\u00b7:-]{1,2}\s+")
DATE_SEGMENT = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
ISO_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:$|[T ])")
LANG_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z0-9]{2,8}))?")
NAME_SPLIT = re.compile(r"\s*(?:[,;/&]|\s(?:and|und|y|et|e)\s)\s*")
NOT_A_NAME = re.compile(r"@|https?://|^www\.", re.I)
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md"}
INVERTED_NAME = re.compile(r"^(?P<family>[^\W\d_][\w'’-]*), (?P<given>[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*)?)$")
MAX_KEYWORDS = 12
LAST_WORD = re.compile(r"\w+$")
FIRST_WORD = re.compile(r"^\w+")


# --- entry point -----------------------------------------------------------------------------


def read(text: str, name: str) -> Article:
    """Build the model from a saved web page: the article's body, its metadata, remote images dropped."""
    from trafilatura import bare_extraction, load_html

    with quiet(EXTRACTOR_LOGGERS):
        page, meta_page = load_html(text), load_html(text)
        if page is None:
            raise SourceError(f"{name} is not an HTML page", "give a saved web page (.html)")
        captions, loose, heads = figure_captions(page), loose_captions(page), table_heads(page)
        grids = table_spans(page)
        embeds = prune(page)
        boxes = asides(page)
        headings = page_headings(page)
        page_text = squeeze(page.text_content())
        doc = bare_extraction(page, **EXTRACT)
    if doc is None or doc.body is None or not len(doc.body):
        raise SourceError(f"{name} holds no article text that could be found",
                          "save the article's own page (not a front page or a list of links)")
    mend_spaces(doc.body, page_text)
    embeds += unextracted(boxes, doc.body)
    found = PageMeta.of(meta_page, doc)
    walk = Walker(captions=captions, heads=heads, grids=grids)
    walk.children(doc.body)
    blocks, dropped, bylines = apply_rules(section_breaks(restore_headings(walk.blocks, headings)), found, loose)
    blocks = dangling_rules(blocks)
    if not any(isinstance(b, Paragraph) for b in blocks):
        raise SourceError(f"{name} holds no article paragraphs", "save the article's own page")
    blocks = tuple(renumber(blocks))
    # the standfirst as the page shows it (again, or as a long heading above the text), else its description
    shown = (d.text for d in dropped if d.reason == "repeated standfirst")
    dek = next(shown, "") or next((d.text for d in dropped if d.reason == "standfirst"), "") or description(found, blocks)
    found = dataclasses.replace(found, authors=shown_authors(found, bylines))
    title = found.title or _first_heading(blocks)
    if not title:
        raise SourceError(f"{name} has no title", "give the page a <title>, or set one with --title")
    lang = found.lang or language.detect(" ".join(b.text for b in blocks[:30]))
    meta = Meta(title=title, dek=dek, authors=found.authors, publication=found.publication,
                date=found.date, lang=lang, url=found.url, keywords=found.keywords,
                identifier=identifier(found.url, title, blocks))
    log.debug("%s: %d blocks, %d dropped", name, len(blocks), len(walk.dropped) + len(dropped))
    return Article(meta, blocks, tuple(embeds + walk.dropped + dropped), name)


# the extractor's loggers: their complaints about a page (parse failures, "discarding data") are not the
# user's business; the reader says in one line what it could not find
EXTRACTOR_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")


@contextmanager
def quiet(names: tuple[str, ...]):
    """Silence the named loggers (and their children) below CRITICAL for the duration."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


# --- text helpers ----------------------------------------------------------------------------


def clean(value) -> str:
    """A metadata string: entities decoded, whitespace squeezed."""
    if not isinstance(value, str):
        return ""
    return squeeze(entities.unescape(value).replace("\n", " "))


def _key(text: str) -> str:
    return re.sub(r"\W+", "", fold(text))


# --- metadata --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageMeta:
    """What the page says about the article, each field from the best source that has it."""

    title: str = ""
    deks: tuple[str, ...] = ()  # the page's descriptions, best first: the extractor's, Open Graph, JSON-LD, <meta>
    authors: tuple[str, ...] = ()
    publication: str = ""
    date: str = ""
    lang: str = ""
    url: str = ""
    keywords: tuple[str, ...] = ()
    headlines: tuple[str, ...] = ()  # every headline the page states; the title is the first

    @property
    def descriptions(self) -> tuple[str, ...]:
        """The page's descriptions that are not a name (some pages describe an article by its author)."""
        return tuple(d for d in self.deks if not lines.name_line(d))

    @property
    def dek(self) -> str:
        """The page's first description."""
        return first(*self.descriptions)

    @classmethod
    def of(cls, page, doc) -> "PageMeta":
        tags = meta_tags(page)
        ld = article_ld(json_ld(page))
        site = first(clean(tags.get("og:site_name")), ld_name(ld.get("publisher")), clean(doc.sitename))
        url = first(*(u for u in (link_canonical(page), tags.get("og:url"), ld_url(ld), doc.url) if is_web(u)))
        headlines = headline_candidates(page, tags, ld, doc, site_names(site, url, doc.hostname))
        deks = tuple(dict.fromkeys(d for d in (clean(doc.description), clean(tags.get("og:description")),
                                               clean(ld.get("description")), clean(tags.get("description"))) if d))
        return cls(
            title=headlines[0] if headlines else "",
            deks=deks,
            authors=page_authors(ld, tags, doc),
            publication=site or clean(doc.hostname),
            date=page_date(ld, tags, doc),
            lang=page_lang(page, tags),
            url=url or "",
            keywords=page_keywords(ld, tags, doc),
            headlines=headlines,
        )


def description(found: PageMeta, blocks: list[Block]) -> str:
    """The page's first description that is not the lead's opening words cut short, nor the lead with more after
    it (a teaser the page made of its own text, which the clipping would print twice), nor a name, else none."""
    lead = next((_key(b.text) for b in blocks if isinstance(b, Paragraph)), "")
    return first(*(d for d in found.descriptions if not _excerpt(_key(d), lead)))


def shown_authors(found: PageMeta, bylines: list[str]) -> tuple[str, ...]:
    """The page's authors; where it names no person, the people a byline above the text names."""
    if person_authors(found.authors, found.publication):
        return found.authors
    named = (lines.byline(line) or names_only(line) for line in bylines)
    return next((names for names in named if names), found.authors)


def person_authors(authors: tuple[str, ...], publication: str) -> tuple[str, ...]:
    """The authors that are people: not a single word, not the publication nor its account in the site's
    software (the site's first word and an initial: "Valley C" of "Valley Courier")."""
    return tuple(name for name in authors if len(name.split()) > 1 and not _organisation(name, publication))


def _organisation(name: str, publication: str) -> bool:
    words, site = fold(name).split(), fold(publication).split()
    if not (words and site):
        return False
    return words == site or (words[0] == site[0] and all(len(w.strip(".")) <= 1 for w in words[1:]))


def names_only(text: str) -> tuple[str, ...]:
    """The names of a line that is only people's names ("Jane Roe/John Doe", "JANE ROE"), else ()."""
    return lines.split_names(text) if lines.name_line(text) else ()


def _excerpt(text: str, lead: str) -> bool:
    """`text` opens the lead and stops short, or holds a whole lead (one long enough to be more than a line of
    a standfirst the page shows in parts) and goes on."""
    if len(text) < len(lead):
        return len(text) > EXCERPT_LETTERS and lead.startswith(text)
    return len(lead) > WHOLE_LEAD_LETTERS and text != lead and text.startswith(lead)


def first(*values: str) -> str:
    """The first non-empty value."""
    return next((v for v in values if v), "")


def meta_tags(page) -> dict[str, str]:
    """<meta> name/property -> content, the first of each name, names lower-cased."""
    out: dict[str, str] = {}
    for tag in page.iter("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or tag.get("http-equiv") or "").lower()
        content = tag.get("content")
        if key and content and content.strip() and key not in out:
            out[key] = content.strip()
    return out


def link_canonical(page) -> str:
    for link in page.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            return (link.get("href") or "").strip()
    return ""


def is_web(url) -> bool:
    return isinstance(url, str) and re.match(r"^https?://[^\s/]+\S*$", url.strip()) is not None


def json_ld(page) -> list[dict]:
    """Every JSON-LD object on the page, @graph members and list items flattened."""
    found: list[dict] = []
    for script in page.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"), strict=False)
        except ValueError:
            log.debug("skipping malformed JSON-LD")
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                stack.extend(graph if isinstance(graph, list) else [graph] if isinstance(graph, dict) else [])
    return found


def _types(item: dict) -> list[str]:
    kind = item.get("@type", [])
    return [str(k) for k in (kind if isinstance(kind, list) else [kind])]


def article_ld(objects: list[dict]) -> dict:
    """The JSON-LD object describing the article: an *Article or *Posting, one with a headline first."""
    articles = [o for o in objects if any(ARTICLE_TYPES.search(t) for t in _types(o))]
    articles.sort(key=lambda o: not o.get("headline"))
    if not articles:
        return {}
    chosen = dict(articles[0])
    people = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and o.get("name")}
    chosen["author"] = _resolve(chosen.get("author"), people)
    return chosen


def _resolve(value, people: dict):
    """Author references ({"@id": ...}) replaced by the objects they point to."""
    if isinstance(value, list):
        return [_resolve(v, people) for v in value]
    if isinstance(value, dict) and not value.get("name") and value.get("@id") in people:
        return people[value["@id"]]
    return value


def ld_name(value) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name", "")
    return clean(value)


def ld_url(ld: dict) -> str:
    entity = ld.get("mainEntityOfPage")
    if isinstance(entity, dict):
        entity = entity.get("@id") or entity.get("url")
    return first(*(v for v in (ld.get("url"), entity) if isinstance(v, str)))


def site_names(site: str, url: str | None, hostname: str | None) -> set[str]:
    """Keys a title suffix naming the site can have: the site's name, its host with and without www."""
    host = urlsplit(url).hostname if url else (hostname or "")
    names = {_key(site), _key(host or ""), _key(re.sub(r"^www\.", "", host or ""))}
    if host:
        names.add(_key(host.split(".")[-2] if host.count(".") else host))
    return {n for n in names if len(n) >= 2}


def strip_site(title: str, names: set[str]) -> str:
    """The title without trailing " | Site", " - site.com" or " | 28.04.2023" segments."""
    parts = SEPARATORS.split(title)
    seps = SEPARATORS.findall(title)
    while len(parts) > 1 and _is_site(parts[-1], names):
        parts.pop()
        seps.pop()
    out = parts[0]
    for sep, part in zip(seps, parts[1:]):
        out += sep + part
    return out.strip()


def _is_site(segment: str, names: set[str]) -> bool:
    key = _key(segment)
    if DATE_SEGMENT.match(segment.strip()):
        return True
    return len(key) >= 2 and any(key in name or (name in key and len(key) <= len(name) + 8) for name in names)


def headline_candidates(page, tags: dict, ld: dict, doc, names: set[str]) -> tuple[str, ...]:
    """The headlines the page states, best first: JSON-LD's, Open Graph, Twitter, the <h1>, the <title>; but
    when the page's <h1> is the last step of its breadcrumbs (a title for search engines), first the one that
    the article's own heading shows."""
    h1s = [h for h in page.iter("h1") if h.text_content().strip()]
    h1 = squeeze(h1s[0].text_content()) if h1s else ""
    found = (strip_site(clean(value), names) for value in (ld.get("headline"), tags.get("og:title"),
                                                            tags.get("twitter:title"), h1, page.findtext(".//title"),
                                                            doc.title))
    candidates = list(dict.fromkeys(t for t in found if t))
    if h1s and _in_navigation(h1s[0]):
        shown = _shown_headline(page, h1s[0], candidates)
        candidates.sort(key=lambda t: t != shown)
    return tuple(candidates)


def _in_navigation(element) -> bool:
    """Inside the page's navigation: a <nav>, or a breadcrumb trail by its class or label."""
    return any(a.tag == "nav" or "breadcrumb" in f"{a.get('class', '')} {a.get('aria-label', '')}".lower()
               for a in element.iterancestors())


SHOWN_HEADINGS = 3  # the article's heading is among the first headings after the breadcrumbs


def _shown_headline(page, seo_title, candidates: list[str]) -> str:
    """The candidate that the first headings after an SEO title in the breadcrumbs show, after any kicker
    ("Harbour works – Council backs the bridge ..."); "" if none does."""
    after = False
    headings = []
    for element in page.iter("h1", "h2"):
        if element is seo_title:
            after = True
        elif after and not _in_navigation(element) and element.text_content().strip():
            headings.append(_key(element.text_content()))
    for heading in headings[:SHOWN_HEADINGS]:
        for candidate in candidates:
            if len(_key(candidate)) > 20 and heading.endswith(_key(candidate)):
                return candidate
    return ""


def page_authors(ld: dict, tags: dict, doc) -> tuple[str, ...]:
    """The bylines: JSON-LD's authors (people or organisations), else trafilatura's, else <meta name=author>."""
    creator = clean(tags.get("dc.creator"))
    extracted = doc.author or ""
    if creator and _key(extracted) == _key(creator):  # trafilatura's author is the creator, split at its comma
        extracted = first_name_first(creator)
    for found in (ld_authors(ld.get("author")), split_names(extracted), split_names(tags.get("author", ""))):
        if found:
            return found
    return ()


def first_name_first(value: str) -> str:
    """Dublin Core creators, written surname first ("Brazil, Rachel; Doe, Jane"), as a byline names them
    ("Rachel Brazil; Jane Doe"). Only names that look personal turn round: not "dpa, AFP", not "Smith, Jr."."""
    names = []
    for part in clean(value).split(";"):
        match = INVERTED_NAME.match(part.strip())
        personal = match and all(_personal(word) for word in (match["family"], match["given"]))
        names.append(f"{match['given']} {match['family']}" if personal else part.strip())
    return "; ".join(names)


def _personal(word: str) -> bool:
    """A word that may be a person's name: capitalised, not all capitals, not a suffix such as "Jr."."""
    return word[:1].isupper() and not word.isupper() and word.rstrip(".").casefold() not in NAME_SUFFIXES


def ld_authors(value) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value] if value else []
    out: list[str] = []
    for item in items:
        if isinstance(item, dict):
            name = item.get("name") or " ".join(str(item.get(k, "")) for k in ("givenName", "familyName")).strip()
        else:
            name = item
        out.extend(split_names(clean(name)))
    return tuple(dict.fromkeys(out))


def split_names(value: str) -> tuple[str, ...]:
    """"A, B and C" -> (A, B, C); e-mail addresses, links and job titles ("Crime Reporter") dropped, a "By"
    taken off, "(abc)" initials removed, and the place a byline of full names was filed from ("A Roe and B
    Doe, Kisumu")."""
    value, names = clean(value), []
    for part in NAME_SPLIT.split(value):
        part = LEADING_BY.sub("", squeeze(re.sub(r"\([^)]*\)", "", part)).strip(" .-"))
        if part and not NOT_A_NAME.search(part) and not JOB.search(part) and any(ch.isalpha() for ch in part):
            names.append(part)
    if len(names) > 1 and _filed_from(names[-1], value) and all(len(name.split()) > 1 for name in names[:-1]):
        names.pop()
    unique = {_key(name): name for name in reversed(names)}  # "Sophie Foster" and its slug "Sophie-Foster"
    return tuple(dict.fromkeys(unique[_key(name)] for name in names))


def _filed_from(part: str, byline: str) -> bool:
    """One capitalised word after a comma closing a byline of full names: the place it was filed from, not a
    wire service ("A Roe and B Doe, Kisumu")."""
    after_comma = re.search(rf"[,;]\s*{re.escape(part)}\W*$", byline) is not None
    return after_comma and len(part.split()) == 1 and part[:1].isupper() and not part.isupper() and not agency(part)


def page_date(ld: dict, tags: dict, doc) -> str:
    """The publication day (YYYY-MM-DD) as the page writes it: JSON-LD, then meta tags, then trafilatura."""
    for value in (ld.get("datePublished"), tags.get("article:published_time"), tags.get("og:article:published_time"),
                  tags.get("date"), tags.get("dc.date"), tags.get("dcterms.created"), ld.get("dateCreated"),
                  doc.date):
        match = ISO_DAY.match(clean(value)) if isinstance(value, str) else None
        if match:
            return match.group(1)
    return ""


def page_lang(page, tags: dict) -> str:
    """The page's language tag (<html lang>, og:locale, Content-Language), as `de` or `en-GB`; "" if none."""
    for value in (page.get("lang"), page.get("{http://www.w3.org/XML/1998/namespace}lang"), tags.get("og:locale"),
                  tags.get("content-language"), tags.get("language")):
        match = LANG_TAG.match((value or "").strip())
        if match:
            base, region = match.group(1).lower(), match.group(2)
            return f"{base}-{region.upper() if len(region) == 2 else region}" if region else base
    return ""


def page_keywords(ld: dict, tags: dict, doc) -> tuple[str, ...]:
    value = ld.get("keywords") or tags.get("news_keywords") or tags.get("keywords") or ",".join(doc.tags or [])
    items = value if isinstance(value, list) else str(value).split(",")
    words = [clean(str(item)) for item in items]
    return tuple(dict.fromkeys(w for w in words if w and len(w) <= 60))[:MAX_KEYWORDS]


# --- pruning ---------------------------------------------------------------------------------

CAPTIONS = "//figcaption"
EMBEDS = ("//blockquote[contains(@class, 'tweet') or contains(@class, 'instagram') or contains(@class, 'tiktok')"
          " or contains(@class, 'bluesky') or contains(@class, 'threads-post') or contains(@class, 'embed')]")


RULE_MARK = "⁂⁂⁂"  # where the page drew a rule (<hr>) between two of the TEXT_BOXES
TEXT_BOXES = "self::p or self::figure or self::blockquote or self::ul or self::ol"


ENTRY_HEADING = ("h2", "h3", "h4", "h5", "h6")


def entry_times(page) -> None:
    """A live blog's entry time, set in a box of its own over the entry's heading ("16:45 Uhr" over "Level
    at 5.62 metres"), which the extractor drops: put before the heading's words ("16:45 Uhr · Level ...")."""
    for time in list(page.iter("time")):
        text = squeeze(time.text_content())
        box = time.getparent()
        if not text or len(text.split()) > 4 or box is None or squeeze(box.text_content()) != text:
            continue
        heading = box.getnext()
        if heading is not None and heading.tag in ENTRY_HEADING and heading.text_content().strip():
            heading.text = f"{text} · {heading.text or ''}"
            box.drop_tree()


def prune(page) -> list[Dropped]:
    """Take out what is never body text before the extractor sees the page: captions (read apart
    beforehand), <template> content (which a browser never shows), icons drawn in SVG (the extractor moved
    the text after one, in a link or a line, out of its place) and social-media posts embedded as quotations
    (recorded as dropped)."""
    for el in page.xpath("//figure[.//table][not(.//img)]/figcaption"):  # a table's title: a line over it
        el.tag = "p"
    for el in page.xpath(CAPTIONS + " | //template"):  # a <template> is never shown
        el.drop_tree()
    for el in page.xpath("//svg"):  # an icon: the extractor moves the text after one (in a link, in a line)
        if el.getparent() is not None:
            el.drop_tree()
    for el in page.xpath(f"//body//hr[preceding-sibling::*[1][{TEXT_BOXES}]][following-sibling::*[1][{TEXT_BOXES}]]"
                         "[not(ancestor::blockquote or ancestor::li or ancestor::td or ancestor::th)]"):
        marker = el.makeelement("p")  # the extractor drops rules: mark one as a paragraph of its own
        marker.text, marker.tail = RULE_MARK, el.tail
        el.getparent().replace(el, marker)
    entry_times(page)
    for el in page.xpath("//body//aside[not(ancestor::aside)]"):  # named a story box if outside an <article>
        if editorial_box(el) and (el.xpath("ancestor::article") or STORY_BOX.search(_names(el))):
            el.tag = "section"  # the extractor leaves every <aside> out: let it read this one in its place
    dropped = []
    for el in page.xpath(EMBEDS):
        dropped.append(Dropped(squeeze(el.text_content()), "social media embed"))
        el.drop_tree()
    return dropped


ASIDE_WORDS = 5  # a box beside the text shorter than this (a share bar, a label) is not worth recording
BOX_WORDS = 12  # an editorial box says at least this much
PAGE_BOX = re.compile(r"\b(?:ads?|advert|promo|newsletter|related|recirculation|teaser|share|social|sponsor|widget"
                      r"|sidebar|popular|trending|tags?|more|next|latest|toast|cmp|popup|byline|meta|author|date"
                      r"|comments?|embed|pull ?quote|affiliate|disclaimer|subscri|paywall|signup|cta)", re.I)


STORY_BOX = re.compile(r"\b(?:info ?box|fact ?box|key ?points|summary|explainer|encadre|info ?kasten)\b", re.I)


def _names(el) -> str:
    """What the page calls an element: its class, id, test and ARIA names, words apart ("fact box", not "fact-box")."""
    return re.sub(r"[-_]", " ", " ".join(el.get(name, "") for name in ("class", "id", "data-cy", "aria-label", "role")))


def editorial_box(el) -> bool:
    """A box the newsroom set beside the story (key points, an explainer, a fact box), not the page's: it
    is headed, or holds a list or paragraphs, says enough, is hardly links, and is named for none of the
    page's furniture (teasers, sign-ups, share bars, bylines, pull quotes)."""
    words = _box_words(el)
    linked = len(_words_of(el.xpath(".//a//text()")))
    shaped = el.xpath(".//h2 | .//h3 | .//h4 | .//h5 | .//ul | .//ol | .//dl") or len(el.xpath(".//p")) >= 2
    if el.xpath(".//form | .//input | .//button | .//select | .//textarea"):
        return False  # a sign-up box, a poll
    return bool(shaped) and len(words.split()) >= BOX_WORDS and linked < 0.3 * len(words) \
        and not PAGE_BOX.search(_names(el))


def asides(page) -> list[str]:
    """The texts of the boxes set beside the article's text (<aside> in the <article>): the extractor leaves
    them out without a word, so the reader records those it did not keep."""
    texts = (_box_words(el) for el in page.xpath("//article//aside[not(ancestor::aside)]"))
    return [t for t in texts if len(t.split()) >= ASIDE_WORDS]


def unextracted(boxes: list[str], body) -> list[Dropped]:
    """The boxes whose opening words the extracted text does not hold, recorded as dropped."""
    kept = _words_of(body.itertext())
    return [Dropped(box, "box beside the text") for box in boxes if " ".join(box.split()[:ASIDE_WORDS]) not in kept]


def _box_words(el) -> str:
    """The words a box shows, scripts and styles aside."""
    return _words_of(el.xpath(".//text()[not(ancestor::script or ancestor::style)]"))


def _words_of(texts) -> str:
    """Text nodes as one line of words, each space and line break between them one space."""
    return " ".join(" ".join(texts).split())


def mend_spaces(body, page_text: str) -> None:
    """Put back the space after an element that opens its box ("<div><b>Jane Roe</b> is a ..."), which the
    extractor trims, running the words together ("Roeis"): where the page has the two words apart, and
    nowhere together."""
    for el in body.iter("hi", "ref"):
        before, after = LAST_WORD.search("".join(el.itertext())), FIRST_WORD.match(el.tail or "")
        if before and after:
            apart, together = f"{before[0]} {after[0]}", before[0] + after[0]
            if apart in page_text and together not in page_text:
                el.tail = " " + el.tail


# --- subheadings the extractor dropped --------------------------------------------------------


def page_headings(page) -> dict[str, Heading]:
    """For each <h2> to <h6> followed on the page by a paragraph: that paragraph's opening -> the heading
    (live blogs set their entries' times and titles in <h5>)."""
    found = {}
    for el in page.iter("h2", "h3", "h4", "h5", "h6"):
        text, after = squeeze(el.text_content()), el.getnext()
        if text and after is not None and after.tag == "p" and len(text.split()) <= HEADING_WORDS:
            found.setdefault(_opening(after.text_content()), Heading("", (Run(text),), min(int(el.tag[1]), 4)))
    return found


def restore_headings(blocks: list[Block], headings: dict[str, Heading]) -> list[Block]:
    """Put back a subheading the extractor left out before the paragraph it heads on the page.

    The extractor drops some pages' subheadings while keeping the paragraphs between them; a heading
    whose paragraph was kept is part of the text.
    """
    have = {_key(b.text) for b in blocks}  # kept already, perhaps as a paragraph
    out: list[Block] = []
    for block in blocks:
        heading = headings.get(_opening(block.text)) if isinstance(block, Paragraph) else None
        if heading is not None and _key(heading.text) not in have:
            out.append(heading)
            have.add(_key(heading.text))
        out.append(block)
    return out


def _opening(text: str) -> str:
    """A paragraph's first words, to find it again whatever the extractor did to its spaces."""
    return _key(text)[:60]


# --- captions from the page ------------------------------------------------------------------

REGEX_NS = "http://exslt.org/regular-expressions"
CAPTION_BOXES = ("//p[re:test(concat(@class, ' ', ../@class), "
                 "'caption|media-?info|image-?info|photo-?info|bildunterschrift', 'i')]")
CREDIT_CLASS = re.compile(r"credit|copyright|photographer|source|author|byline", re.I)
LOOSE_CAPTION_WORDS = 30  # a caption beside its picture, outside a <figure>, is at most this long
IMAGE_ATTRS = ("src", "data-src", "data-original", "data-lazy-src", "srcset", "data-srcset")


def figure_captions(page) -> dict[str, list[tuple[str, str]]]:
    """Image URL -> (caption, credit) of each <img> with that URL, in page order: ("", "") outside a <figure>
    with a <figcaption>, so the same picture used twice takes each caption in turn."""
    out: dict[str, list[tuple[str, str]]] = {}
    for img in page.iter("img"):
        figure = next((a for a in img.iterancestors("figure")), None)
        caption = figure.find(".//figcaption") if figure is not None else None
        pair = split_caption(caption) if caption is not None else ("", "")
        sources = [img] + ([s for s in figure.iter("source")] if figure is not None else [])
        urls = {url.strip().split(" ")[0] for el in sources for attr in IMAGE_ATTRS
                for url in (el.get(attr) or "").split(",")}
        for url in urls - {""}:
            out.setdefault(url, []).append(pair)
    return out


def loose_captions(page) -> frozenset[str]:
    """The text (_key) of each short paragraph alone beside a described picture in a box holding nothing else,
    and of each short paragraph in a box its class calls a picture's caption ("mediaInfo", "image-caption")."""
    found = {_key(p.text_content()) for p in page.xpath(CAPTION_BOXES, namespaces={"re": REGEX_NS})
             if len(p.text_content().split()) <= LOOSE_CAPTION_WORDS}
    for img in page.iter("img"):
        if not img.get("alt") or (img.get("src") or "").endswith(".svg"):  # icons and spacers have no caption
            continue
        box = next((a for a in img.iterancestors("div", "span") if a.find(".//p") is not None), None)
        paragraphs = box.findall(".//p") if box is not None else []
        if len(paragraphs) != 1 or len(paragraphs[0].text_content().split()) > LOOSE_CAPTION_WORDS:
            continue
        if _key(box.text_content()) == _key(paragraphs[0].text_content()):  # the box says nothing else
            found.add(_key(paragraphs[0].text_content()))
    return frozenset(found - {""})


def table_heads(page) -> dict[str, int]:
    """How many rows head each table of the page, by the letters of its first row: the rows of its <thead>,
    else its leading rows of header cells (the extractor keeps only the first row's header marks)."""
    heads = {}
    for table in page.iter("table"):
        rows = [row for row in table.iter("tr") if next(row.iterancestors("table"), None) is table]
        if not rows:
            continue
        count = sum(1 for row in rows if row.getparent().tag == "thead") or next(
            (index for index, row in enumerate(rows) if not heading_row(row)), len(rows))
        heads.setdefault(_key(" ".join(rows[0].itertext())), min(count, len(rows) - 1))
    return heads


@dataclass(frozen=True)
class Grid:
    """A page table laid out as its rows show it: each place's cell letters ("" inside a merged cell but at
    its top left), and the merged cells as (row, column, rows, columns)."""

    keys: tuple[tuple[str, ...], ...]
    spans: tuple[tuple[int, int, int, int], ...]


def table_spans(page) -> dict[str, Grid]:
    """The grid of each page table that merges cells, by the letters of all its cells (the extractor keeps a
    merged cell's text in its first place and leaves the others empty, but keeps no spans)."""
    grids = {}
    for table in page.iter("table"):
        rows = [[cell for cell in row if cell.tag in ("td", "th")] for row in table.iter("tr")
                if next(row.iterancestors("table"), None) is table]
        grid = _grid(rows)
        if grid and grid.spans:
            grids.setdefault(_grid_key(grid.keys), grid)
    return grids


def _grid_key(rows) -> str:
    """A table's key: the letters of all its cells, row by row (the page's and the extracted table's match)."""
    return "".join(key for row in rows for key in row)


def _grid(rows: list) -> Grid | None:
    places: dict[tuple[int, int], str] = {}
    spans = []
    for r, cells in enumerate(rows):
        c = 0
        for cell in cells:
            while (r, c) in places:
                c += 1
            down, across = (_span(cell.get(name)) for name in ("rowspan", "colspan"))
            down = min(down, len(rows) - r)
            for place in ((r + i, c + j) for i in range(down) for j in range(across)):
                places[place] = ""
            places[(r, c)] = _key(" ".join(cell.itertext()))
            if down * across > 1:
                spans.append((r, c, down, across))
            c += across
    if not places:
        return None
    width = max(c for _, c in places) + 1
    keys = tuple(tuple(places.get((r, c), "") for c in range(width)) for r in range(len(rows)))
    return Grid(keys, tuple(spans))


def _span(value) -> int:
    """A rowspan or colspan: a whole number from 1 to 100 (0 and nonsense count as 1)."""
    return min(int(value), 100) if value and value.strip().isdecimal() and int(value) > 0 else 1


def merged_cells(grid: Grid | None, rows: list[list[str]]) -> tuple[tuple[int, int, int, int], ...]:
    """The grid's merged cells, in the places of the extracted `rows` (cell letters, rows without text left
    out), when the rows are the grid's; else none."""
    if grid is None:
        return ()
    kept = [r for r, row in enumerate(grid.keys) if any(row)]
    if [list(grid.keys[r]) for r in kept] != rows:
        return ()
    spans = []
    for row, column, down, across in grid.spans:
        inside = [r for r in kept if row <= r < row + down]
        if inside and inside[0] == row:
            spans.append((kept.index(row), column, len(inside), across))
    return tuple(spans)


def heading_row(row) -> bool:
    """A row of header cells: some <th>, and no <td> that holds text (an empty corner cell is allowed)."""
    cells = [cell for cell in row if cell.tag in ("td", "th")]
    return any(cell.tag == "th" for cell in cells) and all(
        cell.tag == "th" for cell in cells if "".join(cell.itertext()).strip())


def split_caption(caption) -> tuple[str, str]:
    """A <figcaption>'s caption text and its credit (a child whose class names a credit or copyright)."""
    credits = [el for el in caption.iter() if isinstance(el.tag, str) and el is not caption
               and CREDIT_CLASS.search(el.get("class", "") + " " + el.get("itemprop", ""))]
    credit = " ".join(squeeze(el.text_content()) for el in credits if el.text_content().strip())
    text = squeeze(caption.text_content())
    if credit and text.endswith(credit):
        text = text[: -len(credit)].strip()
    return text, credit


# --- the body ---------------------------------------------------------------------------------


@dataclass
class Walker:
    """Walks trafilatura's XML body (p, head, quote, list, graphic, table) into model blocks."""

    captions: dict[str, list[tuple[str, str]]]
    heads: dict[str, int] = field(default_factory=dict)  # see table_heads
    grids: dict[str, Grid] = field(default_factory=dict)  # see table_spans
    seen: dict[str, int] = field(default_factory=dict)  # how many times each picture was met
    blocks: list[Block] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)

    def children(self, element) -> None:
        for child in element:
            self.element(child)

    def element(self, el) -> None:
        handler = BLOCK_HANDLERS.get(el.tag)
        if handler is None:
            runs = inline(el)
            if plain_text(runs):
                self.blocks.append(Paragraph("", runs))
            return
        handler(self, el)

    def paragraph(self, el) -> None:
        for child in el.findall("graphic"):
            self.graphic(child)
        runs = inline(el, skip=("graphic",))
        if plain_text(runs):
            self.blocks.append(Paragraph("", runs))

    def heading(self, el) -> None:
        runs = inline(el)
        if plain_text(runs):
            level = int(re.sub(r"\D", "", el.get("rend", "")) or 2)
            self.blocks.append(Heading("", plain_runs(runs), max(1, min(level, 6))))

    def quote(self, el) -> None:
        parts = [inline(p) for p in el.iter("p")] if el.find(".//p") is not None else [inline(el)]
        parts = [p for p in parts if plain_text(p)]
        if parts:
            self.blocks.append(Blockquote("", tuple(parts)))

    def list(self, el) -> None:
        made = list_block(list_items(el), el.get("rend") == "ol")
        if made:
            self.blocks.append(made)

    def graphic(self, el) -> None:
        src, alt = (el.get("src") or "").strip(), clean(el.get("alt") or "")
        caption, credit = self.caption_of(src)
        caption = caption or clean(el.get("title") or "")
        if not src:
            return
        if not is_local(src):
            self.dropped.append(Dropped(alt if src.startswith("data:") else src, "remote image"))
            return
        self.blocks.append(Image("", src, alt or caption, caption, credit))

    def caption_of(self, src: str) -> tuple[str, str]:
        """The caption of the picture at `src`: its one caption on the page, or, when the page gives the same
        picture different captions, the next of them in page order."""
        pairs = self.captions.get(src, [])
        distinct = list(dict.fromkeys(p for p in pairs if any(p)))
        if len(distinct) <= 1:
            return distinct[0] if distinct else ("", "")
        turn = self.seen[src] = self.seen.get(src, -1) + 1
        return pairs[min(turn, len(pairs) - 1)]

    def code(self, el) -> None:
        """Program text (a <pre> on the page), its lines and spaces kept."""
        text = el.xpath("string()").strip("\n")
        if text.strip():
            self.blocks.append(Code("", text))

    def table(self, el) -> None:
        """A table; short rows are filled out with empty cells. Its heading rows are those the page marks
        (table_heads); for a table not found there, its first row when every cell of it with text is a head."""
        rows = [[(inline(cell), cell.get("role") == "head") for cell in row.findall("cell")]
                for row in el.findall("row")]
        rows = [row for row in rows if any(plain_text(runs) for runs, _ in row)]
        if not rows:
            return
        columns = max(len(row) for row in rows)
        cells = tuple(runs for row in rows for runs, _ in row + [((), False)] * (columns - len(row)))
        header = int(all(head for runs, head in rows[0] if plain_text(runs)))
        header = self.heads.get(_key(" ".join(plain_text(runs) for runs, _ in rows[0])), header)
        keys = [[_key(plain_text(runs)) for runs in cells[i:i + columns]] for i in range(0, len(cells), columns)]
        spans = merged_cells(self.grids.get(_grid_key(keys)), keys)
        made = table_block(cells, columns, header, spans=spans)
        (self.dropped if isinstance(made, Dropped) else self.blocks).append(made)


BLOCK_HANDLERS = {"p": Walker.paragraph, "head": Walker.heading, "quote": Walker.quote, "list": Walker.list,
                  "graphic": Walker.graphic, "table": Walker.table, "code": Walker.code, "div": Walker.children,
                  "lb": lambda walker, el: None}




def list_items(el, depth: int = 0) -> list[tuple[Runs, int, bool]]:
    """A list's items in reading order, a nested list's after the item holding it: (runs, depth, numbered)."""
    items: list[tuple[Runs, int, bool]] = []
    for item in el.findall("item"):
        items.append((inline(item, skip=("list",)), depth, el.get("rend") == "ol"))
        for nested in item.findall("list"):
            items.extend(list_items(nested, depth + 1))
    return items


# --- inline runs -----------------------------------------------------------------------------

FORMAT = {"#i": "emphasis", "#b": "strong", "#em": "emphasis", "#strong": "strong"}


def inline(el, skip: tuple[str, ...] = ()) -> Runs:
    """The runs of an element's text: hi -> emphasis/strong, ref -> link; whitespace squeezed."""
    pieces: list[Run] = []
    _collect(el, pieces, {"emphasis": False, "strong": False, "href": ""}, skip)
    return merge(pieces)


def _collect(el, out: list[Run], style: dict, skip: tuple[str, ...]) -> None:
    """Append the runs of `el`'s text and children (but not its tail) in `style`."""
    _text(el.text, out, style)
    for child in el:
        if child.tag == "lb":  # a <br>: an address, a poem's lines, a question and its answer
            out.append(LINE_BREAK)
        elif child.tag == "p" and child.tag not in skip:  # paragraphs inside a table cell or a list item
            out.append(LINE_BREAK)
            _collect(child, out, style, skip)
        elif child.tag not in skip and child.tag != "del":
            _collect(child, out, _style(child, style), skip)
        _text(child.tail, out, style)


def _style(el, style: dict) -> dict:
    """The style inside `el`: hi adds emphasis or strong, ref sets the link."""
    inner = dict(style)
    if el.tag == "hi" and el.get("rend") in FORMAT:
        inner[FORMAT[el.get("rend")]] = True
    if el.tag == "ref":
        inner["href"] = (el.get("target") or "").strip() or NO_TARGET  # kept raw for the rules; see web_links
    return inner


def _text(text, out: list[Run], style: dict) -> None:
    if text:
        out.append(Run(text, style.get("emphasis", False), style.get("strong", False), style.get("href", "")))


NO_TARGET = "#"


def web_link(target: str) -> str:
    """A link kept only when it points to the web or to an address (relative links lead nowhere in a clipping)."""
    target = target.strip()
    return target if re.match(r"^(https?://\S+|mailto:\S+@\S+)$", target) else ""


def web_links(block: Block) -> Block:
    """The block with links that lead nowhere from a clipping (relative, empty, javascript:) made plain text."""
    return map_runs(block, lambda runs: merge([dataclasses.replace(r, href=web_link(r.href)) for r in runs]))


def plain_text(runs: Runs) -> str:
    return "".join(r.text for r in runs).strip()


def plain_runs(runs: Runs) -> Runs:
    """Runs with emphasis and strong removed (a heading is styled by its level), links kept."""
    return merge([Run(r.text, href=r.href) for r in runs])


# --- rules over the blocks ------------------------------------------------------------------

CREDIT_MARK = re.compile(r"(?:^|[\s(])(?:Fotos?|Photos?|Bild|Credit|Image credit|Crédit|Crédito|Foto/Video)\s?:"
                         r"|^Images?\s?:"
                         r"|\((?:AP|AFP|Reuters|Getty|dpa|EPA)\b[^)]*\)$|Getty Images$", re.I)
AGENCY_CREDIT = re.compile(r"^(?:[-\u2013\u2014]\s*)?(?:with files from|with reporting by|additional reporting by"
                           r"|mit material (?:von|der)|mit agenturmaterial|mit dpa|con información de|avec agences?)\b"
                           r"|contributed (?:reporting )?to this report\.?$"
                           r"|^(?:agencies|agences|agenturen|agencias|wire services)\.?$", re.I)
APPEAL_HEADING = re.compile(  # a box asking for money or subscriptions, under a heading that says so
    r"\b(?:support (?:independent|our|quality) journalism|journalism (?:needs|depends on) (?:your|you)"
    r"|(?:unabhängiger|guter) journalismus braucht|unterstützen sie (?:unabhängigen|unseren) journalismus"
    r"|apoya (?:el )?periodismo|soutenez (?:le )?journalisme)", re.I)
CALL_TO_ACTION = re.compile(r"\b(?:sign up|newsletters?|subscribe|get in touch|follow us|jetzt melden|abonnieren"
                            r"|fehler gefunden|suscr[íi]bete|abonnez-vous|inscrivez-vous)\b", re.I)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
SELF_PROMOTION = re.compile(  # the publisher speaking of its own site and goods
    r"\b(?:our|unsere[nmrs]?|notre|nos|nuestr[oa]s?) (?:website|homepage|home page|site|seite|newsletters?|app|"
    r"podcasts?|journalism|journalismus|journalisme|periodismo)\b", re.I)
BIDDING = re.compile(r"^(?:click|tap|sign up|subscribe|download|find out more|read more|watch|listen|"
                     r"klicken sie|hier klicken|cliquez|haga clic|pulse)\b", re.I)
IN_TEXT_CAPTION = re.compile(r"\b(?:from left|left to right|von links(?: nach rechts)?|v\.\s?l\.(?:\s?n\.\s?r\.)?|"
                             r"de gauche à droite|de izquierda a derecha)\s*:", re.I)
SPEC = re.compile(r"^[A-ZÀ-Þ][\w ]{1,20}:\s*\S*\d")  # "Weight: 1.2 kg", "Price: £1,299"
JOB = re.compile(rf"\b(?:{lines.JOBS})\b", re.I)
LEADING_BY = re.compile(r"^by\s+", re.I)  # only the English word: "Von der Leyen", "Di Maio" are names
BYLINE_START = re.compile(r"^(?:by|von|par|por|di|door|text:|text von)\s", re.I)
CLOSERS = "\"'”’“‘»«›‹)"
SENTENCE_END = re.compile(rf"[.!?:;…{CLOSERS}]$")
TEXT_END = re.compile(rf"[.!?…][{CLOSERS}]*$")
PERIOD_END = re.compile(rf"\.[{CLOSERS}]*$")
CREDIT_WORDS = 40   # a closing credit to the wire services is at most this long
APPEAL_WORDS = 25   # an appeal to the reader (sign up, write to us) is at most this long
APPEAL_BOX_BLOCKS = 5  # a box asking for the reader's support holds at most this many blocks
LABEL_REASONS = {"widget label", "teaser label", "video label", "audio player", "share buttons", "advertisement",
                 "punctuation", "gallery counter", "countdown", "embed notice", "legal notice", "comment policy",
                 "feedback widget", "disclaimer", "subscription offer", "support appeal", "comment link",
                 "image button", "paywall notice", "newsletter offer"}
TAIL_REASONS = {"legal notice", "call to action", "update note"}  # longer than an appeal, still small print there
PROMO_PRODUCTS = 2   # below the text, a line (not a sentence) naming this many of the publisher's goods sells them
CAPTION_WORDS = 50   # a photo credit line is at most this long
NOTE_WORDS = 80      # a note about the author at the foot of the article is at most this long
NOTE_NAME_WORDS = 15  # ... and names the author within this many words when it does not open with the name
BYLINE_WORDS = 12    # a byline is at most this long
NAV_WORDS = 5        # before the text, a list of labels this short is navigation
FRAGMENT_WORDS = 3   # a loose line of this many words, not a sentence, is page furniture
LINKED_SHARE = 0.7   # a block this much inside links is a teaser for another page
LINKED_ITEM_SHARE = 0.5  # a list each of whose items is this much inside links is a list of teasers
PULL_QUOTE_WORDS = 6
STANDFIRST_WORDS = 10  # a heading before the text this long is the standfirst
SAME_STANDFIRST = 0.8  # a leading paragraph this similar to the page's description is the standfirst shown
DATELINE_LETTERS = 12  # ... unless it is longer by more than a dateline ("Hamburg."): then it is the lede
EXCERPT_LETTERS = 30  # a description that opens the lead with this many letters, and stops short, is an excerpt
WHOLE_LEAD_LETTERS = 60  # ... as is one holding a whole lead paragraph of this many letters (not a line), and more
SITE_NAME_WORDS = 5  # after the headline and a separator, a site's name is at most this long
HEADING_WORDS = 20   # a line in bold (or alone between paragraphs) of at most this many words is a subheading


@dataclass
class Context:
    """What the rules compare blocks with."""

    headlines: set[str]  # every headline the page states, reduced to its letters and digits (_key)
    dek: str
    authors: tuple[str, ...]
    paragraphs: list[str]
    captions: frozenset[str] = frozenset()  # captions set beside a picture, not in a <figure> (_key)
    tail: frozenset[int] = frozenset()  # id() of the blocks after the last long paragraph
    notes: frozenset[int] = frozenset()  # id() of the notes about the author at the foot of the article
    dek_shown: bool = False  # the page's standfirst was found above the text already (set as the rules go)
    top: frozenset[int] = frozenset()  # id() of the blocks above the first long paragraph, where a byline stands
    nameless: bool = False  # the page's metadata names no person as its author
    facts: frozenset[int] = frozenset()  # id() of the rows of a fact box ("Zuschauer: 4.850"), see fact_rows


class Ruled(NamedTuple):
    """What the rules make of the blocks."""

    kept: list[Block]
    dropped: list[Dropped]
    bylines: list[str]  # the bylines dropped above the text, which name the authors of a page whose metadata does not


def section_breaks(blocks: list[Block]) -> list[Block]:
    """A row of stars ("* * *") between two long paragraphs, or a rule the page drew between two blocks of the
    text, is a break between the article's parts; a rule at either end of the text is the page's decoration."""
    out = list(blocks)
    for i, block in enumerate(blocks):
        text = block.text.strip() if isinstance(block, Paragraph) else ""
        inside = 0 < i < len(blocks) - 1
        if (text == RULE_MARK and inside) or (SECTION_BREAK.match(text) and inside and _long(blocks[i - 1])
                                                and _long(blocks[i + 1])):
            out[i] = Rule("")
        elif text == RULE_MARK:
            out[i] = None
    return [block for block in out if block is not None]


def dangling_rules(blocks: list[Block]) -> list[Block]:
    """The breaks that still stand between two blocks of the text, once what the rules dropped is gone."""
    return [block for i, block in enumerate(blocks) if not isinstance(block, Rule) or (
        0 < i < len(blocks) - 1 and not isinstance(blocks[i + 1], Rule))]


def apply_rules(blocks: list[Block], found: PageMeta, captions: frozenset[str] = frozenset()) -> Ruled:
    """Each block kept, or dropped with the name of the first rule that matches it; then headings of nothing,
    and boxes asking for the reader's support."""
    blocks = subheadings(blocks)
    persons = person_authors(found.authors, found.publication)
    authors = tuple(fold(a) for a in found.authors if len(a) > 3)
    notes = author_notes(blocks, tuple(fold(a) for a in persons))
    ctx = Context({_key(h) for h in found.headlines if h}, fold(found.dek), authors,
                  [fold(b.text) for b in blocks if isinstance(b, Paragraph)], captions, tail(blocks, notes), notes,
                  top=head(blocks), nameless=not persons, facts=fact_rows(blocks))
    reasons: list[str] = []
    for block in blocks:
        leading = not any(isinstance(b, (Paragraph, ListBlock)) and not r for b, r in zip(blocks, reasons))
        reasons.append(first_reason(block, ctx, leading))
        ctx.dek_shown = ctx.dek_shown or reasons[-1] == "repeated standfirst"
    for index, block in enumerate(blocks):
        if isinstance(block, Heading) and not reasons[index]:
            reasons[index] = heading_rule(blocks, reasons, index)
    appeal_boxes(blocks, reasons)
    kept = [web_links(_level(b)) for b, r in zip(blocks, reasons) if not r]
    bylines = [b.text for b, r in zip(blocks, reasons) if r == "byline" and id(b) in ctx.top]
    return Ruled(kept, [Dropped(b.text, r) for b, r in zip(blocks, reasons) if r], bylines)


FACT = re.compile(r"^[A-ZÀ-Þ][\w .'/-]{1,24}:\s+\S")  # "Zuschauer: 4.850", "Referees: Huber, Lindner"
FACT_ROWS = 2  # this many "Label: value" lines in a row under a heading or a lead-in are a fact box


def fact_rows(blocks: list[Block]) -> frozenset[int]:
    """The id() of the lines of fact boxes: runs of "Label: value" paragraphs under a title ("Match facts:"); a
    run with none ("Tags: ...", "Reading time: ...") is the page's."""
    rows: set[int] = set()
    run: list[Block] = []
    for index, block in enumerate([*blocks, None]):
        if isinstance(block, Paragraph) and FACT.match(block.text):
            run.append(block)
            continue
        start = index - len(run)
        titled = start > 0 and (isinstance(blocks[start - 1], Heading) or blocks[start - 1].text.endswith(":"))
        if len(run) >= FACT_ROWS and titled:
            rows |= {id(row) for row in run}
        run = []
    return frozenset(rows)


def _long(block: Block) -> bool:
    """A paragraph longer than an appeal to the reader: the article's own text."""
    return isinstance(block, Paragraph) and len(block.text.split()) > APPEAL_WORDS


def tail(blocks: list[Block], notes: frozenset[int] = frozenset()) -> frozenset[int]:
    """The blocks after the article's last long paragraph (by id()), not counting notes about the author nor
    the publisher's long appeal for its own site and newsletters."""
    last = max((i for i, b in enumerate(blocks) if _long(b) and id(b) not in notes
                and not (line_reason(b.text) == "call to action" and SELF_PROMOTION.search(b.text))),
               default=len(blocks))
    return frozenset(id(b) for b in blocks[last + 1:])


def head(blocks: list[Block]) -> frozenset[int]:
    """The blocks above the article's first long paragraph (by id()); none when it has no long paragraph."""
    first = next((i for i, b in enumerate(blocks) if _long(b)), 0)
    return frozenset(id(b) for b in blocks[:first])


def author_notes(blocks: list[Block], persons: tuple[str, ...]) -> frozenset[int]:
    """The notes about the author that close the article (by id()): walking up from the foot, past short
    lines (a credit, a label), to a paragraph opening with an author's full name ("Jane Roe is a professor
    of ..."); with it, the paragraphs next to it that name the author with a trade ("A veteran reporter,
    Jane has covered ...")."""
    found = None
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if isinstance(block, Paragraph) and _note(block.text, persons, opening=True):
            found = index
            break
        if _long(block) and not (isinstance(block, Paragraph) and _note(block.text, persons, opening=False)):
            break
    if found is None:
        return frozenset()
    notes = {found}
    for step in (1, -1):
        index = found + step
        while 0 <= index < len(blocks) and isinstance(blocks[index], Paragraph) and \
                _note(blocks[index].text, persons, opening=False):
            notes.add(index)
            index += step
    return frozenset(id(blocks[i]) for i in notes)


def _note(text: str, persons: tuple[str, ...], opening: bool) -> bool:
    """A note about an author: with `opening`, one opening with the author's full name and saying more, not
    as a story's sentence does ("Jane Roe, who ..., said"); else one naming the author (full name, given name
    or surname) in its first words, with a trade."""
    words = text.split()
    if not persons or len(words) > NOTE_WORDS or _key(text) in {_key(name) for name in persons}:  # a signature
        return False
    if opening:
        folded = fold(text)
        opens = any(folded.startswith(name) and not folded[len(name):].lstrip().startswith(",") for name in persons)
        return opens and not REPORTED.search(text)
    early = {w.strip(".,;:()") for w in fold(" ".join(words[:NOTE_NAME_WORDS])).split()}
    named = any(part in early for name in persons for part in name.split() if len(part) > 2)
    return named and JOB.search(text) is not None


def appeal_boxes(blocks: list[Block], reasons: list[str]) -> None:
    """A heading asking for the reader's support ("Independent journalism needs you") and its short section,
    which ends in a call to action: the box goes whole. A section without a call to action is left alone."""
    for index, block in enumerate(blocks):
        if not isinstance(block, Heading) or not APPEAL_HEADING.search(block.text):
            continue
        end = next((j for j in range(index + 1, len(blocks))
                    if isinstance(blocks[j], Heading) and blocks[j].level <= block.level), len(blocks))
        said = [j for j in range(index + 1, end) if not reasons[j] or reasons[j] == "call to action"]
        if said and len(said) <= APPEAL_BOX_BLOCKS and reasons[said[-1]] == "call to action":
            for j in range(index, end):
                reasons[j] = reasons[j] or "appeal"


def first_reason(block: Block, ctx: Context, leading: bool) -> str:
    """The name of the first rule that drops `block` (or the reason the rule gives), else ""."""
    for name, rule in BLOCK_RULES:
        if said := rule(block, ctx, leading):
            return said if isinstance(said, str) else name
    return ""


def heading_rule(blocks: list[Block], reasons: list[str], index: int) -> str:
    """Why the heading at `index` goes: it heads teasers for other pages, or nothing that was kept."""
    after = list(zip(blocks[index + 1:], reasons[index + 1:]))
    if after and after[0][1] == "related link" and (isinstance(after[0][0], ListBlock)
                                                    or (len(after) > 1 and after[1][1] == "related link")):
        return "related links heading"
    for block, reason in after:
        if isinstance(block, Heading) and not reason and block.level <= blocks[index].level:
            break
        if not reason and not isinstance(block, Heading):
            return ""
    return "empty section"


def repeated_headline(block, ctx: Context, leading: bool) -> bool:
    """Before the text: the headline again, whatever its punctuation, behind a kicker ("Umbau: Headline") or
    before the site's name ("Headline | Site"); or the page's own <h1>, a variant of it."""
    if not leading or not isinstance(block, (Heading, Paragraph)):
        return False
    key = _key(block.text)
    if key in ctx.headlines or (isinstance(block, Heading) and block.level == 1):
        return True
    first, *rest = SEPARATORS.split(block.text, maxsplit=1)
    if rest and len(rest[0].split()) <= SITE_NAME_WORDS and _key(first) in ctx.headlines:  # "Headline | WDR"
        return True
    return isinstance(block, Heading) and any(len(h) > 20 and key.endswith(h) for h in ctx.headlines)


def repeated_standfirst(block, ctx: Context, leading: bool) -> bool:
    """Before the text: the standfirst again, or a version of it behind a dateline ("Hamburg. ...", its last
    words perhaps different). A paragraph that opens as the page's description does is the lede, of which
    the description is an excerpt, as is one longer than the description by more than a dateline.
    """
    if not (leading and ctx.dek and isinstance(block, (Heading, Paragraph))):
        return False
    text, dek = _key(block.text), _key(ctx.dek)
    if text == dek:
        return True
    behind_dateline = not text.startswith(dek[:DATELINE_LETTERS * 2]) and len(text) <= len(dek) + DATELINE_LETTERS
    return len(dek) > 40 and behind_dateline and SequenceMatcher(None, text, dek).ratio() >= SAME_STANDFIRST


def standfirst(block, ctx: Context, leading: bool) -> bool:
    """Before the text: a long heading is the standfirst set large, not a section's heading (unless the page
    showed its standfirst already)."""
    return leading and not ctx.dek_shown and isinstance(block, Heading) and len(block.text.split()) >= STANDFIRST_WORDS


def author_note(block, ctx: Context, leading: bool) -> bool:
    """A note about the author at the foot of the article: the article's credits, printed after the text."""
    return id(block) in ctx.notes


def byline(block, ctx: Context, leading: bool) -> bool:
    """A short line naming the author ("By Jane Roe", "Jane Roe, Berlin"); above the text of a page whose
    metadata names no person, one that is only names, several or in capitals ("Jane Roe/John Doe", "JANE ROE")."""
    if not isinstance(block, (Heading, Paragraph)) or len(block.text.split()) > BYLINE_WORDS:
        return False
    if ctx.nameless and id(block) in ctx.top and _bare_byline(block.text):
        return True
    text = fold(block.text)
    return any(a in text for a in ctx.authors) or (BYLINE_START.match(text) is not None  # not "By then it ..."
                                                    and len(text.split()) <= BYLINE_WORDS // 2
                                                    and lines.byline(block.text.strip()) is not None)


def _bare_byline(text: str) -> bool:
    """Names alone: two or more, or one in capitals of whole words ("JANE ROE", not "PORT OF OAKLAND")."""
    names = names_only(text)
    return len(names) > 1 or len(names) == 1 and text.isupper() and all(len(w) > 2 for w in text.split())


def loose_caption(block, ctx: Context, leading: bool) -> bool:
    """The caption of a picture that stands in a box of its own rather than a <figure>."""
    return isinstance(block, (Paragraph, Heading)) and _key(block.text) in ctx.captions


def photo_credit(block, ctx: Context, leading: bool) -> bool:
    """A caption or credit line left in the text ("... Photo: Agency")."""
    return (isinstance(block, (Paragraph, Heading)) and len(block.text.split()) <= CAPTION_WORDS
            and CREDIT_MARK.search(block.text.strip()) is not None)


def related_link(block, ctx: Context, leading: bool) -> bool:
    """A teaser for another page: the block (each item of a list) is mostly link text."""
    if isinstance(block, ListBlock):
        return all(_linked(item) >= LINKED_ITEM_SHARE for item in block.items)
    if isinstance(block, (Paragraph, Heading)):
        return _linked(block.runs) >= LINKED_SHARE and not PERIOD_END.search(block.text)
    return False


def _linked(runs: Runs) -> float:
    total = sum(len(r.text.strip()) for r in runs)
    return sum(len(r.text.strip()) for r in runs if r.href and not r.href.startswith("mailto:")) / max(1, total)


def pull_quote(block, ctx: Context, leading: bool) -> bool:
    """A quotation repeated from the text (a pull quote): the text holds it already."""
    if not isinstance(block, Blockquote):
        return False
    text = fold(block.text)
    quoted = [text] + re.findall(r'"([^"]+)"', text)
    keys = [_words(q) for q in quoted if len(q.split()) >= PULL_QUOTE_WORDS]
    return any(key in _words(p) for key in keys for p in ctx.paragraphs)


def _words(text: str) -> str:
    """Text reduced to its words, for finding one passage inside another whatever the punctuation."""
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def fragment(block, ctx: Context, leading: bool) -> bool:
    """A loose word or two that is not a sentence ("Comments", "Audio", a place name, "Privacy Policy."); in the
    text, a short sentence ("Not here.") or a figure given by name ("Weight: 1.2 kg") is the story's."""
    if not isinstance(block, (Paragraph, ListBlock)):
        return False
    text = block.text.strip()
    inside = not leading and id(block) not in ctx.tail
    if RATING.match(text) or id(block) in ctx.facts or inside and (
            TEXT_END.search(text) and text[:1].isupper() or SPEC.match(text)):
        return False  # "★★★★☆", a review's verdict, a fact box's "Zuschauer: 4.850"
    words = len(text.split())
    return words < FRAGMENT_WORDS or (words == FRAGMENT_WORDS and not SENTENCE_END.search(text))


def navigation(block, ctx: Context, leading: bool) -> bool:
    """Before the text: a list of a few short labels, not sentences (a breadcrumb trail, section links)."""
    return leading and isinstance(block, ListBlock) and all(
        len(plain_text(item).split()) <= NAV_WORDS and not TEXT_END.search(plain_text(item)) for item in block.items)


def agency_credit(block, ctx: Context, leading: bool) -> bool:
    """A closing credit to the wire services or contributors ("With files from ...", "Mit Material von dpa")."""
    return (isinstance(block, (Paragraph, Heading)) and len(block.text.split()) <= CREDIT_WORDS
            and AGENCY_CREDIT.search(block.text.strip()) is not None)


def call_to_action(block, ctx: Context, leading: bool) -> bool:
    """A short appeal to the reader (sign up, subscribe, write to us, report an error), not the story: one
    opening as an appeal does and offering the publisher's goods ("Sign up for breaking news") anywhere;
    another, in the text, only when it is no sentence (a sentence may be the story's own words), and below
    the text only a sentence that speaks to the reader ("write to us", not "... get in touch with police")."""
    if not isinstance(block, (Paragraph, Heading)) or len(block.text.split()) > APPEAL_WORDS:
        return False
    text = block.text.strip()
    if opening_appeal(text):
        return True
    named = CALL_TO_ACTION.search(text) is not None  # a word of one: a subheading may name a newsletter
    said = EMAIL.search(text) is not None or line_reason(text) == "call to action"
    loose = not SENTENCE_END.search(text) and (said or isinstance(block, Paragraph))
    return (named or said) and (leading or loose or id(block) in ctx.tail and _to_reader(text))


def _to_reader(text: str) -> bool:
    """The text speaks to its reader ("you", "us", "our newsletter"), or opens bidding the reader do something
    on the page ("Click here to read ..."); not as the story reports someone's words ("..., organisers said")."""
    if REPORTED.search(text):
        return False
    return READER.search(text) is not None or opening_appeal(text) or BIDDING.match(text) is not None


def boilerplate_line(block, ctx: Context, leading: bool) -> str:
    """A short block that one of the plain-text reader's line rules names, with that rule's reason.

    A label ("Read more:", "Advertisement", share buttons) goes wherever it stands; what may also be said
    in a sentence of the story (a call to action, a caption's wording, capitals) only above the text or
    after its last long paragraph, where a sign-up form's legal small print may be longer.
    """
    outside = leading or id(block) in ctx.tail
    words = len(block.text.split())
    if id(block) in ctx.tail and _promotion(block):
        return "promo"
    if not isinstance(block, (Paragraph, Heading)) or words > CREDIT_WORDS:
        return ""
    reason = line_reason(block.text)
    if reason == "call to action" and not leading and TEXT_END.search(block.text) and not _to_reader(block.text):
        return ""  # the story's own words below the text ("Anyone who saw it should get in touch with police.")
    if words > APPEAL_WORDS:  # longer than an appeal: only the small print of a form, above or below the text
        return reason if outside and reason in TAIL_REASONS else ""
    if (IN_TEXT_CAPTION.search(block.text) or lines.dated_caption(block.text)) and not TEXT_END.search(block.text):
        return "caption"  # "Council members from left: ...", "The harbour after the fire, 3 May 2024" in the text
    return reason if outside or reason in LABEL_REASONS else ""


def _promotion(block: Block) -> bool:
    """A short line or list, no sentence, naming several of the publisher's goods ("The app, the e-paper,
    alerts by push")."""
    if not isinstance(block, (Paragraph, ListBlock)) or len(block.text.split()) > APPEAL_WORDS:
        return False
    return not TEXT_END.search(block.text) and len(products(block.text)) >= PROMO_PRODUCTS


def subheadings(blocks: list[Block]) -> list[Block]:
    """Short lines that are not sentences, set in bold or standing between paragraphs, made subheadings, at
    the level the page's own subheadings mostly have (a live blog's entries, some in <h4> and some in bold,
    are all of one rank)."""
    levels = [b.level for b in blocks if isinstance(b, Heading) and b.level > 1]
    level = max(sorted(set(levels)), key=levels.count) if levels else 2
    out = list(blocks)
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or len(block.text.split()) > HEADING_WORDS or TEXT_END.search(block.text):
            continue
        if any(run.newline for run in block.runs):  # lines set apart (an address) are no heading
            continue
        under_heading = index > 0 and isinstance(blocks[index - 1], Heading)  # "Serves 4" under "Ingredients"
        bold = all(r.strong for r in block.runs if r.text.strip()) and not under_heading
        between = 0 < index < len(blocks) - 1 and all(
            isinstance(b, Paragraph) and TEXT_END.search(b.text) for b in (blocks[index - 1], blocks[index + 1]))
        if bold or between:
            out[index] = Heading(block.id, plain_runs(block.runs), level)
    return out


BLOCK_RULES = (
    ("repeated headline", repeated_headline),
    ("repeated standfirst", repeated_standfirst),
    ("caption", loose_caption),
    ("standfirst", standfirst),
    ("author note", author_note),
    ("byline", byline),
    ("photo credit", photo_credit),
    ("related link", related_link),
    ("pull quote", pull_quote),
    ("agency credit", agency_credit),  # before fragment: "Mit Agenturmaterial." is a credit, not a loose word
    ("fragment", fragment),
    ("navigation", navigation),
    ("call to action", call_to_action),
    ("boilerplate", boilerplate_line),  # says which line rule
)


def _level(block: Block) -> Block:
    """Headings at level 2 or below: level 1 is the title's."""
    return dataclasses.replace(block, level=2) if isinstance(block, Heading) and block.level < 2 else block


def renumber(blocks: list[Block]):
    """The blocks with ids in reading order."""
    for index, block in enumerate(blocks):
        yield dataclasses.replace(block, id=block_id(index))


def _first_heading(blocks) -> str:
    return next((b.text for b in blocks if isinstance(b, Heading)), "")
