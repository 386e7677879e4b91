"""A record's body: parsed as the page's markup, with the blocks nested in
it (``skill-level``, ``red-flags``, ``expectation``, ``assessment``) built as
nodes that carry their data until the record around them collects it
(:mod:`.cards`). Shared by the record directives, the nested blocks and
``team-import``, so an imported record's body is built exactly as a written one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList

from ..lines import full_text
from ..locale import _
from ..outline import outline_of
from ..parsing import Problem, parse_id
from .base import TeamDirective

#: Kinds of the records whose bodies are being parsed, innermost last. Reading
#: is single-threaded within a process, so a plain stack is enough.
OPEN_RECORDS: list[str] = []

#: Node attribute: the lines (first, count) a nested field block spans in its
#: page, so the record's body source can leave it out.
SPAN = "teamext_span"
BULLET = re.compile(r"[-*+][ \t]+(.*)\Z")
#: Node attribute holding an assessment's fields until its card collects them.
ASSESSMENT = "teamext_assessment"
#: Node attribute of an ``evidence`` block: the skill it is about.
EVIDENCE = "teamext_evidence"


def skill_argument(arguments: Sequence[str]) -> tuple[str | None, list[Problem]]:
    """The skill id a nested block (``expectation``, ``evidence``) is about."""
    if not arguments:
        return None, [Problem("option", "missing skill argument")]
    return parse_id(arguments[0], "skill id")


def parsed_content(directive: TeamDirective, classes: Sequence[str] = ()) -> nodes.container:
    """A nested block's content, parsed as the page's markup, raw markup as text."""
    inner = nodes.container(classes=list(classes))
    directive.state.nested_parse(directive.content, directive.content_offset, inner)
    raw_as_text(inner)
    return inner


def raw_as_text(node: nodes.Element) -> None:
    """Show raw HTML or LaTeX in a card body as text, never as markup.

    Cards are data that other pages and builders reuse; markup passed through
    from a body could run script in every page that shows the card.
    """
    for raw in list(node.findall(nodes.raw)):
        text = raw.astext()
        inline = isinstance(raw.parent, nodes.TextElement)
        new = nodes.inline if inline else nodes.paragraph
        raw.replace_self(new(text, text, classes=["teamext-raw-text"]))


def source_text(lines: Sequence[str]) -> str:
    """Lines as written, without blank lines around them."""
    kept = list(lines)
    while kept and not kept[0].strip():
        kept.pop(0)
    while kept and not kept[-1].strip():
        kept.pop()
    return "\n".join(kept)


def plain(node: nodes.Node) -> str:
    return " ".join(node.astext().split())


def is_myst(directive: TeamDirective) -> bool:
    return type(directive.state).__module__.startswith("myst_parser")


def span_of(directive: TeamDirective) -> tuple[int, int]:
    """The lines a nested directive spans: its first line and how many."""
    source, _line = directive.get_source_info()
    text = full_text(source, directive.lineno, directive.block_text)
    return (directive.lineno, max(1, len(text.splitlines())))


def body_source(directive: TeamDirective, spans: Sequence[tuple[int, int]]) -> str:
    """The directive's content as written, minus the nested field blocks."""
    content = directive.content
    if not content:
        return ""
    myst = is_myst(directive)
    kept: list[str] = []
    removed = False
    for i, line in enumerate(content):
        # MyST numbers a nested block from the offset the body was parsed at
        # (as nested directives see it); docutils gives each line its 0-based
        # place in the source.
        number = (
            directive.lineno + directive.content_offset + i + 1 if myst else content.offset(i) + 1
        )
        if any(first <= number < first + count for first, count in spans):
            removed = True
            continue
        if removed and not line.strip() and kept and not kept[-1].strip():
            continue  # one blank line where a block was left out
        removed = removed and not line.strip()
        kept.append(line)
    return source_text(kept)


def parse_body(
    directive: TeamDirective, kind: str, content: StringList, offset: int, body: nodes.Element
) -> None:
    """Parse a record's body (the page's markup), with ``kind`` open for nested blocks."""
    OPEN_RECORDS.append(kind)
    try:
        directive.state.nested_parse(content, offset, body)
    finally:
        OPEN_RECORDS.pop()
    raw_as_text(body)


