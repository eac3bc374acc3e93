"""The sandbox: a build opens no network connection and reads no file outside the article's and theme's folders.

Each build runs in a fresh interpreter with an audit hook that records every file Python opens and every
socket it tries; the test then checks the record."""

import json
import re
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

import pytest

from conftest import ROOT

AUDITED_BUILD = r"""
import json, sys
events = []
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes)):
        events.append(("open", str(args[0])))
    elif event == "urllib.Request":
        events.append(("url", str(args[0])))
    elif event in ("socket.connect", "socket.getaddrinfo", "socket.sendto"):  # a bind to ::1 probes IPv6
        events.append((event, repr(args)[:200]))
sys.addaudithook(hook)
from layout.build import build
from layout import themes
from pathlib import Path
source, out, theme = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
result = build(source, out, ("pdf", "epub", "html"), themes.load(theme))
print(json.dumps({"events": events, "dropped": [d.reason for d in result.article.dropped]}))
"""

SECRET = "s3cr3t-do-not-embed"


def hostile_sources(folder: Path) -> dict[str, Path]:
    """Articles that point outside their folder in every way the readers and writers could follow."""
    article = folder / "article"
    article.mkdir()
    (folder / "secret.txt").write_text(SECRET)
    (folder / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n" + SECRET.encode())
    (article / "link.png").symlink_to(folder / "secret.png")
    body = " ".join(["The council met on Tuesday and talked about roads, schools and the library."] * 6)
    (article / "page.html").write_text(f"""<!DOCTYPE html><html lang="en"><head><title>Council meets</title>
<link rel="stylesheet" href="http://127.0.0.1:9/site.css"><link rel="attachment" href="file://{folder}/secret.txt">
<style>body {{ background: url(file://{folder}/secret.png) }} @import url(http://127.0.0.1:9/x.css);</style>
<script src="http://127.0.0.1:9/x.js"></script></head><body><article><h1>Council meets</h1>
<p>{body}</p><img src="http://127.0.0.1:9/remote.png" alt="remote"><img src="../secret.png" alt="escape">
<img src="file://{folder}/secret.png" alt="absolute"><img src="link.png" alt="symlink">
<iframe src="file://{folder}/secret.txt"></iframe><object data="../secret.txt"></object>
<p>{body}</p><p>{body}</p></article></body></html>""")
    (article / "notes.md").write_text(f"""---
title: Council meets
url: https://example.org/council
---

{body}

![escape](../secret.png "An image from outside") ![absolute](file://{folder}/secret.png) ![link](link.png)
![remote](http://127.0.0.1:9/remote.png)

<img src="../secret.png"> <link rel="attachment" href="../secret.txt">

{body}
""")
    theme = folder / "themes" / "leaky"
    theme.mkdir(parents=True)
    for name in ("print.css", "epub.css"):
        css = (ROOT / "styles" / "clipping" / name).read_text().replace('@import url("../', '@import url("x/')
        (theme / name).write_text(f'@import url("file://{folder}/secret.txt");\n' + css +
                                  f'\n.headline {{ background: url("../../secret.png"); }}'
                                  f'\n.dek {{ background: url("file://{folder}/secret.png"); }}\n')
    return {"html": article / "page.html", "markdown": article / "notes.md", "theme": theme}


def system_file(path: str) -> bool:
    """What Python and WeasyPrint open of their own: mime types, /dev/null, temporary files and font caches."""
    temp = Path(tempfile.gettempdir()).resolve()
    resolved = Path(path).resolve()
    if str(resolved) in ("/etc/mime.types", "/dev/null", str(temp)):
        return True
    relative = resolved.relative_to(temp).parts if resolved.is_relative_to(temp) else ()
    return bool(relative) and re.fullmatch(r"tmp\w+|\w{8}|weasyprint-\w+", relative[0]) is not None


def allowed(path: str, folders: list[Path]) -> bool:
    resolved = Path(path).resolve()
    return any(resolved.is_relative_to(f) for f in folders)


@pytest.mark.parametrize("kind,theme", [("html", "clipping"), ("markdown", "clipping"), ("markdown", "leaky")])
def test_no_network_and_no_file_from_outside(tmp_path, kind, theme):
    sources = hostile_sources(tmp_path)
    source = sources[kind]
    theme = str(sources["theme"]) if theme == "leaky" else theme
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-c", AUDITED_BUILD, str(source), str(out), theme], capture_output=True,
                         text=True, timeout=300, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-3000:]
    record = json.loads(run.stdout.strip().splitlines()[-1])
    network = [e for e in record["events"] if e[0].startswith("socket")]
    network += [e for e in record["events"] if e[0] == "url" and not e[1].startswith(("file:", "data:"))]
    assert network == [], network
    opened = [path for kind_, path in record["events"] if kind_ == "open"]
    opened += [url[len("file://"):] for kind_, url in record["events"] if kind_ == "url" and url.startswith("file:")]
    assert not [p for p in opened if "secret" in p], "a file outside the article's folder was opened"
    libraries = [Path(sysconfig.get_paths()[k]).resolve() for k in ("stdlib", "platstdlib", "purelib", "platlib")]
    folders = [source.parent.resolve(), (ROOT / "styles").resolve(), sources["theme"].resolve(),
               (ROOT / "layout").resolve(), out.resolve(), *libraries, Path(sys.prefix).resolve()]
    strays = [p for p in opened if not allowed(p, folders) and not system_file(p)]
    assert strays == [], strays
    for output in out.rglob("*"):
        if output.is_file():
            assert SECRET.encode() not in output.read_bytes(), output
    assert len(record["dropped"]) >= 3  # the remote, escaping and symlinked images are recorded, not lost
