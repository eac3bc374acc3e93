"""The digest build: several articles read into one PDF (cover, contents, an article a page) and one EPUB."""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections import Counter
from pathlib import Path

from layout import pagemap, parity, readers
from layout.build import Result, check_length
from layout.dates import parse_date
from layout.errors import OptionError
from layout.model import Article, Image, Meta, map_runs
from layout.output import write_all
from layout.paper import PrintOptions
from layout.readers.assets import local_image
from layout.readers.common import identifier
from layout.render import context, labels
from layout.themes import Theme
from layout.typography import typeset
from layout.writers import Job

log = logging.getLogger(__name__)

FRONT = ("digest-cover", "contents")


def prefixed(article: Article, prefix: str, folder: Path) -> Article:
    """The article with ids set apart by `prefix` and image paths made absolute, to share one document."""
    blocks = []
    for block in article.blocks:
        block = _prefix_notes(dataclasses.replace(block, id=prefix + block.id), prefix)
        if isinstance(block, Image):
            path, _ = local_image(block.src, folder)
            block = dataclasses.replace(block, src=path.as_uri()) if path else block
        blocks.append(block)
    notes = tuple(dataclasses.replace(n, id=prefix + n.id) for n in article.notes)
    return dataclasses.replace(article, blocks=tuple(blocks), notes=notes)


def _prefix_notes(block, prefix: str):
    """The block with its note references pointing at the prefixed notes."""
    return map_runs(block, lambda runs: tuple(dataclasses.replace(r, note=prefix + r.note) if r.note else r
                                              for r in runs))


def digest_meta(articles: list[Article], title: str, publication: str) -> Meta:
    """The digest's own metadata: the latest article's date, the most common language, a stable id."""
    langs = Counter(a.meta.lang for a in articles)
    lang = max(langs, key=lambda code: (langs[code], -[a.meta.lang for a in articles].index(code)))
    dates = sorted(a.meta.date for a in articles if parse_date(a.meta.date))
    name = title or labels(lang)["digest"]
    titles = "; ".join(a.meta.title for a in articles)
    seed = hashlib.sha256("\n".join(a.meta.identifier for a in articles).encode()).hexdigest()
    return Meta(title=name, dek=titles, publication=publication, date=dates[-1] if dates else "", lang=lang,
                identifier=identifier("", f"digest:{name}:{seed}", ()))


def digest(sources: list[Path], target: Path, theme: Theme, options: PrintOptions = PrintOptions(),
           formats: tuple[str, ...] = ("pdf", "epub"), title: str = "", publication: str = "") -> Result:
    """Build the digest of `sources` as `target`.pdf and `target`.epub; nothing is written on failure."""
    if len(sources) < 2:
        raise OptionError("a digest needs at least two articles", "give two or more sources")
    if len({s.resolve() for s in sources}) < len(sources):
        raise OptionError("an article is given twice", "give each article once")
    if "html" in formats:
        raise OptionError("a digest is made as pdf and epub, not html", "use --format pdf,epub")
    articles = [readers.read(source, cover=False) for source in sources]
    for article, source in zip(articles, sources):
        check_length(article, source)
    parts = [typeset(prefixed(a, f"a{i}-", s.resolve().parent))
             for i, (a, s) in enumerate(zip(articles, sources), 1)]
    meta = digest_meta(parts, title, publication)
    cover = Article(meta, ())
    folders = tuple(dict.fromkeys(s.resolve().parent for s in sources))
    job = Job(cover, folders[0], theme, target.name, options, roots=folders[1:])
    document = _lay_out(job, parts)
    starts = pagemap.page_starts(document, [(f"a{i}-", a) for i, a in enumerate(parts, 1)], FRONT)
    files: dict[str, bytes] = {}
    if "pdf" in formats:
        from layout.writers.fonts import warn_missing_glyphs
        from layout.writers.pdf import pdf_bytes, warn_coarse_pictures

        warn_missing_glyphs(theme, parts, target.name)
        warn_coarse_pictures(document, target.name)

        files[f"{target.name}.pdf"] = pdf_bytes(document, meta, options)
    if "epub" in formats:
        from layout.writers.epub import write_digest

        files[f"{target.name}.epub"] = write_digest(job, parts, starts)
    parity.check_outputs(parts, document, files)
    return Result(target, cover, tuple(write_all(target.parent, files)), tuple(zip(sources, articles)))


def _lay_out(job: Job, parts: list[Article]):
    from layout.writers.pdf import lay_out

    contexts = [context(a, f"a{i}-") for i, a in enumerate(parts, 1)]
    return lay_out(job, "digest.html", job.options.page_css(), articles=contexts,
                   paper_class=job.options.paper.columns_class)
