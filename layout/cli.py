"""The command line: parses options, wires readers to writers, prints results and errors."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import List, Optional

import typer

from layout import __version__
from layout.errors import LayoutError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Print-ready PDF clippings and EPUBs from one article.")
log = logging.getLogger("layout")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"layout {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say what each step does."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """Print-ready PDF clippings and EPUBs from one article."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s: %(message)s",
                        stream=sys.stderr, force=True)
    logging.getLogger("weasyprint").addFilter(_one_line_per_glyph)


def _one_line_per_glyph(record: logging.LogRecord) -> bool:
    """Drop WeasyPrint's warning for each character without a glyph: the PDF writer sums them up in one line."""
    return not record.getMessage().startswith(".notdef glyph rendered")


OUT = typer.Option(Path("dist"), "--out", "-o", help="Output folder.")
FORMATS = typer.Option("pdf,epub", "--format", "-f", help="Comma-separated: pdf, epub, html.")
THEME = typer.Option("clipping", "--theme", "-t", help="Theme name under styles/, or a theme folder.")
PAPER = typer.Option("a4", "--paper", help="a4, letter, a5, tabloid, or WIDTHxHEIGHT (200x280mm, 8x10in).")
MARKS = typer.Option(False, "--print", help="For a print shop: 3 mm bleed, crop and cross marks beyond it.")
VARIANT = typer.Option("", "--pdf-variant", help="pdf/a-3b (archival) or pdf/ua-1 (tagged, accessible).")
TITLE = typer.Option(None, "--title", help="Set the title.", rich_help_panel="Metadata")
AUTHOR = typer.Option(None, "--author", help="Set the author (repeat for several).", rich_help_panel="Metadata")
DATE = typer.Option(None, "--date", help="Set the date, YYYY-MM-DD.", rich_help_panel="Metadata")
PUBLICATION = typer.Option(None, "--publication", help="Set the publication.", rich_help_panel="Metadata")
URL = typer.Option(None, "--url", help="Set the article's web address.", rich_help_panel="Metadata")
LANG = typer.Option(None, "--lang", help="Set the language (en, de, pt-BR...).", rich_help_panel="Metadata")


def _overrides(title, author, date, publication, url, lang) -> dict:
    from layout.metadata import from_options

    return from_options(title=title, authors=author or None, date=date, publication=publication, url=url, lang=lang)


@app.command()
def build(
    sources: Optional[List[Path]] = typer.Argument(None, help="Article files; default: every article in source/."),
    out: Path = OUT,
    formats: str = FORMATS,
    theme: str = THEME,
    paper: str = PAPER,
    marks: bool = MARKS,
    variant: str = VARIANT,
    embed_fonts: bool = typer.Option(False, "--embed-fonts", help="Put the theme's fonts, subset, in the EPUB."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, show_default=False,
                             help="Parallel builds; default: every core."),
    force: bool = typer.Option(False, "--force", help="Rebuild even what is up to date."),
    scheduler: str = typer.Option("", "--scheduler", help="Send the builds to a Dask scheduler at this address."),
    title: Optional[str] = TITLE, author: Optional[List[str]] = AUTHOR, date: Optional[str] = DATE,
    publication: Optional[str] = PUBLICATION, url: Optional[str] = URL, lang: Optional[str] = LANG,
) -> None:
    """Build a PDF clipping and an EPUB from each article; what is up to date is skipped."""
    from layout import batch, build as builder, paper as papers, themes

    chosen = builder.parse_formats(formats)
    themes.load(theme)
    options = papers.PrintOptions(papers.parse_paper(paper), marks, papers.parse_variant(variant))
    overrides = _overrides(title, author, date, publication, url, lang)
    paths = list(sources) if sources else builder.find_sources(Path("source"))
    builder.refuse_shared_outputs(paths)
    builder.refuse_shared_metadata(paths, overrides)
    requests = [batch.Request(path, out, chosen, theme, options, overrides, embed_fonts, force) for path in paths]
    if len(requests) == 1 and not scheduler:
        outcomes = batch.run_many(requests, 1)
    else:
        outcomes = _with_progress(requests, jobs, scheduler)
    _report(outcomes)


