"""``skill``, ``interview-stage``, ``role-card`` and ``person-card``, plus the
``skill-level``, ``red-flags`` and ``expectation`` blocks that may appear in
their bodies.

The pieces that turn fields and a parsed body into a record and its card are
functions, so ``team-import`` builds imported records exactly as these
directives do (:mod:`.team_import`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, ClassVar

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx

from ..config import first_number, guidance_label
from ..fields import OPTIONS, record_fields
from ..lines import full_text
from ..locale import _
from ..model import Assessment, Expectation, Person, Record, Role, Skill, Stage
from ..outline import outline_of
from ..parsing import (
    Problem,
    parse_id,
)
from ..render.cards import CardView
from ..render.nodes import MARK, guidance_marker
from .base import TeamDirective

#: Kinds of the records whose bodies are being parsed, innermost last. Reading
#: is single-threaded within a process, so a plain stack is enough.
OPEN_RECORDS: list[str] = []

KIND_LABELS = {
    "skill": _("Skill"),
    "stage": _("Interview stage"),
    "role": _("Role"),
    "person": _("Person"),
}

RECORD_CLASSES: dict[str, type[Record]] = {
    "skill": Skill,
    "stage": Stage,
    "role": Role,
    "person": Person,
}

#: Node attribute: the lines (first, count) a nested field block spans in its
#: page, so the record's body source can leave it out.
SPAN = "teamext_span"
BULLET = re.compile(r"[-*+][ \t]+(.*)\Z")


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


def collect_fields(
    kind: str, body: nodes.Element, guidance: frozenset[str], config: Any
) -> tuple[dict[str, Any], list[Problem], list[tuple[int, int]]]:
    """Fields held by blocks nested in a record's body (levels, red flags,
    expectations), the problems found, and the lines those blocks span."""
    problems: list[Problem] = []
    spans: list[tuple[int, int]] = []
    fields: dict[str, Any] = {}
    if kind == "skill":
        found: dict[int, tuple[str, str]] = {}
        for block in body.findall(nodes.container):
            if "teamext_level" not in block:
                continue
            block["teamext_owner"] = True
            if SPAN in block:  # read once; MyST and RST number lines differently
                spans.append(block.attributes.pop(SPAN))
            if "levels" in guidance:  # the description is the authors' suggestion
                label_para = block.next_node(nodes.paragraph)
                if label_para is not None:
                    label_para += guidance_marker(MARK, MARK, label=guidance_label(config))
            value = int(block["teamext_level"])
            # Where and how it was written, for a problem only: not kept in the
            # doctree, whose shape must not depend on the syntax.
            shown = block.attributes.pop("teamext_shown", "")
            line = int(block.attributes.pop("teamext_line", 0))
            if value in found:
                # at the second block: the one to edit or remove
                number = value + first_number(config)
                problems.append(
                    Problem(
                        "level",
                        f"level {number} ({scale_name(config, value)}) is described twice; "
                        "the first description is used",
                        "levels",
                        str(shown or number),
                        line,
                    )
                )
                continue
            found[value] = (block["teamext_text"], block.get("teamext_source", ""))
        ordered = sorted(found.items())
        fields = {
            "level_text": tuple((v, text) for v, (text, _s) in ordered),
            "level_source": tuple((v, src) for v, (_t, src) in ordered),
        }
    elif kind == "stage":
        flags: list[str] = []
        sources: list[str] = []
        for flag_block in body.findall(nodes.admonition):
            if "teamext-red-flags" in flag_block["classes"]:
                flag_block["teamext_owner"] = True
                if SPAN in flag_block:
                    spans.append(flag_block.attributes.pop(SPAN))
                flags += flag_block.get("teamext_items", [])
                sources += flag_block.get("teamext_sources", [])
        fields = {"red_flags": tuple(flags), "red_flags_source": tuple(sources)}
    elif kind in ("role", "person"):
        expectations: dict[str, Expectation] = {}
        for block in list(body.findall(nodes.container)):
            if "teamext_expect" not in block:
                continue
            if SPAN in block:
                spans.append(block.attributes.pop(SPAN))
            skill = block["teamext_expect"]
            if skill in expectations:
                problems.append(
                    Problem(
                        "option",
                        f"expectation for skill {skill!r} is given twice; the first is used",
                        "expectations",
                        skill,
                    )
                )
            else:
                expectations[skill] = Expectation(
                    skill,
                    block["teamext_text"],
                    block["teamext_source"],
                    block["teamext_line"],
                    outline=tuple(block.get("teamext_outline", ())),
                )
            if block.parent is not None:
                block.parent.remove(block)  # shown under its skill instead
        fields = {"expectations": tuple(expectations.values())}
        if kind == "person":
            fields["assessments"] = collect_assessments(body, spans)
    return fields, problems, spans


def collect_assessments(
    body: nodes.Element, spans: list[tuple[int, int]]
) -> tuple[Assessment, ...]:
    """``assessment`` blocks of a person card, taken out of its body (the card
    shows the latest of each kind instead); ``person`` is filled in by the card."""
    found: list[Assessment] = []
    for block in list(body.findall(nodes.container)):
        data = block.get("teamext_assessment")
        if data is None:
            continue
        if SPAN in block:
            spans.append(block.attributes.pop(SPAN))
        found.append(
            Assessment(
                person="",
                by=data["by"],
                date=data["date"],
                skills=tuple((sid, level) for sid, level in data["skills"]),
                evidence=tuple((sid, text) for sid, text in data["evidence"]),
                body=data["body"],
                text=data.get("text", ""),
                lineno=data["line"],
                seq=len(found),
                places=tuple(sorted(data.get("places", {}).items())),
            )
        )
        if block.parent is not None:
            block.parent.remove(block)
    return tuple(found)


def card_shell(directive: TeamDirective, kind: str, title: str) -> nodes.container:
    card = nodes.container(classes=["teamext-card", f"teamext-{kind}"])
    directive.set_source_info(card)
    heading = nodes.paragraph(classes=["teamext-card-title"])
    heading += nodes.inline("", KIND_LABELS[kind], classes=["teamext-kind"])
    heading += nodes.Text(" ")
    heading += nodes.strong(title, title)
    card += heading
    return card


def add_record(
    directive: TeamDirective, kind: str, ident: str, title: str, fields: dict[str, Any]
) -> Record:
    """Store a record at the directive's page and line, after the page's others."""
    env = directive.env
    if "assessments" in fields:  # whose and where, now that the card has an id
        fields = dict(fields)
        fields["assessments"] = tuple(
            replace(a, person=ident, docname=env.docname, origin=fields.get("origin", ""))
            for a in fields["assessments"]
        )
    record = RECORD_CLASSES[kind](
        id=ident,
        title=title,
        docname=env.docname,
        lineno=directive.lineno,
        seq=directive.domain.next_seq(env.docname),
        **fields,
    )
    directive.domain.add_record(record)
    return record


def claim_anchor(directive: TeamDirective, record: Record, node: nodes.Element) -> None:
    """Give ``node`` the record's anchor. A second definition on the same page
    keeps none: the first owns it, and teamext.duplicate (which
    suppress_warnings can silence) says so."""
    document = directive.state.document
    if record.anchor not in document.ids:
        node["ids"].append(record.anchor)
        document.note_explicit_target(node)


def finish_card(
    directive: TeamDirective,
    kind: str,
    ident: str | None,
    title: str,
    fields: dict[str, Any],
    body: nodes.container,
) -> list[nodes.Node]:
    """The card of a record: heading, facts (filled in later), body, backlinks."""
    card = card_shell(directive, kind, title)
    card += body
    if ident is None:  # nothing to record: keep the content, unlinked
        if not len(body):
            card.remove(body)
        return [card]
    record = add_record(directive, kind, ident, title, fields)
    claim_anchor(directive, record, card)
    view = directive.add_view(CardView(directive.env.docname, directive.lineno, record=record))
    card.insert(1, directive.placeholder(view, "fields"))
    if kind in ("skill", "stage"):
        card += directive.placeholder(view, "backlinks")
    if not len(body):
        card.remove(body)
    return [card]


class RecordDirective(TeamDirective):
    """A record: an id argument, options, and a MyST or RST body."""

    kind: ClassVar[str] = ""
    required_options = ("title",)
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        self.check_options()
        problems: list[Problem] = []
        ident, errs = parse_id(self.arguments[0] if self.arguments else None, f"{self.kind} id")
        problems += errs
        title = self.option("title") or ident or _("Untitled")
        options = {name: str(value) for name, value in self.options.items()}
        fields, errs = record_fields(
            self.kind, options, self.config.teamext_levels, first=first_number(self.config)
        )
        problems += errs
        body = nodes.container(classes=["teamext-body"])
        if self.content:
            parse_body(self, self.kind, self.content, self.content_offset, body)
        nested, errs, spans = collect_fields(self.kind, body, fields["guidance"], self.config)
        fields.update(nested)
        problems += errs
        fields["body"] = body_source(self, spans)
        self.report(problems)
        return finish_card(self, self.kind, ident, title, fields, body)


class SkillDirective(RecordDirective):
    kind = "skill"
    known_options = OPTIONS["skill"]


class StageDirective(RecordDirective):
    kind = "stage"
    directive_label = "interview-stage"
    known_options = OPTIONS["stage"]


class RoleCardDirective(RecordDirective):
    kind = "role"
    directive_label = "role-card"
    known_options = OPTIONS["role"]


class PersonCardDirective(RecordDirective):
    kind = "person"
    directive_label = "person-card"
    known_options = OPTIONS["person"]


def setup_records(app: Sphinx) -> None:
    app.add_directive("skill", SkillDirective)
    app.add_directive("interview-stage", StageDirective)
    app.add_directive("role-card", RoleCardDirective)
    app.add_directive("person-card", PersonCardDirective)
