"""The Markdown reader: YAML front matter for the metadata, markdown-it-py's token stream for the blocks."""

from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from layout import metadata
from layout.errors import OptionError, SourceError
from layout.model import (Article, Block, Blockquote, Code, Dropped, Heading, Image, Meta, Note, Paragraph,
                          Rule, Run, Runs, LINE_BREAK, plain)
from layout.readers import language
from layout.readers.common import block_id, fold, identifier, is_local, list_block, merge, squeeze, table_block
from layout.readers.text.boilerplate import split_credit

log = logging.getLogger(__name__)

FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
BR_TAG = re.compile(r"^<br\s*/?>$", re.I)
WEB_LINK = re.compile(r"^(?:https?://\S+|mailto:\S+@\S+)$")
ABSOLUTE_PATH = re.compile(r"^(?:/(?!/)|[A-Za-z]:[\\/]|file:)", re.I)  # rooted, a drive letter, or a file: URL


def read(text: str, name: str) -> Article:
    """Build the model from Markdown: front matter fields, then the body's blocks, footnotes as notes."""
    front, body = split_front_matter(text, name)
    fields = front_matter(front, name) if front else {}
    walk, env = Walker(), {}
    walk.run(parser().parse(body, env))
    walk.dropped.extend(unused_footnotes(env))
    blocks = walk.blocks
    title = fields.pop("title", "")
    if not title and blocks and isinstance(blocks[0], Heading) and blocks[0].level == 1:
        title = blocks.pop(0).text
    elif blocks and isinstance(blocks[0], Heading) and blocks[0].level == 1 and fold(blocks[0].text) == fold(title):
        walk.dropped.append(Dropped(blocks.pop(0).text, "repeated headline"))
    if not title:
        raise SourceError(f"{name} has no title",
                          "add `title: ...` to the front matter, or begin the article with a `# Heading` line")
    blocks = [dataclasses.replace(b, id=block_id(i), level=max(2, b.level)) if isinstance(b, Heading)
              else dataclasses.replace(b, id=block_id(i)) for i, b in enumerate(blocks)]
    if not blocks:
        raise SourceError(f"{name} holds no article text", "write the article's paragraphs below the front matter")
    if "lang" not in fields:
        fields["lang"] = language.detect(" ".join(b.text for b in blocks[:30]))
    meta = Meta(title=title, identifier=identifier(fields.get("url", ""), title, tuple(blocks)), **fields)
    log.debug("%s: %d blocks, %d notes, %d dropped", name, len(blocks), len(walk.notes), len(walk.dropped))
    return Article(meta, tuple(blocks), tuple(walk.dropped), name, tuple(walk.notes))




# --- front matter ----------------------------------------------------------------------------


def split_front_matter(text: str, name: str) -> tuple[str, str]:
    """(YAML, body): the front matter between a first line `---` and the next `---` (or `...`) line."""
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].rstrip() != "---":
        return "", text
    for index, line in enumerate(lines[1:], start=1):
        if FENCE.match(line):
            # keep the body's line count: blank lines stand in for the front matter
            return "\n".join(lines[1:index]), "\n" * (index + 1) + "\n".join(lines[index + 1:])
    raise SourceError(f"{name} line 1: the front matter is never closed",
                      "end the metadata with a line of three dashes `---`")


def front_matter(yaml_text: str, name: str) -> dict:
    """The front matter's fields as Meta values; errors name the line in the file (YAML starts on line 2)."""
    data = metadata.load_yaml(yaml_text, name, first_line=2)
    fields: dict = {}
    for key, value in data.items():
        try:
            fields.update(metadata.normalize({key: value}, name))
        except OptionError as exc:
            line = key_line(yaml_text, str(key))
            raise SourceError(exc.message.replace(f"{name}:", f"{name} line {line}:", 1), exc.hint) from exc
    return fields


def key_line(yaml_text: str, key: str) -> int:
    """The file line of `key:` in the front matter (the YAML starts on line 2)."""
    for index, line in enumerate(yaml_text.split("\n")):
        if re.match(rf"^{re.escape(key)}\s*:", line):
            return index + 2
    return 2


# --- the token stream ------------------------------------------------------------------------


def unused_footnotes(env: dict) -> list[Dropped]:
    """The footnotes defined but never referred to, which the parser leaves out: recorded, not lost silently."""
    refs = env.get("footnotes", {}).get("refs", {})
    return [Dropped(f"[^{label.lstrip(':')}]", "footnote never referred to") for label, n in refs.items() if n < 0]


