"""Watch mode: rebuild each article when it, its sidecar, the files it names or the theme change."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from layout import batch, readers, themes
from layout.errors import LayoutError, SourceError
from layout.paper import PrintOptions

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    """What every rebuild uses: where outputs go, formats, theme, print options, parallel jobs."""

    outdir: Path
    formats: tuple[str, ...]
    theme: str = themes.DEFAULT_THEME
    options: PrintOptions = PrintOptions()
    jobs: int = 1
    embed_fonts: bool = False


def targets(sources: list[Path], settings: Settings) -> list[Path]:
    """The folders to watch: each source folder, the folder of each source file, the theme's and the shared
    styles' folders."""
    theme = themes.load(settings.theme)
    folders = []
    for path in sources:
        if not path.exists():
            raise SourceError(f"{path} does not exist", "give article files or folders, or run where source/ is")
        folders.append(path if path.is_dir() else path.parent)
    return list(dict.fromkeys([*folders, theme.folder, theme.shared, theme.fonts]))


def articles(sources: list[Path]) -> list[Path]:
    """The articles now in `sources`: the files given, and each folder's files that a reader accepts."""
    found = []
    for path in sources:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in readers.suffixes())
        elif path.is_file():
            found.append(path)
    return list(dict.fromkeys(found))


def run(sources: list[Path], settings: Settings, on_outcome: Callable[[batch.Outcome], None],
        stop_event: threading.Event | None = None) -> None:
    """Build what is out of date, then again after every change, until Ctrl-C or `stop_event` is set."""
    watch = _watchfiles().watch
    folders = targets(sources, settings)
    failed: dict[Path, str] = {}
    try:
        rebuild(sources, settings, failed, on_outcome)
        for changes in watch(*folders, watch_filter=_relevant(settings.outdir), stop_event=stop_event):
            log.info("changed: %s", ", ".join(sorted(path for _, path in changes)))
            rebuild(sources, settings, failed, on_outcome)
    except KeyboardInterrupt:
        log.info("interrupted: stopped watching")


def rebuild(sources: list[Path], settings: Settings, failed: dict[Path, str],
            on_outcome: Callable[[batch.Outcome], None]) -> list[batch.Outcome]:
    """Build the articles whose outputs are out of date, except those that failed and have not changed since."""
    todo = stale(requests(sources, settings), failed)
    if not todo:
        return []
    digests = {request.source: digest for request, digest in todo}
    outcomes = batch.run_many([request for request, _ in todo], settings.jobs or None)
    for outcome in outcomes:
        if outcome.status == "failed" and digests[outcome.source]:
            failed[outcome.source] = digests[outcome.source]
        else:
            failed.pop(outcome.source, None)
        on_outcome(outcome)
    return outcomes


def requests(sources: list[Path], settings: Settings) -> list[batch.Request]:
    return [batch.Request(path, settings.outdir, settings.formats, settings.theme, settings.options, {},
                          settings.embed_fonts) for path in articles(sources)]


def stale(requests: list[batch.Request], failed: dict[Path, str]) -> list[tuple[batch.Request, str]]:
    """(request, fingerprint) for each request to build; the fingerprint is empty when it cannot be taken."""
    todo = []
    for request in requests:
        try:
            digest = batch.fingerprint(request)
        except OSError:  # deleted or renamed since it was listed
            continue
        except LayoutError:  # the build will say what is wrong
            todo.append((request, ""))
            continue
        if batch.up_to_date(request, digest) is None and failed.get(request.source) != digest:
            todo.append((request, digest))
    return todo


def describe(outcome: batch.Outcome) -> str:
    """One line for a rebuilt article, or its error and hint."""
    if outcome.status == "failed":
        return f"error: {outcome.source}: {outcome.error} (hint: {outcome.hint})"
    outputs = ", ".join(str(path) for path in outcome.outputs)
    verb = "rebuilt" if outcome.status == "built" else "up to date"
    return f"{verb} {outcome.source} -> {outputs} ({outcome.seconds:.1f} s)"


def _relevant(outdir: Path):
    """watchfiles' default filter, also ignoring the output folder and the writers' temporary files."""
    default = _watchfiles().DefaultFilter()
    out = outdir.resolve()

    def keep(change, path: str) -> bool:
        resolved = Path(path).resolve()
        return default(change, path) and not resolved.name.endswith(".part") and \
            resolved != out and out not in resolved.parents

    return keep


def _watchfiles():
    try:
        import watchfiles
    except ImportError as exc:
        raise LayoutError("`layout watch` needs watchfiles", "pip install 'layout[watch]'") from exc
    return watchfiles