def level_block(
    value: int | None,
    shown: str,
    inner: nodes.container,
    source: str,
    scale: Sequence[str],
    *,
    first: int = 0,
    line: int = 0,
) -> nodes.container:
    """What ``skill-level`` shows: the level (numbered as the source numbers
    it, from ``first``), then its parsed description."""
    block = nodes.container(classes=["teamext-skill-level"])
    label = nodes.paragraph(classes=["teamext-skill-level-label"])
    label += nodes.strong("", f"{value + first} · {scale[value]}" if value is not None else shown)
    block += label
    block += inner
    if value is not None:
        block["teamext_level"] = value
        block["teamext_text"] = plain(inner)
        block["teamext_source"] = source
        block["teamext_shown"] = shown
        block["teamext_line"] = line
    return block


def expectation_block(
    skill: str | None, shown: str, inner: nodes.container, source: str, lineno: int
) -> nodes.container:
    """What ``expectation`` leaves in the body; the card collects and removes it
    (it is shown under its skill) unless it is misplaced."""
    block = nodes.container(classes=["teamext-expectation"])
    label = nodes.paragraph(classes=["teamext-expectation-label"])
    label += nodes.strong("", shown)
    block += label
    block += inner
    if skill is not None:
        block["teamext_expect"] = skill
        block["teamext_text"] = plain(inner)
        block["teamext_outline"] = outline_of(inner)
        block["teamext_source"] = source
        block["teamext_line"] = lineno
    return block


def red_flags_block(directive: TeamDirective, content: StringList, offset: int) -> nodes.admonition:
    block = nodes.admonition(classes=["teamext-red-flags"])
    directive.set_source_info(block)
    block += nodes.title(_("Red flags"), _("Red flags"))
    directive.state.nested_parse(content, offset, block)
    raw_as_text(block)
    items = [plain(li) for li in block.findall(nodes.list_item)]
    if not items:
        text = " ".join(p.astext() for p in block.children[1:])
        items = [" ".join(text.split())] if text.strip() else []
    block["teamext_items"] = items
    block["teamext_sources"] = flag_sources(list(content), items)
    return block


def flag_sources(lines: list[str], items: list[str]) -> list[str]:
    """Each red flag as written: the text of each ``- item`` of a plain list."""
    found: list[list[str]] = []
    for line in lines:
        if not line.strip():
            continue
        match = BULLET.match(line)
        if match:
            found.append([match[1]])
        elif line[:1] in (" ", "\t") and found:
            found[-1].append(line.strip())
        else:
            found = []
            break
    if len(found) == len(items) and found:
        return ["\n".join(item) for item in found]
    if len(items) == 1:
        return [source_text(lines)]
    return list(items)


def flags_markup(flags: Sequence[str]) -> list[str]:
    """Red flags as a bullet list, in a form MyST and reStructuredText both read."""
    lines: list[str] = []
    for flag in flags:
        first, *rest = flag.split("\n") or [""]
        lines.append(f"- {first}")
        lines += [f"  {line}" if line.strip() else "" for line in rest]
    return lines


def scale_name(config: Any, value: int) -> str:
    levels = list(config.teamext_levels)
    return str(levels[value]) if 0 <= value < len(levels) else str(value)


def assessment_block(
    fields: dict[str, Any] | None,
    inner: nodes.Element,
    body: str,
    lineno: int,
    evidence: Sequence[tuple[str, str]] = (),
) -> nodes.container:
    """What ``assessment`` leaves in a card's body until the card collects it."""
    block = nodes.container(classes=["teamext-assessment"])
    label = nodes.paragraph(classes=["teamext-assessment-label"])
    by = str(fields["by"]) if fields else "?"
    label += nodes.strong("", _("Assessment by %s") % by)
    block += label
    block += inner
    if fields is not None:
        found = list(evidence)
        for item in inner.findall(nodes.container):
            if EVIDENCE in item:
                found.append((item[EVIDENCE], item["teamext_text"]))
        text = " ".join(
            plain(child)
            for child in inner.children
            if not (isinstance(child, nodes.Element) and "teamext-evidence" in child["classes"])
        )
        block[ASSESSMENT] = {
            **fields,
            "evidence": found,
            "body": body,
            "text": " ".join(text.split()),
            "line": lineno,
        }
    return block
