"""From a parsed body and option fields to a record and its card.

Each kind of record collects the blocks nested in its body (levels, red
flags, expectations, assessments) into fields of its own; then the record is
stored in the domain and the card built around the body, with placeholders
that the card view fills in once every page has been read (see
:mod:`..render.resolve`). ``team-import`` builds imported records with the
same functions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from docutils import nodes

from ..config import first_number, guidance_label
from ..locale import _
from ..model import Assessment, Expectation, Person, Record, Role, Skill, Stage
from ..parsing import Problem
from ..render.cards import CardView
from ..render.nodes import MARK, guidance_marker
from .base import TeamDirective
from .body import ASSESSMENT, SPAN, scale_name

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

#: What a collector returns: fields, problems, and the lines the blocks span.
Collected = tuple[dict[str, Any], list[Problem], list[tuple[int, int]]]


def take_span(block: nodes.Element, spans: list[tuple[int, int]]) -> None:
    """Note the lines ``block`` spans (read once: MyST and RST number lines differently)."""
    if SPAN in block:
        spans.append(block.attributes.pop(SPAN))


def collect_levels(body: nodes.Element, guidance: frozenset[str], config: Any) -> Collected:
    """A skill's ``skill-level`` blocks, in level order."""
    problems: list[Problem] = []
    spans: list[tuple[int, int]] = []
    found: dict[int, tuple[str, str]] = {}
    for block in body.findall(nodes.container):
        if "teamext_level" not in block:
            continue
        block["teamext_owner"] = True
        take_span(block, spans)
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
    return fields, problems, spans


def collect_flags(body: nodes.Element, guidance: frozenset[str], config: Any) -> Collected:
    """A stage's ``red-flags`` blocks, in source order."""
    spans: list[tuple[int, int]] = []
    flags: list[str] = []
    sources: list[str] = []
    for flag_block in body.findall(nodes.admonition):
        if "teamext-red-flags" in flag_block["classes"]:
            flag_block["teamext_owner"] = True
            take_span(flag_block, spans)
            flags += flag_block.get("teamext_items", [])
            sources += flag_block.get("teamext_sources", [])
    return {"red_flags": tuple(flags), "red_flags_source": tuple(sources)}, [], spans


def collect_expectations(body: nodes.Element, guidance: frozenset[str], config: Any) -> Collected:
    """A role's or person's ``expectation`` blocks, taken out of the body (each
    is shown under its skill instead)."""
    problems: list[Problem] = []
    spans: list[tuple[int, int]] = []
    expectations: dict[str, Expectation] = {}
    for block in list(body.findall(nodes.container)):
        if "teamext_expect" not in block:
            continue
        take_span(block, spans)
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
            block.parent.remove(block)
    return {"expectations": tuple(expectations.values())}, problems, spans


def collect_person(body: nodes.Element, guidance: frozenset[str], config: Any) -> Collected:
    """A person's expectations (their evidence) and ``assessment`` blocks."""
    fields, problems, spans = collect_expectations(body, guidance, config)
    fields["assessments"] = collect_assessments(body, spans)
    return fields, problems, spans


def collect_assessments(
    body: nodes.Element, spans: list[tuple[int, int]]
) -> tuple[Assessment, ...]:
    """``assessment`` blocks of a person card, taken out of its body (the card
    shows the latest of each kind instead); ``person`` is filled in by the card."""
    found: list[Assessment] = []
    for block in list(body.findall(nodes.container)):
        data = block.get(ASSESSMENT)
        if data is None:
            continue
        take_span(block, spans)
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


#: Record kind -> what collects the fields its body's blocks hold.
COLLECTORS: dict[str, Callable[[nodes.Element, frozenset[str], Any], Collected]] = {
    "skill": collect_levels,
    "stage": collect_flags,
    "role": collect_expectations,
    "person": collect_person,
}


def collect_fields(
    kind: str, body: nodes.Element, guidance: frozenset[str], config: Any
) -> Collected:
    """Fields held by blocks nested in a record's body, the problems found,
    and the lines those blocks span."""
    return COLLECTORS[kind](body, guidance, config)


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
