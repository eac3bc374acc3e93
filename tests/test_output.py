"""Atomic output: whole files or none, and a clear error when the disk refuses."""

import errno

import pytest

from layout import output
from layout.errors import OutputError


def test_writes_every_file(tmp_path):
    paths = output.write_all(tmp_path, {"a.pdf": b"1", "sub/b.css": b"2"})
    assert [p.read_bytes() for p in paths] == [b"1", b"2"]
    assert not list(tmp_path.rglob("*.part"))


def test_full_disk_leaves_nothing(tmp_path, monkeypatch):
    (tmp_path / "a.pdf").write_bytes(b"old")
    real_stage = output._stage
    calls = []

    def full(target, data):
        calls.append(target)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_stage(target, data)

    monkeypatch.setattr(output, "_stage", full)
    with pytest.raises(OutputError, match="no space left"):
        output.write_all(tmp_path, {"a.pdf": b"new", "c.html": b"new"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf"]
    assert (tmp_path / "a.pdf").read_bytes() == b"old"


def test_permission_denied_is_an_output_error(tmp_path, monkeypatch):
    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(output.tempfile, "mkstemp", denied)
    with pytest.raises(OutputError, match="permission denied"):
        output.write_all(tmp_path, {"a.pdf": b"1"})


def test_a_failure_leaves_no_folder_it_made(tmp_path, monkeypatch):
    def full(target, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output, "_stage", full)
    with pytest.raises(OutputError):
        output.write_all(tmp_path / "dist", {"a_files/fonts/x.ttf": b"1"})
    assert not (tmp_path / "dist").exists()
