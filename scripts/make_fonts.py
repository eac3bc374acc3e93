"""Make the bundled fonts in styles/fonts: static instances of the pinned variable fonts, and the Noto faces for other
scripts copied from Debian's fonts-noto-core (run once; pass that package's .deb, from `apt-get download`)."""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

OUT = Path(__file__).resolve().parents[1] / "styles" / "fonts"

# (package, variable file, output file, axis location)
INSTANCES = (
    ("fontpkg_source_serif_4", "SourceSerif4[opsz,wght].ttf", "SourceSerif4-Regular.ttf", {"opsz": 10, "wght": 400}),
    ("fontpkg_source_serif_4", "SourceSerif4[opsz,wght].ttf", "SourceSerif4-Semibold.ttf", {"opsz": 10, "wght": 600}),
    ("fontpkg_source_serif_4", "SourceSerif4[opsz,wght].ttf", "SourceSerif4-Bold.ttf", {"opsz": 10, "wght": 700}),
    ("fontpkg_source_serif_4", "SourceSerif4-Italic[opsz,wght].ttf", "SourceSerif4-Italic.ttf", {"opsz": 10, "wght": 400}),
    ("fontpkg_source_serif_4", "SourceSerif4-Italic[opsz,wght].ttf", "SourceSerif4-BoldItalic.ttf", {"opsz": 10, "wght": 700}),
    ("fontpkg_source_serif_4", "SourceSerif4[opsz,wght].ttf", "SourceSerif4Display-Bold.ttf", {"opsz": 48, "wght": 700}),
    ("fontpkg_source_serif_4", "SourceSerif4-Italic[opsz,wght].ttf", "SourceSerif4Subhead-Italic.ttf", {"opsz": 20, "wght": 400}),
    ("fontpkg_libre_franklin", "LibreFranklin[wght].ttf", "LibreFranklin-Regular.ttf", {"wght": 400}),
    ("fontpkg_libre_franklin", "LibreFranklin[wght].ttf", "LibreFranklin-SemiBold.ttf", {"wght": 600}),
    ("fontpkg_libre_franklin", "LibreFranklin[wght].ttf", "LibreFranklin-Bold.ttf", {"wght": 700}),
    ("fontpkg_libre_franklin", "LibreFranklin-Italic[wght].ttf", "LibreFranklin-Italic.ttf", {"wght": 400}),
    ("fontpkg_source_code_pro", "SourceCodePro[wght].ttf", "SourceCodePro-Regular.ttf", {"wght": 400}),
)

# Static Noto faces for the scripts the Latin faces lack, copied unchanged from this Debian package
NOTO_PACKAGE = "fonts-noto-core_20201225-1_all.deb"
NOTO_FOLDER = "usr/share/fonts/truetype/noto"
NOTO_FILES = tuple(f"{family}-{weight}.ttf" for family in (
    "NotoSerifDevanagari", "NotoSansDevanagari", "NotoNaskhArabic", "NotoSansArabic", "NotoSerifHebrew", "NotoSansHebrew",
    "NotoSerifThai", "NotoSansThai")
    for weight in ("Regular", "Bold")) + ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")  # Greek, for the sans

FIXED_TIMESTAMP = 3_786_825_600  # 2024-01-01 in the font epoch (seconds since 1904): pinned for identical bytes


def make(package: str, variable: str, output: str, location: dict) -> None:
    folder = Path(importlib.import_module(package).__file__).parent
    font = TTFont(folder / "files" / variable, recalcTimestamp=False)
    static = instancer.instantiateVariableFont(font, location, updateFontNames=True)
    static.recalcTimestamp = False
    static["head"].modified = FIXED_TIMESTAMP
    static["head"].created = FIXED_TIMESTAMP
    static.save(OUT / output, reorderTables=True)
    print(f"{output}: {static['name'].getDebugName(6)}")


def copy_noto(deb: Path) -> None:
    """The Noto faces, as the Debian package ships them (their licence is written by hand: the OFL)."""
    if deb.name != NOTO_PACKAGE:
        raise SystemExit(f"expected {NOTO_PACKAGE}, got {deb.name}")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["dpkg-deb", "-x", str(deb), tmp], check=True)
        for name in NOTO_FILES:
            shutil.copyfile(Path(tmp) / NOTO_FOLDER / name, OUT / name)
            print(f"{name}: copied from {deb.name}")


def main(argv: list[str]) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for package, variable, output, location in INSTANCES:
        make(package, variable, output, location)
    for package in sorted({i[0] for i in INSTANCES}):
        licence = Path(importlib.import_module(package).__file__).parent / "LICENSE"
        shutil.copyfile(licence, OUT / f"OFL-{package.removeprefix('fontpkg_').replace('_', '-')}.txt")
    if argv:
        copy_noto(Path(argv[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