def _with_progress(requests, jobs: int, scheduler: str):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from layout import batch

    columns = (TextColumn("building"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=True, console=_console(stderr=True)) as bar:
        task = bar.add_task("build", total=len(requests))
        return batch.run_many(requests, jobs or None, scheduler, progress=lambda _: bar.advance(task))


def _report(outcomes) -> None:
    """Print what was built, skipped or failed; fail the command if anything failed."""
    failed = [o for o in outcomes if o.status == "failed"]
    if len(outcomes) == 1 and failed:
        _fail(failed[0].error, failed[0].hint, failed[0].exit_code or 1)
    if len(outcomes) == 1:
        outcome = outcomes[0]
        note = f", {outcome.dropped} lines dropped" if outcome.dropped else ""
        typer.echo(f"{outcome.source}: {outcome.status}" + (f", {outcome.words} words{note}" if outcome.words else ""))
        for output in outcome.outputs:
            typer.echo(f"  {'wrote' if outcome.status == 'built' else 'up to date'} {output}")
        return
    _summary_table(outcomes)
    if failed:
        raise LayoutError(f"{len(failed)} of {len(outcomes)} articles failed; the table above says why",
                          "fix those sources and run the same command: what is built is skipped")


def _summary_table(outcomes) -> None:
    from rich.table import Table

    table = Table(title=None, show_edge=False)
    for column in ("article", "result", "words", "dropped", "seconds", "outputs or error"):
        table.add_column(column, justify="right" if column in ("words", "dropped", "seconds") else "left")
    for o in outcomes:
        detail = ", ".join(p.name for p in o.outputs) if o.status != "failed" else f"{o.error} (hint: {o.hint})"
        table.add_row(str(o.source), o.status, str(o.words or ""), str(o.dropped or ""), f"{o.seconds:.1f}", detail)
    _console().print(table)
    counts = {status: sum(o.status == status for o in outcomes) for status in ("built", "skipped", "failed")}
    _console().print(", ".join(f"{n} {status}" for status, n in counts.items()))


def _console(stderr: bool = False):
    """A rich console; into a file or a pipe (a CI log) it is wide enough that tables keep their paths whole."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    return Console(stderr=stderr, highlight=False, width=None if stream.isatty() else 160)


@app.command()
def digest(
    sources: List[Path] = typer.Argument(..., help="Two or more article files."),
    out: Path = typer.Option(Path("dist/digest"), "--out", "-o", help="Output path without suffix (dist/NAME), or a folder."),
    title: Optional[str] = typer.Option(None, "--title", help="The digest's title (default: Digest)."),
    publication: Optional[str] = typer.Option(None, "--publication", help="Who puts the digest out."),
    formats: str = typer.Option("pdf,epub", "--format", "-f", help="Comma-separated: pdf, epub."),
    theme: str = THEME,
    paper: str = PAPER,
) -> None:
    """Build one PDF and one EPUB holding several articles: cover, contents, an article a chapter."""
    from layout import build as builder, paper as papers, themes
    from layout.digest import digest as make_digest

    if out.is_dir():  # a folder: the digest goes in it
        out = out / "digest"
    result = make_digest(list(sources), out, themes.load(theme), papers.PrintOptions(papers.parse_paper(paper)),
                         builder.parse_formats(formats), title or "", publication or "")
    typer.echo(f"{result.article.meta.title}: {len(sources)} articles")
    for source, article in result.parts:
        note = f", {len(article.dropped)} lines dropped (`layout inspect` lists them)" if article.dropped else ""
        typer.echo(f"  {source}: {article.words} words{note}")
    for output in result.outputs:
        typer.echo(f"  wrote {output}")


@app.command()
def inspect(
    source: Path = typer.Argument(..., help="An article file."),
    as_json: bool = typer.Option(False, "--json", help="Print the content model as JSON."),
    title: Optional[str] = TITLE, author: Optional[List[str]] = AUTHOR, date: Optional[str] = DATE,
    publication: Optional[str] = PUBLICATION, url: Optional[str] = URL, lang: Optional[str] = LANG,
) -> None:
    """Show the content model a reader builds from SOURCE, dropped lines included."""
    from layout import readers
    from layout.model import article_to_dict

    article = readers.read(source, _overrides(title, author, date, publication, url, lang))
    if as_json:
        typer.echo(json.dumps(article_to_dict(article), ensure_ascii=False, indent=1))
        return
    meta = article.meta
    for label, value in (("title", meta.title), ("dek", meta.dek), ("authors", ", ".join(meta.authors)),
                         ("publication", meta.publication), ("date", meta.date), ("dateline", meta.dateline),
                         ("language", meta.lang), ("url", meta.url), ("identifier", meta.identifier),
                         ("cover", meta.cover), ("credits", " / ".join(meta.credits))):
        if value:
            typer.echo(f"{label:12s} {value}")
    typer.echo(f"\n{len(article.blocks)} blocks, {article.words} words")
    for block in article.blocks:
        typer.echo(f"  {block.id} {block.type:10s} {_clip(block.text)}")
    typer.echo(f"\n{len(article.dropped)} lines dropped")
    for dropped in article.dropped:
        typer.echo(f"  {dropped.reason:18s} {_clip(dropped.text)}")


@app.command("themes")
def list_themes() -> None:
    """List the bundled themes."""
    from layout import themes

    for name in themes.available():
        typer.echo(name)


@app.command()
def check(
    files: List[Path] = typer.Argument(..., help="PDF and EPUB files to check."),
    as_json: bool = typer.Option(False, "--json", help="Print the results as JSON."),
) -> None:
    """Check PDFs (qpdf, embedded fonts, metadata, PDF/A and PDF/UA) and EPUBs (EPUBCheck, DAISY Ace)."""
    from layout import check as checker

    show = None if as_json else (lambda report: _console().print(checker.render(report)))
    reports = checker.run(files, show)
    if as_json:
        typer.echo(json.dumps(checker.as_json(reports), ensure_ascii=False, indent=1))
    checker.verdict(reports)


@app.command()
def watch(
    sources: Optional[List[Path]] = typer.Argument(None, help="Article files or folders; default: source/."),
    out: Path = OUT,
    formats: str = FORMATS,
    theme: str = THEME,
    paper: str = PAPER,
    marks: bool = MARKS,
    variant: str = VARIANT,
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Parallel rebuilds when several change."),
) -> None:
    """Rebuild each article when it, its sidecar or the theme changes; Ctrl-C stops."""
    from layout import build as builder, paper as papers, watch as watcher

    options = papers.PrintOptions(papers.parse_paper(paper), marks, papers.parse_variant(variant))
    settings = watcher.Settings(out, builder.parse_formats(formats), theme, options, jobs)
    paths = list(sources) if sources else [Path("source")]
    typer.echo(f"watching {', '.join(map(str, watcher.targets(paths, settings)))}; Ctrl-C stops", err=True)
    watcher.run(paths, settings, lambda outcome: typer.echo(watcher.describe(outcome), err=outcome.status == "failed"))
    typer.echo("stopped watching", err=True)


def _clip(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def main() -> None:
    """Entry point: run the app, turning project errors into `error:` and `hint:` lines."""
    try:
        app(standalone_mode=False)
    except LayoutError as exc:
        _fail(exc.message, exc.hint, exc.exit_code)
    except typer.Abort:
        _fail("interrupted", "run the command again", 130)
    except typer.TyperException as exc:  # a usage mistake: unknown command or option, a bad or missing value
        if type(exc).__name__ == "NoArgsIsHelpError":  # `layout` alone: the help is printed, nothing is wrong
            raise SystemExit(0) from None
        _fail(exc.format_message(), _usage_hint(exc), getattr(exc, "exit_code", 2))
    except Exception as exc:  # an unexpected failure still gets one line, never a traceback (but with --verbose)
        logging.getLogger("layout").info("unexpected error", exc_info=True)
        _fail(f"unexpected {type(exc).__name__}: {exc}", "run with --verbose and report the message", 70)


def _usage_hint(exc) -> str:
    """Where to read the usage of the command that was mistyped."""
    context = getattr(exc, "ctx", None)
    command = context.command_path if context is not None else "layout"
    return f"run `{command} --help` for its commands and options"


def _fail(message: str, hint: str, code: int) -> None:
    first = " ".join(str(message).split())
    sys.stderr.write(f"error: {first}\nhint: {hint}\n")
    raise SystemExit(code)
