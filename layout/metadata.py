"""Metadata the user sets: a sidecar `<name>.yml` and command-line values, over what the reader found."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from pathlib import Path

import yaml

from layout.dates import parse_date
from layout.errors import OptionError, SourceError
from layout.model import Article, Meta
from layout.readers.common import identifier

FIELDS = ("title", "dek", "authors", "publication", "date", "dateline", "lang", "url", "keywords", "cover", "credits")
ALIASES = {"subtitle": "dek", "standfirst": "dek", "description": "dek", "author": "authors",
           "language": "lang", "site": "publication", "tags": "keywords"}
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def normalize(data: Mapping, where: str) -> dict:
    """Known fields of `data` as Meta values (aliases folded, lists made tuples); unknown keys are ignored."""
    out: dict = {}
    for key, value in data.items():
        name = ALIASES.get(str(key).lower(), str(key).lower())
        if name in FIELDS and value not in (None, "", []):
            out[name] = _value(name, value, where)
    return out


def _value(name: str, value, where: str):
    if name == "credits":  # one line, or a list of lines; a credit may hold commas ("With files from AP, AFP")
        items = value if isinstance(value, (list, tuple)) else [value]
        return tuple(" ".join(str(item).split()) for item in items if str(item).strip())
    if name in ("authors", "keywords"):
        items = value if isinstance(value, (list, tuple)) else re.split(r"\s*[,;]\s*", str(value))
        return tuple(" ".join(_name(item, name, where).split()) for item in items if _name(item, name, where).strip())
    text = str(value).strip() if name == "cover" else " ".join(str(value).split())  # a file name as typed
    if name == "date":
        if hasattr(value, "isoformat"):
            text = value.isoformat()
        if parse_date(text) is None:
            raise OptionError(f"{where}: date {text!r} is not a date", "write it as YYYY-MM-DD")
    if name == "lang" and not _LANG.match(text):
        raise OptionError(f"{where}: language {text!r} is not a language tag", "use a tag such as en, de or pt-BR")
    if name == "url" and not re.match(r"^https?://\S+$", text):
        raise OptionError(f"{where}: url {text!r} is not a web address", "give the article's http(s) address")
    return text


def _name(item, field: str, where: str) -> str:
    """An author or keyword as text: a mapping gives its `name` (`{name: Ann Lee, url: ...}`)."""
    if isinstance(item, Mapping):
        if not str(item.get("name") or "").strip():
            raise OptionError(f"{where}: an entry of {field} has no name", f"write each of {field} as text, or "
                              "as a mapping with `name:`")
        return str(item["name"])
    if isinstance(item, (list, tuple)):
        raise OptionError(f"{where}: an entry of {field} is a list", f"write each of {field} as text")
    return str(item)


def sidecar(source: Path) -> dict:
    """The metadata in `<name>.yml` (or `.yaml`) beside `source`, if there is one."""
    from layout.readers import read_text

    for path in (source.with_suffix(".yml"), source.with_suffix(".yaml")):
        if path.is_file() or path.is_symlink():
            return normalize(load_yaml(read_text(path, limit=1 << 20), path.name), path.name)
    return {}


class _TextDates(yaml.SafeLoader):
    """YAML's safe loader with dates and times left as text, for the date check to judge (and name)."""


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def load_yaml(text: str, where: str, first_line: int = 1) -> dict:
    """Parse a YAML mapping; a malformed one, or one using aliases, is a SourceError naming the line."""
    try:
        refuse_aliases(text, where, first_line)
        data = yaml.load(text, Loader=_TextDates)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + first_line}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "malformed YAML"
        raise SourceError(f"{where}{line}: {problem}", "fix the YAML: `key: value`, one per line") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SourceError(f"{where}: metadata is not a mapping", "write `key: value` lines, such as `title: ...`")
    return data


def refuse_aliases(text: str, where: str, first_line: int = 1) -> None:
    """Refuse YAML aliases (`*name`): a few lines of them expand to gigabytes of text ("billion laughs")."""
    for token in yaml.scan(text):
        if isinstance(token, yaml.AliasToken):
            raise SourceError(f"{where} line {token.start_mark.line + first_line}: a value repeated by an alias "
                              f"(*{token.value})", "write each value out in full; YAML aliases are not read")


def apply(article: Article, *layers: Mapping) -> Article:
    """The article with each layer's fields set over the reader's; later layers win."""
    values: dict = {}
    for layer in layers:
        values.update(layer)
    if not values:
        return article
    meta = dataclasses.replace(article.meta, **values)
    if "url" in values and "identifier" not in values:
        meta = dataclasses.replace(meta, identifier=identifier(meta.url, meta.title, article.blocks))
    return dataclasses.replace(article, meta=meta)


def from_options(**options) -> dict:
    """Command-line values (None when not given) as metadata fields."""
    return normalize({k: v for k, v in options.items() if v is not None}, "command line")


__all__ = ["FIELDS", "Meta", "apply", "from_options", "load_yaml", "normalize", "sidecar"]
