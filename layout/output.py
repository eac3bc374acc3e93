"""Atomic output: every file appears whole or not at all, and earlier outputs survive a failure."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from layout.errors import OutputError


def write_all(outdir: Path, files: dict[str, bytes]) -> list[Path]:
    """Write `files` (relative path -> bytes) under `outdir`: all to temporaries first, then renamed."""
    staged: list[tuple[Path, Path]] = []
    made: list[Path] = []
    try:
        for relative, data in files.items():
            target = outdir / relative
            made += _make_folders(target.parent)
            staged.append((_stage(target, data), target))
        for temporary, target in staged:
            os.replace(temporary, target)
    except OSError as exc:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        for folder in reversed(made):  # the folders this call made, if still empty
            try:
                folder.rmdir()
            except OSError:
                pass
        raise _output_error(outdir, exc) from exc
    return [target for _, target in staged]


def _make_folders(folder: Path) -> list[Path]:
    """Create `folder` and its missing parents; the ones created, outermost first."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()][::-1]
    folder.mkdir(parents=True, exist_ok=True)
    return missing


def _stage(target: Path, data: bytes) -> Path:
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _output_error(outdir: Path, exc: OSError) -> OutputError:
    if exc.errno == errno.ENOSPC:
        return OutputError(f"no space left to write into {outdir}", "free some disk space and build again")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError(f"cannot write into {outdir}: permission denied", "choose another folder with -o")
    return OutputError(f"cannot write into {outdir}: {exc.strerror or exc}")
