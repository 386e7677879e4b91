"""A body's structure as small values: paragraphs and lists, kept by a record
so every view that repeats the body shows its lists as lists, and a CSV cell
as text with its numbering ("1. A\\n2. B").

Only the shape is kept, not inline markup: views show plain text, as they
always have; what an outline adds is where a list and each item begin.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docutils import nodes


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Listing:
    """A bullet list (``ordered`` false) or an enumerated one, as docutils numbers it."""

    ordered: bool
    items: tuple[tuple[Para | Listing, ...], ...]
    enumtype: str = "arabic"
    start: int = 1
    prefix: str = ""
    suffix: str = "."

    def label(self, index: int) -> str:
        """``3.``, ``c)``, ``(iv)``: the item's marker as the source numbered it."""
        if not self.ordered:
            return "-"
        n = self.start + index
        if self.enumtype == "loweralpha":
            mark = _alpha(n)
        elif self.enumtype == "upperalpha":
            mark = _alpha(n).upper()
        elif self.enumtype == "lowerroman":
            mark = _roman(n).lower()
        elif self.enumtype == "upperroman":
            mark = _roman(n)
        else:
            mark = str(n)
        return f"{self.prefix}{mark}{self.suffix}"


Block = Para | Listing
Outline = tuple[Block, ...]


def _alpha(n: int) -> str:
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out or "0"


def _roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = ""
    for value, mark in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += mark
            n -= value
    return out


def _plain(node: nodes.Node) -> str:
    return " ".join(node.astext().split())


def outline_of(node: nodes.Element) -> Outline:
    """The paragraphs and lists of a parsed body; any other block is kept as
    a paragraph of its text."""
    blocks: list[Block] = []
    for child in node.children:
        if isinstance(child, nodes.bullet_list | nodes.enumerated_list):
            ordered = isinstance(child, nodes.enumerated_list)
            items = tuple(
                outline_of(item) for item in child.children if isinstance(item, nodes.list_item)
            )
            blocks.append(
                Listing(
                    ordered,
                    items,
                    str(child.get("enumtype", "arabic")),
                    int(child.get("start", 1)),
                    str(child.get("prefix", "")),
                    str(child.get("suffix", ".")),
                )
                if ordered
                else Listing(False, items)
            )
        elif isinstance(child, nodes.container | nodes.compound):
            blocks += outline_of(child)
        elif isinstance(child, nodes.Element) and not isinstance(
            child, nodes.system_message | nodes.target | nodes.comment
        ):
            text = _plain(child)
            if text:
                blocks.append(Para(text))
    return tuple(blocks)


def as_outline(value: Sequence[object]) -> Outline:
    """A record's stored outline (typed loosely in the model) as blocks."""
    return tuple(b for b in value if isinstance(b, Para | Listing))


def has_structure(outline: Sequence[object]) -> bool:
    """Whether the outline is more than one paragraph (a list, or several)."""
    blocks = as_outline(outline)
    return len(blocks) > 1 or any(isinstance(b, Listing) for b in blocks)


def outline_text(outline: Sequence[object]) -> str:
    """Text that keeps the structure: one line per paragraph, ``1. `` or
    ``- `` before each list item, nested lines indented under their item."""
    lines: list[str] = []
    for block in as_outline(outline):
        if isinstance(block, Para):
            lines.append(block.text)
            continue
        for i, item in enumerate(block.items):
            marker = block.label(i) + " "
            inner = outline_text(item).split("\n") if item else [""]
            lines.append(marker + inner[0])
            lines += [" " * len(marker) + line if line else "" for line in inner[1:]]
    return "\n".join(lines)


def outline_nodes(outline: Sequence[object]) -> list[nodes.Element]:
    """Paragraphs and (bullet or enumerated) lists every builder renders."""
    out: list[nodes.Element] = []
    for block in as_outline(outline):
        if isinstance(block, Para):
            out.append(nodes.paragraph(block.text, block.text))
            continue
        if block.ordered:
            listing: nodes.Element = nodes.enumerated_list(
                enumtype=block.enumtype, prefix=block.prefix, suffix=block.suffix
            )
            if block.start != 1:
                listing["start"] = block.start
        else:
            listing = nodes.bullet_list(bullet="-")
        for item in block.items:
            li = nodes.list_item()
            li.extend(outline_nodes(item))
            listing += li
        out.append(listing)
    return out
