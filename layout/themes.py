"""Themes: folders of print and EPUB stylesheets under styles/, found by name or path."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from layout.errors import OptionError

PACKAGE = Path(__file__).resolve().parent
DEFAULT_THEME = "clipping"
NOT_THEMES = {"fonts", "shared"}  # folders of styles/ that themes build on


def styles_root() -> Path:
    """The bundled styles: inside the installed package, else the checkout's top-level styles/."""
    bundled = PACKAGE / "styles"
    return bundled if bundled.is_dir() else PACKAGE.parent / "styles"


@dataclass(frozen=True)
class Theme:
    """A theme folder with its print and EPUB stylesheets; `roots` are the folders it may read."""

    name: str
    folder: Path
    roots: tuple[Path, ...]

    @property
    def print_css(self) -> Path:
        return self.folder / "print.css"

    @property
    def epub_css(self) -> Path:
        return self.folder / "epub.css"

    @property
    def fonts(self) -> Path:
        return styles_root() / "fonts"

    @property
    def shared(self) -> Path:
        """The parts every theme builds on: styles/shared/ (print.css is imported, epub.css prepended)."""
        return styles_root() / "shared"

    def epub_stylesheet(self) -> str:
        """The EPUB's one stylesheet: the shared base, then the theme's own rules."""
        return "".join(p.read_text(encoding="utf-8") for p in (self.shared / "epub.css", self.epub_css))


def available() -> list[str]:
    """The names of the bundled themes."""
    return sorted(p.name for p in styles_root().iterdir()
                  if p.name not in NOT_THEMES and (p / "print.css").is_file() and (p / "epub.css").is_file())


def load(name_or_path: str = DEFAULT_THEME) -> Theme:
    """The theme named `name_or_path` under styles/, or the theme folder at that path."""
    folder = Path(name_or_path)
    if not folder.is_dir():
        folder = styles_root() / name_or_path
    if folder.resolve().parent == styles_root().resolve() and folder.name in NOT_THEMES or \
            not (folder / "print.css").is_file() or not (folder / "epub.css").is_file():
        raise OptionError(f"unknown theme {name_or_path!r}",
                          f"use one of {', '.join(available())}, or a folder holding print.css and epub.css")
    folder = folder.resolve()
    roots = tuple(dict.fromkeys((folder, styles_root().resolve())))
    return Theme(folder.name, folder, roots)
