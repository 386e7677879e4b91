"""Small node builders shared by cards, maps and insights."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docutils import nodes
from sphinx.addnodes import pending_xref

from ..locale import _
from ..views import Leveled, Ref
from .nodes import level_pips


def link(ref: Ref) -> nodes.Node:
    """A cross-reference to ``ref``, or its id as plain text when it names nothing."""
    text = nodes.inline(ref.title, ref.title, classes=["teamext-ref", f"teamext-ref-{ref.kind}"])
    if ref.docname is None:
        text["classes"].append("teamext-unresolved")
        return text
    node = pending_xref(
        "",
        text,
        refdomain="team",
        reftype=ref.kind,
        reftarget=ref.id,
        refexplicit=True,
        refwarn=False,
    )
    return node


def level(value: int, scale: Sequence[str], depth: int | None = None) -> nodes.inline:
    """A level as text (``fluent 3/4``) and as a visual that does not rely on colour."""
    top = len(scale) - 1
    classes = ["teamext-level", f"teamext-level-{value}"]
    if depth is not None and value >= depth:
        classes.append("teamext-depth")
    node = nodes.inline("", "", classes=classes)
    pips = "■" * value + "□" * (top - value)
    node += level_pips(pips, pips)
    node += nodes.Text(" ")
    name = scale[value] if 0 <= value <= top else str(value)
    node += nodes.inline("", f"{name} ({value}/{top})", classes=["teamext-level-name"])
    return node


def leveled_item(item: Leveled, scale: Sequence[str], depth: int | None = None) -> nodes.paragraph:
    para = nodes.paragraph()
    para += link(item.ref)
    para += nodes.Text(" — ")
    para += level(item.level, scale, depth)
    return para


def comma_links(refs: Iterable[Ref]) -> nodes.paragraph:
    para = nodes.paragraph()
    for i, ref in enumerate(refs):
        if i:
            para += nodes.Text(", ")
        para += link(ref)
    return para


def bullet(items: Iterable[nodes.Node]) -> nodes.bullet_list:
    blist = nodes.bullet_list(classes=["teamext-list"])
    for item in items:
        li = nodes.list_item()
        li += item
        blist += li
    return blist


def field(name: str, body: nodes.Node) -> nodes.field:
    fld = nodes.field()
    fld += nodes.field_name(name, name)
    fbody = nodes.field_body()
    fbody += body
    fld += fbody
    return fld


def none_text() -> nodes.paragraph:
    return nodes.paragraph("", _("none"), classes=["teamext-none"])


def entry(*children: nodes.Node, classes: Sequence[str] = ()) -> nodes.entry:
    """A table cell holding one paragraph."""
    cell = nodes.entry(classes=list(classes))
    para = nodes.paragraph()
    para.extend(children)
    cell += para
    return cell


def table(
    anchor: str,
    classes: Sequence[str],
    headers: Sequence[str | nodes.Node],
    widths: Sequence[int],
    rows: Iterable[nodes.row],
    caption: str = "",
) -> nodes.table:
    """A plain table every builder renders; ``widths`` are characters in text
    output and ratios elsewhere. Captioned tables need ids, hence ``anchor``."""
    tbl = nodes.table(classes=[*classes, "colwidths-given"], ids=[anchor])
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
