"""Small node builders shared by cards, maps and insights."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docutils import nodes

from ..model import NOT_RECORDED, Expectation, Leveled, Member, Ref
from ..outline import has_structure, outline_nodes, outline_text
from .context import RenderContext
from .nodes import level_marker, unnumbered_table


def level_text(value: int, scale: Sequence[str], has_none: bool = True) -> str:
    """``fluent (3/4)``: the name and the place on the scale. On a scale without
    a "nothing" level every name is a real step: ``junior (1/4)``."""
    top = len(scale) - 1
    name = scale[value] if 0 <= value <= top else str(value)
    return f"{name} ({value}/{top})" if has_none else f"{name} ({value + 1}/{top + 1})"


def level(
    value: int, scale: Sequence[str], depth: int | None = None, has_none: bool = True
) -> level_marker:
    """A level as text and as squares, so it never relies on colour alone."""
    top = len(scale) - 1
    classes = ["teamext-level", f"teamext-level-{value}"]
    if depth is not None and value >= depth:
        classes.append("teamext-depth")
    filled = value if has_none else value + 1
    pips = "■" * filled + "□" * (top + (0 if has_none else 1) - filled)
    name = level_text(value, scale, has_none)
    return level_marker(f"{pips} {name}", f"{pips} {name}", classes=classes, pips=pips, name=name)


def leveled_item(item: Leveled, ctx: RenderContext) -> nodes.paragraph:
    """``Skill — fluent (3/4)``, marked when the level is only a suggestion."""
    para = nodes.paragraph()
    para += ctx.link(item.ref, mark=False)
    para += nodes.Text(" — ")
    para += level(item.level, ctx.scale, ctx.depth, ctx.has_none)
    if item.ref.suggested:
        para += ctx.marker()
    return para


def comma_links(refs: Iterable[Ref], ctx: RenderContext) -> nodes.paragraph:
    para = nodes.paragraph()
    for i, ref in enumerate(refs):
        if i:
            para += nodes.Text(", ")
        para += ctx.link(ref)
    return para


def bullet(items: Iterable[nodes.Node]) -> nodes.bullet_list:
    blist = nodes.bullet_list(classes=["teamext-list"])
    for item in items:
        li = nodes.list_item()
        li += item
        blist += li
    return blist


def field(name: str, body: nodes.Node, marker: nodes.Node | None = None) -> nodes.field:
    """A field; ``marker`` (the guidance mark) follows its name when its values are suggested."""
    fld = nodes.field()
    label = nodes.field_name(name, name)
    if marker is not None:
        label += marker
    fld += label
    fbody = nodes.field_body()
    fbody += body
    fld += fbody
    return fld


def none_text() -> nodes.paragraph:
    """An empty field: no record gives a value, which is not a finding of "none"."""
    return nodes.paragraph("", NOT_RECORDED(), classes=["teamext-none"])


def entry(*children: nodes.Node, classes: Sequence[str] = ()) -> nodes.entry:
    """A table cell holding one paragraph."""
    cell = nodes.entry(classes=list(classes))
    para = nodes.paragraph()
    para.extend(children)
    cell += para
    return cell


def table(
    classes: Sequence[str],
    headers: Sequence[str | nodes.Node],
    widths: Sequence[int],
    rows: Iterable[nodes.row],
    caption: str = "",
) -> unnumbered_table:
    """A plain table every builder renders; ``widths`` are characters in text
    output and ratios elsewhere. Ids go on a container around it, not on the
    table: themes that wrap tables (furo) copy a table's id to the wrapper."""
    tbl = unnumbered_table(classes=[*classes, "colwidths-given"])
    if caption:
        tbl += nodes.title(caption, caption)
    tgroup = nodes.tgroup(cols=len(headers))
    tbl += tgroup
    for width in widths:
        tgroup += nodes.colspec(colwidth=width)
    thead = nodes.thead()
    head = nodes.row()
    for header in headers:
        head += entry(header if isinstance(header, nodes.Node) else nodes.Text(str(header)))
    thead += head
    tgroup += thead
    tbody = nodes.tbody()
    tbody.extend(rows)
    tgroup += tbody
    return tbl


def expectation_of(member: Member, skill: str) -> Expectation | None:
    """``member``'s expectation for ``skill``, when it lists the skill."""
    if member.level_of(skill) is None:
        return None
    return next((e for e in member.expectations if e.skill == skill), None)


def expectation_nodes(item: Expectation, classes: Sequence[str] = ()) -> nodes.Element:
    """An expectation as its author wrote it: one paragraph, or its paragraphs
    and lists (numbered as written) in a container."""
    names = ["teamext-expectation", *classes]
    if not has_structure(item.outline):
        return nodes.paragraph(item.text, item.text, classes=names)
    box = nodes.container(classes=names)
    box.extend(outline_nodes(item.outline))
    return box


def expectation_csv(item: Expectation) -> str:
    """An expectation in a CSV cell: text, with a list's numbering ("1. A\n2. B")."""
    return outline_text(item.outline) if has_structure(item.outline) else item.text
