"""Many articles at once: parallel builds in a process pool (or a Dask cluster), skipping up-to-date outputs."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import multiprocessing
import os
import re
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from urllib.parse import unquote
from pathlib import Path
from typing import Callable, Iterable

from layout import __version__
from layout.errors import LayoutError
from layout.paper import PrintOptions

log = logging.getLogger(__name__)

STAMP_DIR = ".layout"
_REFERENCE = re.compile(r"""(?:src=["']|\]\()([^"')\s]+)""")
_COVER = re.compile(r"""^\s*cover\s*:\s*(?:"([^"]+)"|'([^']+)'|([^\s#"'][^#\n]*?))\s*(?:#.*)?$""", re.M)


@dataclass(frozen=True)
class Request:
    """Everything one build needs, picklable so a worker process or a cluster can run it."""

    source: Path
    outdir: Path
    formats: tuple[str, ...]
    theme: str = "clipping"
    options: PrintOptions = PrintOptions()
    overrides: dict = field(default_factory=dict)
    embed_fonts: bool = False
    force: bool = False


@dataclass(frozen=True)
class Outcome:
    """What became of one request: built, skipped (up to date) or failed, with the figures to show."""

    source: Path
    status: str
    words: int = 0
    dropped: int = 0
    outputs: tuple[Path, ...] = ()
    error: str = ""
    hint: str = ""
    seconds: float = 0.0
    exit_code: int = 0


def stamp_path(request: Request) -> Path:
    return request.outdir / STAMP_DIR / f"{request.source.stem}.json"


def fingerprint(request: Request) -> str:
    """A hash of all that decides the outputs: source, sidecar, referenced files, theme, options, version."""
    from layout import themes

    digest = hashlib.sha256()
    source = request.source.read_bytes()
    sidecars = [request.source.with_suffix(".yml"), request.source.with_suffix(".yaml")]
    files = [request.source, *sidecars]
    texts = [source.decode("utf-8", "replace")] + [p.read_text("utf-8", "replace") for p in sidecars if _is_file(p)]
    covers = ["".join(groups) for text in texts for groups in _COVER.findall(text)]  # front matter, sidecar: paths
    refs = [unquote(ref) for text in texts for ref in _REFERENCE.findall(text)] + covers
    files += [request.source.parent / ref for ref in refs if "://" not in ref and len(ref) < 256]
    theme = themes.load(request.theme)
    files += sorted(p for p in theme.folder.rglob("*") if p.is_file())
    for root in theme.roots:  # the shared styles and fonts: by name, size and time, not read every time
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            status = path.stat()
            digest.update(f"{path}:{status.st_size}:{status.st_mtime_ns}".encode())
    digest.update(code_stamp().encode())
    for path in files:
        if _is_file(path):
            digest.update(str(path.name).encode() + b"\0" + path.read_bytes() + b"\0")
    settings = {"formats": request.formats, "options": asdict(request.options), "overrides": request.overrides,
                "embed_fonts": request.embed_fonts, "version": __version__,
                "epoch": os.environ.get("SOURCE_DATE_EPOCH", "")}
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def code_stamp() -> str:
    """The package's own code and templates, by name, size and time: a changed reader or template rebuilds
    what it made, though the version number stayed."""
    package = Path(__file__).parent
    files = sorted(p for p in package.rglob("*") if p.suffix in (".py", ".html") and "__pycache__" not in p.parts)
    return hashlib.sha256("".join(f"{p}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in files).encode()).hexdigest()


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long, or not a name at all
        return False


def up_to_date(request: Request, digest: str) -> tuple[Path, ...] | None:
    """The outputs, when the stamp beside them matches `digest` and every one still exists."""
    try:
        stamp = json.loads(stamp_path(request).read_text())
    except (OSError, ValueError):
        return None
    outputs = tuple(request.outdir / name for name in stamp.get("outputs", ()))
    if stamp.get("fingerprint") == digest and outputs and all(p.is_file() for p in outputs):
        return outputs
    return None


def run_one(request: Request) -> Outcome:
    """Build one article; a project error becomes a failed outcome, never an exception."""
    started = time.perf_counter()
    try:
        from layout.readers import check_path

        check_path(request.source)
        digest = fingerprint(request)
        done = None if request.force else up_to_date(request, digest)
        if done is not None:
            return Outcome(request.source, "skipped", outputs=done, seconds=time.perf_counter() - started)
        result = _build(request)
        _write_stamp(request, digest, result.outputs)
    except LayoutError as exc:
        return Outcome(request.source, "failed", error=exc.message, hint=exc.hint,
                       seconds=time.perf_counter() - started, exit_code=exc.exit_code)
    except Exception as exc:  # one article's surprise must not stop the others, nor `layout watch`
        log.info("unexpected error building %s", request.source, exc_info=True)
        return Outcome(request.source, "failed", error=f"unexpected {type(exc).__name__}: {exc}",
                       hint="run with --verbose and report the message", seconds=time.perf_counter() - started,
                       exit_code=70)
    return Outcome(request.source, "built", result.article.words, len(result.article.dropped),
                   tuple(p for p in result.outputs if p.suffix in (".pdf", ".epub", ".html")),
                   seconds=time.perf_counter() - started)


def _build(request: Request):
    from layout import themes
    from layout.build import build

    return build(request.source, request.outdir, request.formats, themes.load(request.theme), request.options,
                 request.overrides, request.embed_fonts)


def _write_stamp(request: Request, digest: str, outputs: tuple[Path, ...]) -> None:
    from layout.output import write_all

    names = [str(p.relative_to(request.outdir)) for p in outputs]
    data = json.dumps({"fingerprint": digest, "outputs": names}, indent=1).encode()
    write_all(request.outdir, {f"{STAMP_DIR}/{request.source.stem}.json": data})


def run_many(requests: list[Request], jobs: int | None = None, scheduler: str = "",
             progress: Callable[[Outcome], None] = lambda outcome: None) -> list[Outcome]:
    """Run every request: on a Dask cluster, in a pool of `jobs` processes, or here when one suffices."""
    if scheduler:
        outcomes = _on_cluster(requests, scheduler)
        for outcome in outcomes:
            progress(outcome)
        return outcomes
    jobs = max(1, jobs or os.cpu_count() or 1)
    if jobs == 1 or len(requests) == 1:
        return [_report(run_one(request), progress) for request in requests]
    order = {request.source: index for index, request in enumerate(requests)}
    context = multiprocessing.get_context("forkserver")  # no fork from a process that runs a progress thread
    with ProcessPoolExecutor(max_workers=min(jobs, len(requests)), mp_context=context) as pool:
        futures = {pool.submit(run_one, request): request for request in requests}
        outcomes = [_report(_result(future, futures[future]), progress) for future in as_completed(futures)]
    return sorted(outcomes, key=lambda outcome: order[outcome.source])


def _result(future, request: Request) -> Outcome:
    """A worker's outcome, or a failed one when the worker itself died."""
    try:
        return future.result()
    except Exception as exc:
        return Outcome(request.source, "failed", error=f"the build process died: {exc}",
                       hint="run this article alone with --verbose", exit_code=70)


def _report(outcome: Outcome, progress: Callable[[Outcome], None]) -> Outcome:
    progress(outcome)
    return outcome


def _on_cluster(requests: Iterable[Request], address: str) -> list[Outcome]:
    """Send the builds to a Dask distributed scheduler (the optional `cluster` extra)."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise LayoutError("--scheduler needs Dask distributed", "pip install 'layout[cluster]'") from exc
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise LayoutError(f"cannot reach the Dask scheduler at {address}", "check the address and that it runs") \
            from exc
    with client:
        futures = client.map(run_one, list(requests), pure=False)
        return client.gather(futures)