def parser():
    """CommonMark with footnotes; raw HTML is parsed (so it can be dropped), never rendered.

    Every link and image target is let through as a token (file: and javascript: ones too): the walker
    keeps only web links and relative images and records the rest as dropped, instead of leaving the
    Markdown source of a refused link in the text."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"html": True}).use(footnote_plugin).enable("table")
    md.validateLink = lambda url: True
    return md


@dataclass
class Style:
    emphasis: int = 0
    strong: int = 0
    links: list[str] = field(default_factory=list)


@dataclass
class Walker:
    """Walks markdown-it's flat token stream into blocks, notes and dropped records."""

    blocks: list[Block] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)

    def run(self, tokens) -> None:
        index = 0
        while index < len(tokens):
            index = self.block(tokens, index)

    def block(self, tokens, i: int) -> int:
        """Handle the block starting at token `i`; return the index after it."""
        token = tokens[i]
        kind = token.type
        if kind == "heading_open":
            runs = self.inline(tokens[i + 1])
            if plain(runs).strip():
                self.blocks.append(Heading("", runs, int(token.tag[1])))
            return i + 3
        if kind == "paragraph_open":
            self.paragraph(tokens[i + 1])
            return i + 3
        if kind == "blockquote_open":
            end = closing(tokens, i)
            paragraphs = self.paragraphs(tokens[i + 1:end])
            if paragraphs:
                self.blocks.append(Blockquote("", tuple(paragraphs)))
            return end + 1
        if kind in ("bullet_list_open", "ordered_list_open"):
            end = closing(tokens, i)
            ordered = kind == "ordered_list_open"
            made = list_block(self.items(tokens[i + 1:end], ordered), ordered)
            if made:
                self.blocks.append(made)
            return end + 1
        if kind == "hr":
            self.blocks.append(Rule(""))
        elif kind in ("code_block", "fence") and token.content.strip():
            language = (token.info or "").split()[0] if kind == "fence" and token.info.strip() else ""
            self.blocks.append(Code("", token.content.rstrip("\n"), language))
        elif kind == "table_open":
            end = closing(tokens, i)
            self.table(tokens[i + 1:end])
            return end + 1
        elif kind == "html_block":
            self.dropped.append(Dropped(token.content.strip(), "raw HTML"))
        elif kind == "footnote_block_open":
            end = closing(tokens, i)
            self.footnotes(tokens[i + 1:end])
            return end + 1
        return i + 1

    def paragraph(self, inline_token) -> None:
        """A paragraph; an image in it becomes an Image block of its own (after the text, if any)."""
        images = [c for c in inline_token.children or [] if c.type == "image"]
        runs = self.inline(inline_token, images_as_text=False)
        if plain(runs).strip():
            self.blocks.append(Paragraph("", runs))
        for image in images:
            self.image(image)

    def image(self, token) -> None:
        src, alt, title = token.attrGet("src") or "", token.content or "", token.attrGet("title") or ""
        if not is_local(src):
            self.dropped.append(Dropped(src or alt, "absolute image path" if is_absolute(src) else "remote image"))
            return
        self.blocks.append(Image("", src, squeeze(alt), *split_credit(squeeze(title))))  # "... Photo: X" credits

    def paragraphs(self, tokens) -> list[Runs]:
        """The inline contents of a quotation, one run sequence per paragraph, heading or list item."""
        return [runs for t in self.untabled(tokens) if t.type == "inline" and plain(runs := self.inline(t)).strip()]

    def untabled(self, tokens) -> list:
        """`tokens` without the tables in them, which a quotation or list item cannot hold: each recorded."""
        kept, cells = [], None  # cells: those of the table being skipped, or None outside one
        for token in tokens:
            if token.type == "table_open":
                cells = []
            elif token.type == "table_close":
                self.dropped.append(Dropped(" | ".join(cells), "table inside a quotation or list"))
                cells = None
            elif cells is not None:
                cells += [token.content.strip()] if token.type == "inline" else []
            else:
                kept.append(token)
        return kept

    def items(self, tokens, ordered: bool) -> list[tuple[Runs, int, bool]]:
        """A list's items in reading order: (runs, how deep it is nested (a list inside an item is one
        deeper), whether the list holding it is numbered)."""
        slots: list[Runs] = []
        depths: list[int] = []
        kinds: list[bool] = [ordered]  # the kind of each open list, outermost first
        numbered: list[bool] = []
        open_items: list[int] = []
        for token in self.untabled(tokens):
            if token.type in ("bullet_list_open", "ordered_list_open"):
                kinds.append(token.type == "ordered_list_open")
            elif token.type in ("bullet_list_close", "ordered_list_close"):
                kinds.pop()
            elif token.type == "list_item_open":
                open_items.append(len(slots))
                slots.append(())
                depths.append(len(open_items) - 1)
                numbered.append(kinds[-1])
            elif token.type == "list_item_close":
                open_items.pop()
            elif token.type == "inline" and open_items:
                slot = open_items[-1]
                gap = (LINE_BREAK,) if plain(slots[slot]).strip() else ()  # an item's next paragraph
                slots[slot] = slots[slot] + gap + self.inline(token)
            elif token.type == "html_block":
                self.dropped.append(Dropped(token.content.strip(), "raw HTML"))
        return list(zip(slots, depths, numbered))

    def table(self, tokens) -> None:
        """A pipe table: its header row, then the body rows (the parser gives every row the header's cells)."""
        cells: list[Runs] = []
        align: list[str] = []
        for token in tokens:
            if token.type == "th_open":
                align.append((token.attrGet("style") or "").removeprefix("text-align:"))
            elif token.type == "inline":
                cells.append(self.inline(token))
        if align and any(plain(cell).strip() for cell in cells):
            made = table_block(tuple(cells), len(align), 1, tuple(align))
            (self.dropped if isinstance(made, Dropped) else self.blocks).append(made)

    def footnotes(self, tokens) -> None:
        """Footnote definitions -> Notes, labelled by the order of their first reference."""
        note, paragraphs = None, []
        for token in tokens:
            if token.type == "footnote_open":
                note, paragraphs = token.meta["id"], []
            elif token.type == "inline" and note is not None:
                runs = self.inline(token)
                if plain(runs).strip():
                    paragraphs.append(runs)
            elif token.type == "footnote_close" and note is not None:
                self.notes.append(Note(note_id(note), str(note + 1), tuple(paragraphs)))
                note = None

    def inline(self, token, images_as_text: bool = True) -> Runs:
        """The runs of an inline token: nested emphasis, strong and links flattened into Run flags."""
        style, pieces = Style(), []
        for child in token.children or []:
            self.inline_child(child, style, pieces, images_as_text)
        return merge(pieces)

    def inline_child(self, child, style: Style, pieces: list[Run], images_as_text: bool) -> None:
        kind = child.type
        if kind in ("text", "code_inline"):
            pieces.append(Run(child.content, style.emphasis > 0, style.strong > 0,
                              next((h for h in reversed(style.links) if h), ""), code=kind == "code_inline"))
        elif kind == "softbreak":
            pieces.append(Run(" ", style.emphasis > 0, style.strong > 0))
        elif kind == "hardbreak":
            pieces.append(LINE_BREAK)
        elif kind in ("em_open", "em_close"):
            style.emphasis += 1 if kind == "em_open" else -1
        elif kind in ("strong_open", "strong_close"):
            style.strong += 1 if kind == "strong_open" else -1
        elif kind == "link_open":
            style.links.append(self.link(child.attrGet("href") or ""))
        elif kind == "link_close" and style.links:
            style.links.pop()
        elif kind == "footnote_ref":
            pieces.append(Run(str(child.meta["id"] + 1), note=note_id(child.meta["id"])))
        elif kind == "html_inline" and BR_TAG.match(child.content):  # the way to break a line in a table cell
            pieces.append(LINE_BREAK)
        elif kind == "html_inline":
            self.dropped.append(Dropped(child.content, "raw HTML"))
        elif kind == "image" and images_as_text:
            self.dropped.append(Dropped(child.attrGet("src") or "", "image inside a list, quotation or heading"))
            pieces.append(Run(child.content))

    def link(self, href: str) -> str:
        """A web or e-mail link; any other (a local file, a fragment) leads nowhere from the outputs."""
        if WEB_LINK.match(href):
            return href
        local = urlsplit(href).scheme.lower() in ("", "file")
        self.dropped.append(Dropped(href, "link to a local file or fragment" if local else "link to no web address"))
        return ""


def closing(tokens, i: int) -> int:
    """The index of the token closing the one at `i` (same nesting level)."""
    close = tokens[i].type.replace("_open", "_close")
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j].type == tokens[i].type:
            depth += 1
        elif tokens[j].type == close:
            depth -= 1
            if depth == 0:
                return j
    return len(tokens) - 1


def note_id(number: int) -> str:
    return f"note-{number + 1}"




def is_absolute(src: str) -> bool:
    """A path naming a file wherever it is (/home/..., C:\\..., file:///...): the article cannot carry it."""
    return ABSOLUTE_PATH.match(unquote(src)) is not None
