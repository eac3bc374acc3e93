"""Check the files an article refers to: images must be files inside the article's folder, or be dropped."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from layout.errors import SourceError
from layout.model import Article, Dropped, Image

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}
COVER_SUFFIXES = {".png", ".jpg", ".jpeg"}  # what every reading system shows as a cover


def local_image(src: str, folder: Path) -> tuple[Path | None, str]:
    """The file an image's `src` names inside `folder`, or None and the reason it cannot be used."""
    parts = urlsplit(src)
    if parts.scheme and parts.scheme != "file" or src.startswith("//"):
        return None, "remote image (not fetched)"
    path = Path(unquote(parts.path)) if parts.scheme == "file" else folder / unquote(parts.path)
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):
        return None, "image path cannot be resolved"
    if not resolved.is_relative_to(folder.resolve()):
        return None, "image outside the article's folder"
    if resolved.is_dir():
        return None, "a folder, not a picture"
    if not resolved.is_file():
        return None, "image file not found"
    if resolved.suffix.lower() not in IMAGE_SUFFIXES:
        return None, f"not an image format ({resolved.suffix or 'no suffix'})"
    found = image_format(resolved)
    if not found:
        return None, "not a readable image"
    if found != FORMATS[resolved.suffix.lower()]:
        return None, f"a {found} picture named {resolved.suffix} (readers go by the name)"
    return resolved, ""


FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP", ".svg": "SVG"}


def image_format(path: Path) -> str:
    """The format of the picture the file holds ("PNG", "JPEG", "SVG"...), or "" when it holds none that
    parses (an SVG by its root element, a raster by PIL, decoded to its end: a cut-off file is none)."""
    if path.suffix.lower() == ".svg":
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        try:
            return "SVG" if etree.parse(str(path), parser).getroot().tag.endswith("svg") else ""
        except (etree.XMLSyntaxError, OSError):
            return ""
    from PIL import Image as Picture, ImageFile

    lenient = ImageFile.LOAD_TRUNCATED_IMAGES  # WeasyPrint sets it for the whole process when imported
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with Picture.open(path) as picture:
            found = picture.format or ""
            picture.verify()
        with Picture.open(path) as picture:
            picture.draft("RGB", (256, 256))  # a JPEG decoded at a fraction of its size: quick, and still to its end
            picture.load()
    except Exception:  # PIL raises many kinds for broken or hostile files (bombs included)
        return ""
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient
    return found


def check_cover(src: str, folder: Path, where: str) -> Path | None:
    """The cover picture's file inside `folder` (None when no cover is asked for); refused when unusable,
    since a cover is asked for by name and must not be lost silently."""
    if not src:
        return None
    named = src if "://" in src or src.startswith("//") else quote(src)  # a path, not an address: "#", "%" as typed
    path, reason = local_image(named, folder)
    if path is None:
        raise SourceError(f"{where}: cover {src}: {reason}", cover_hint(reason))
    if path.suffix.lower() not in COVER_SUFFIXES:
        raise SourceError(f"{where}: cover {src}: a cover must be a JPEG or PNG", "convert the cover picture to JPEG or PNG")
    return path


def cover_hint(reason: str) -> str:
    """What to do about a cover that `local_image` refused for `reason`."""
    if "picture named" in reason:
        return "give the file the suffix of its format (.png for a PNG), or save it again as JPEG or PNG"
    if reason.startswith("not "):
        return "save the picture again as JPEG or PNG"
    return "put the cover picture in the article's folder and give its path from there, or leave out `cover`"


def check_images(article: Article, folder: Path) -> Article:
    """The article without the images that cannot be used, each recorded as dropped with its reason."""
    blocks, dropped = [], list(article.dropped)
    for block in article.blocks:
        if isinstance(block, Image):
            path, reason = local_image(block.src, folder)
            if path is None:
                dropped.append(Dropped(block.src, reason))
                continue
        blocks.append(block)
    if len(blocks) == len(article.blocks):
        return article
    return dataclasses.replace(article, blocks=tuple(blocks), dropped=tuple(dropped))
