"""SVG images made safe for an EPUB: no DOCTYPE or entities, no scripts, no reference outside the file."""

from __future__ import annotations

import logging
import re

from lxml import etree

from layout.errors import RenderError

log = logging.getLogger(__name__)

HREFS = ("href", "{http://www.w3.org/1999/xlink}href")
UNSAFE = {"script", "foreignObject", "animate", "set", "animateMotion", "animateTransform", "iframe", "embed",
          "object", "audio", "video"}
_EXTERNAL_URL = re.compile(r"url\(\s*(?!['\"]?#)[^)]*\)", re.I)
_IMPORT = re.compile(r"@import[^;]*;?", re.I)


def sanitize(data: bytes, name: str) -> bytes:
    """The SVG re-serialized without its DOCTYPE, scripts, and links to anything but itself or data: URLs."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise RenderError(f"{name} is not a readable SVG: {exc}", "save the image again, or as PNG") from exc
    removed = 0
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if etree.QName(element).localname in UNSAFE:
            element.getparent().remove(element)
            removed += 1
            continue
        removed += _strip_links(element)
    if removed:
        log.warning("%s: removed %d reference(s) outside the image from its EPUB copy", name, removed)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def _strip_links(element) -> int:
    removed = 0
    for attribute in [a for a in element.attrib if etree.QName(a).localname.lower().startswith("on")]:
        del element.attrib[attribute]  # event handlers are scripts
        removed += 1
    for attribute in HREFS:
        target = element.get(attribute)
        if target is not None and not target.startswith(("#", "data:")):
            del element.attrib[attribute]
            removed += 1
    for attribute in ("style",) + tuple(a for a in element.attrib if a not in HREFS):
        value = element.get(attribute)
        if value and _EXTERNAL_URL.search(value):
            element.set(attribute, _EXTERNAL_URL.sub("none", value))
            removed += 1
    if element.text and etree.QName(element).localname == "style":
        cleaned = _EXTERNAL_URL.sub("none", _IMPORT.sub("", element.text))
        if cleaned != element.text:
            element.text = cleaned
            removed += 1
    return removed
