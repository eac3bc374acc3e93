"""layout watch: a change to an article or the theme rebuilds it, failures are told once, Ctrl-C stops cleanly."""

import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from watchfiles import Change

from conftest import SEED
from layout import batch, themes, watch

DEADLINE = 90  # seconds any one wait may take before the test fails


class Watcher:
    """watch.run in a thread with a stop event, collecting outcomes."""

    def __init__(self, sources: list[Path], settings: watch.Settings):
        self.outcomes: list[batch.Outcome] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=watch.run, args=(sources, settings, self.outcomes.append, self.stop),
                                       daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=15)
        assert not self.thread.is_alive(), "the watch loop did not stop"

    def wait_for(self, count: int, poke=None) -> list[batch.Outcome]:
        """Wait until `count` outcomes are in; call `poke` every few seconds meanwhile (the watcher may start late)."""
        start = last = time.monotonic()
        while len(self.outcomes) < count:
            assert time.monotonic() - start < DEADLINE, f"only {len(self.outcomes)} outcomes: {self.outcomes}"
            if poke and time.monotonic() - last > 3:
                poke()
                last = time.monotonic()
            time.sleep(0.05)
        return self.outcomes


@pytest.fixture
def folder(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    (source / "seed.txt").write_bytes(SEED.read_bytes())
    return source


def appender(path: Path):
    """Append a new closing paragraph to `path` each time it is called."""
    count = iter(range(1, 1000))

    def poke():
        path.write_text(path.read_text() + f"\n\nA closing paragraph, number {next(count)}, was added later on.\n")

    poke()
    return poke


def test_a_changed_article_is_rebuilt_and_a_failure_told_once(folder, tmp_path):
    (folder / "empty.txt").write_bytes(b"")
    out = folder / "dist"  # inside the watched folder: writing outputs must not trigger rebuilds
    with Watcher([folder], watch.Settings(out, ("pdf",))) as watcher:
        first = watcher.wait_for(2)
        assert {o.source.name: o.status for o in first} == {"empty.txt": "failed", "seed.txt": "built"}
        before = (out / "seed.pdf").read_bytes()
        outcomes = watcher.wait_for(3, poke=appender(folder / "seed.txt"))
    rebuilt = outcomes[2]
    assert rebuilt.source == folder / "seed.txt" and rebuilt.status == "built"
    assert (out / "seed.pdf").read_bytes() != before
    assert [o.source.name for o in outcomes].count("empty.txt") == 1
    assert watch.describe(rebuilt).startswith(f"rebuilt {folder / 'seed.txt'} -> {out / 'seed.pdf'} (")


def test_a_theme_change_rebuilds(folder, tmp_path):
    theme = tmp_path / "mine"
    theme.mkdir()
    clipping = themes.load("clipping").folder
    (theme / "print.css").write_text(f'@import url("{(clipping / "print.css").as_uri()}");\n')
    (theme / "epub.css").write_bytes((clipping / "epub.css").read_bytes())
    out = tmp_path / "dist"
    with Watcher([folder / "seed.txt"], watch.Settings(out, ("html",), theme=str(theme))) as watcher:
        watcher.wait_for(1)

        def poke():
            (theme / "print.css").write_text((theme / "print.css").read_text() + "h1 { color: black; }\n")

        outcomes = watcher.wait_for(2, poke=poke)
    assert [o.status for o in outcomes[:2]] == ["built", "built"]
    assert "color: black" in (out / "seed_files" / theme.name / "print.css").read_text()


def test_outputs_and_temporaries_are_not_changes(tmp_path):
    keep = watch._relevant(tmp_path / "dist")
    assert keep(Change.modified, str(tmp_path / "source" / "a.txt"))
    assert not keep(Change.added, str(tmp_path / "dist" / "a.pdf"))
    assert not keep(Change.added, str(tmp_path / "dist" / ".layout" / "a.json"))
    assert not keep(Change.added, str(tmp_path / "source" / ".a.pdf.x1.part"))


def test_describe_lines():
    built = batch.Outcome(Path("source/x.txt"), "built", outputs=(Path("dist/x.pdf"), Path("dist/x.epub")),
                          seconds=1.23)
    assert watch.describe(built) == "rebuilt source/x.txt -> dist/x.pdf, dist/x.epub (1.2 s)"
    failed = batch.Outcome(Path("source/y.txt"), "failed", error="y is empty", hint="put text in it")
    assert watch.describe(failed) == "error: source/y.txt: y is empty (hint: put text in it)"


def test_missing_source_is_one_error(tmp_path):
    run = subprocess.run([sys.executable, "-m", "layout", "watch", str(tmp_path / "nowhere")], cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert run.stderr.splitlines()[0] == f"error: {tmp_path / 'nowhere'} does not exist"


def test_ctrl_c_stops_cleanly(folder, tmp_path):
    out = tmp_path / "dist"
    # Ctrl-C as a terminal sends it: with SIGINT's default action, which a test run started in the background by
    # a non-interactive shell would otherwise pass down as "ignored"; with faulthandler on, SIGABRT makes a watcher
    # that outlived Ctrl-C print where each of its threads is
    process = subprocess.Popen([sys.executable, "-X", "faulthandler", "-m", "layout", "watch", str(folder),
                                "-o", str(out), "-f", "html"],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        start = time.monotonic()
        while not (out / "seed.html").exists():
            assert process.poll() is None and time.monotonic() - start < DEADLINE, process.stderr.read()
            time.sleep(0.05)
        time.sleep(0.5)
        process.send_signal(signal.SIGINT)
        try:
            stdout, stderr = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGABRT)
            pytest.fail("the watcher went on after Ctrl-C; where it was:\n" + process.communicate(timeout=30)[1])
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, stderr
    assert stdout.startswith(f"rebuilt {folder / 'seed.txt'} -> {out / 'seed.html'}")
    assert "Traceback" not in stderr and stderr.splitlines()[-1] == "stopped watching"
