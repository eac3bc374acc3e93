"""Turn a source file's bytes into text, refusing what is not a readable article."""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from layout.errors import SourceError

log = logging.getLogger(__name__)

MAX_BYTES = 16 * 1024 * 1024  # a saved news page with all its scripts stays well under this
_WESTERN = {"cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_9", "iso8859_15", "mac_roman"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, name: str) -> str:
    """Decode `data` as UTF-8 (or a BOM-marked encoding); refuse empty, binary and oversized input."""
    if len(data) > MAX_BYTES:
        raise SourceError(f"{name} is {len(data) / 2**20:.0f} MB, over the {MAX_BYTES // 2**20} MB limit for one article",
                          "split the file, or keep only the article's text")
    if not data.strip():
        raise SourceError(f"{name} is empty", "put the article's text in the file")
    text = _decode_bytes(data, name)
    if _blank(text):
        raise SourceError(f"{name} is empty", "put the article's text in the file")
    if "\x00" in text or _control_share(text) > 0.01:
        raise SourceError(f"{name} looks like binary data, not an article",
                          "give a text, Markdown or HTML file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_bytes(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise SourceError(f"{name} is not valid {encoding} despite its byte-order mark",
                                  "save the file again as UTF-8") from exc
    if b"\x00" in data:
        raise SourceError(f"{name} looks like binary data, not an article", "give a text, Markdown or HTML file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _has_utf8_sequences(data):
            raise SourceError(f"{name} is not valid UTF-8: byte {exc.start} breaks a UTF-8 file",
                              "the file mixes encodings or is damaged; save it again as UTF-8") from exc
        return _decode_detected(data, name, exc)


def _decode_detected(data: bytes, name: str, exc: UnicodeDecodeError) -> str:
    """Fall back to a detected legacy encoding (cp1252, latin-1...) and say so."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset-normalizer is a dependency
        best = None
    else:
        best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "ascii") or best.chaos > 0.2:
        raise SourceError(f"{name} is not valid UTF-8 (byte {exc.start}) and its encoding cannot be detected",
                          "save the file again as UTF-8") from exc
    encoding = best.encoding
    if encoding in _WESTERN and _decodes(data, "cp1252"):
        encoding = "cp1252"  # the legacy encoding of the Western web; ties between code pages go to it
    log.warning("%s is not UTF-8: decoded as %s", name, encoding)
    return data.decode(encoding)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _has_utf8_sequences(data: bytes) -> bool:
    """True when the bytes hold valid multi-byte UTF-8 sequences: a UTF-8 file, damaged, not a legacy one."""
    return re.search(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}", data) is not None


def _blank(text: str) -> bool:
    """Only spaces, line ends and invisible marks (a byte-order mark, zero-width spaces): nothing to read."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text)


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(1, len(text))
