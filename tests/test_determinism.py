"""The same input gives the same bytes whatever the time zone, locale and run."""

import hashlib
import os
import subprocess
import sys

import pytest

from conftest import SEED

ENVIRONMENTS = [
    {"TZ": "UTC", "LANG": "C", "LC_ALL": "C"},
    {"TZ": "Pacific/Kiritimati", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"},
    {"TZ": "America/St_Johns", "LANG": "ja_JP.UTF-8", "LC_ALL": "ja_JP.UTF-8", "PYTHONHASHSEED": "12345"},
]


def build_digests(tmp_path, env: dict, *extra: str) -> dict[str, str]:
    out = tmp_path / "-".join(env.values()).replace("/", "_")
    full = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | env
    run = subprocess.run([sys.executable, "-m", "layout", "build", str(SEED), "-o", str(out), *extra],
                         env=full, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir()) if p.is_file()}


@pytest.mark.parametrize("extra", [(), ("--pdf-variant", "pdf/ua-1", "--embed-fonts", "--paper", "letter")])
def test_same_bytes_in_every_time_zone_and_locale(tmp_path, extra):
    digests = [build_digests(tmp_path, env, *extra) for env in ENVIRONMENTS]
    assert set(digests[0]) == {"ukraine-atacms.epub", "ukraine-atacms.pdf"}
    assert digests[1] == digests[0] and digests[2] == digests[0]
