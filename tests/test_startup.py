"""Startup: help and inspect never import WeasyPrint (a second of import time), nor the checkers' libraries."""

import subprocess
import sys

import pytest

from conftest import ROOT

SEED = "source/ukraine-atacms.txt"


def imported(*args: str) -> set[str]:
    """The top-level packages `python -X importtime -m layout ARGS` imported."""
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "layout", *args], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    names = [line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")]
    assert "layout.cli" in names
    return {name.split(".")[0] for name in names}


@pytest.mark.parametrize("args", [("--help",), ("inspect", SEED), ("check", "--help"), ("watch", "--help")])
def test_no_weasyprint(args):
    assert "weasyprint" not in imported(*args)


def test_help_imports_no_checker_or_watcher():
    assert not {"weasyprint", "ebooklib", "pypdf", "watchfiles"} & imported("--help")
