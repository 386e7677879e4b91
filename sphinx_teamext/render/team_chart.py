"""``team-chart``: the org chart drawn from ``:reports-to:``, as a mermaid flowchart.

The chart is computed when the page is written, from every card in the
project, and its data (titles, pages, edges) is what the page's digest covers:
a card that changes redraws every chart that shows it, and nothing else.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from docutils import nodes

from ..domain import TeamDomain
from ..locale import _
from ..model import Person, Ref, Role, ref_of
from ..views import View
from ..warnings import Finding
from .context import RenderContext
from .mermaid import can_draw, card_url, label, mermaid_node, plain
from .nodes import MARK
from .pictures import draws_pictures


@dataclass(frozen=True)
class ChartData:
    caption: str
    direction: str
    show: str
    nodes: tuple[Ref, ...]  # in document order
    edges: tuple[tuple[int, int], ...]  # (manager, report) as indexes into nodes
    cut: tuple[Ref, ...]  # shown members whose :reports-to: was dropped to break a loop
    #: Edges (as in ``edges``) that come from a ``:reports-to:`` marked ``:guidance:``.
    suggested: tuple[tuple[int, int], ...] = ()
    #: (post, person) as indexes into nodes: the person's ``:role:``, when both are
    #: shown and the person does not already report to that post.
    holds: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class ChartView(View):
    what: ClassVar[str] = "chart"

    root: str | None = None
    direction: str = "TB"
    show: str = "both"
    caption: str = ""

    def id_base(self) -> str:
        return "team-chart"

    def compute(self, domain: TeamDomain) -> Hashable:
        return chart_data(domain, self)

    def render(self, data: Any, part: str, ctx: RenderContext) -> list[nodes.Node]:
        return render_chart(data, self.anchor, ctx, (self.docname, self.lineno))

    def suggests(self, data: Any, part: str) -> bool:
        return bool(data.suggested)

    def unknown_ids(self, domain: TeamDomain) -> Iterator[Finding]:
        if self.root is not None and domain.lookup("org", self.root) is None:
            yield self.finding("unknown", "team-chart", "root", self.root, wanted="org")


def chart_data(domain: TeamDomain, view: ChartView) -> ChartData:
    # People and posts: a depth profile is not a place in the organisation.
    members = [m for m in domain.all_members() if not (isinstance(m, Role) and m.is_profile)]
    manager, loops = domain.reporting_lines()
    cut = [loop[0] for loop in loops]
    root = view.root
    show = view.show

    def chain(ident: str) -> list[str]:
        found = [ident]
        while found[-1] in manager:
            found.append(manager[found[-1]])
        return found

    if isinstance(root, str) and domain.lookup("org", root) is None:
        members = []  # an unknown root is reported by checks.py; draw nobody
    elif isinstance(root, str):
        members = [m for m in members if root in chain(m.id)]
    wanted = {"roles": ("role",), "people": ("person",)}.get(show, ("role", "person"))
    shown = [m for m in members if m.kind in wanted]
    index = {m.id: i for i, m in enumerate(shown)}
    by_id = {m.id: m for m in members}
    edges = []
    suggested = []
    for member in shown:
        # Link to the nearest shown manager, so hiding roles keeps people connected.
        path = chain(member.id)
        above = next((i for i in path[1:] if i in index), None)
        if above is not None:
            edge = (index[above], index[member.id])
            edges.append(edge)
            # Suggested when any reporting line it stands for is.
            if any(by_id[i].suggests("reports-to") for i in path[: path.index(above)]):
                suggested.append(edge)
    # Each person beside the post they hold: without this line, posts and people
    # are two trees that never meet when people report to people.
    holds = [
        (index[m.role], index[m.id])
        for m in shown
        if isinstance(m, Person) and m.role in index and (index[m.role], index[m.id]) not in edges
    ]
    return ChartData(
        caption=view.caption,
        direction=view.direction,
        show=show,
        nodes=tuple(ref_of(m) for m in shown),
        edges=tuple(edges),
        cut=tuple(ref_of(m) for m in shown if m.id in cut),
        suggested=tuple(suggested),
        holds=tuple(holds),
    )


def chart_code(data: ChartData, ctx: RenderContext) -> str:
    """Mermaid flowchart source: roles as boxes, people as rounded boxes."""
    roles = sum(1 for r in data.nodes if r.kind == "role")
    people = len(data.nodes) - roles
    lines = [
        f"flowchart {data.direction}",
        "  accTitle: " + (plain(data.caption) or _("Org chart")),
        "  accDescr: "
        + plain(
            _("Roles: %(roles)d. People: %(people)d. Each arrow points from a manager to a report.")
            % {"roles": roles, "people": people}
            + (
                " " + _("A line without an arrow joins a person to the role they hold.")
                if data.holds
                else ""
            )
        ),
    ]
    for i, ref in enumerate(data.nodes):
        text = label(ref.title)
        lines.append(f"  n{i}[{text}]" if ref.kind == "role" else f"  n{i}([{text}])")
    for edge in data.edges:
        # A suggested line is dashed and carries the marker, so it reads in greyscale.
        arrow = f"-.->|{MARK}|" if edge in data.suggested else "-->"
        lines.append(f"  n{edge[0]} {arrow} n{edge[1]}")
    for post, person in data.holds:  # a line without an arrow: no reporting line
        lines.append(f"  n{post} --- n{person}")
    for i, ref in enumerate(data.nodes):
        url = card_url(ctx, ref)
        if url is not None:
            lines.append(f'  click n{i} href "{url}"')
    return "\n".join(lines) + "\n"


def reporting_tree(data: ChartData, ctx: RenderContext) -> nodes.bullet_list:
    """The chart in words: each role or person, and under it who reports to it."""
    reports: dict[int, list[int]] = {}
    managed = set()
    for manager, report in data.edges:
        reports.setdefault(manager, []).append(report)
        managed.add(report)
    kind_labels = {"role": _("role"), "person": _("person")}

    def item(i: int) -> nodes.list_item:
        ref = data.nodes[i]
        para = nodes.paragraph()
        para += ctx.link(ref, mark=False)
        held = [data.nodes[post].title for post, person in data.holds if person == i]
        kind = str(kind_labels.get(ref.kind, ref.kind))
        para += nodes.Text(" (" + ", ".join([kind, *held]) + ")")
        if any(edge[1] == i for edge in data.suggested):
            para += ctx.marker()
        entry = nodes.list_item("", para)
        if i in reports:
            below = nodes.bullet_list()
            below.extend(item(r) for r in reports[i])
            entry += below
        return entry

    tree = nodes.bullet_list(classes=["teamext-chart-tree"])
    tree.extend(item(i) for i in range(len(data.nodes)) if i not in managed)
    return tree


def render_chart(
    data: ChartData, anchor: str, ctx: RenderContext, location: tuple[str, int] | None = None
) -> list[nodes.Node]:
    wrap = nodes.container(classes=["teamext-team-chart"])
    if not data.nodes:
        wrap += nodes.paragraph("", _("This chart has nobody to show."), classes=["teamext-none"])
        return [wrap]
    drawn = can_draw(ctx, location or (ctx.docname, 0))
    if not drawn:
        wrap["ids"] = [anchor] if anchor else []
        if data.caption:
            wrap += nodes.paragraph(
                "", "", nodes.strong(data.caption, data.caption), classes=["teamext-caption"]
            )
        wrap += reporting_tree(data, ctx)
    elif data.caption:
        # A captioned figure is numbered, so Sphinx wants the id on it.
        chart = mermaid_node(chart_code(data, ctx), ctx.config)
        figure = nodes.figure("", chart, ids=[anchor] if anchor else [])
        figure += nodes.caption(data.caption, data.caption)
        wrap += figure
    else:
        wrap["ids"] = [anchor] if anchor else []
        wrap += mermaid_node(chart_code(data, ctx), ctx.config)
    if not drawn:
        wrap += nodes.paragraph(
            "",
            _("Each role and person is listed under the one they report to."),
            classes=["teamext-legend"],
        )
    elif data.show == "both":
        wrap += nodes.paragraph(
            "",
            # A picture (PDF, EPUB) cannot be clicked.
            _("Roles are drawn as boxes and people as rounded boxes.")
            if draws_pictures(ctx.builder)
            else _("Roles are drawn as boxes and people as rounded boxes; each links to its card."),
            classes=["teamext-legend"],
        )
    if data.holds:
        wrap += nodes.paragraph(
            "",
            _("A line without an arrow joins a person to the role they hold.")
            if drawn
            else _("The role a person holds follows their name."),
            classes=["teamext-legend"],
        )
    if data.suggested and not drawn:
        wrap += nodes.paragraph(
            "",
            _("A reporting line marked %(mark)s is one the authors suggest.") % {"mark": MARK},
            classes=["teamext-legend"],
        )
    elif data.suggested:
        wrap += nodes.paragraph(
            "",
            _("A dashed arrow marked %(mark)s is a reporting line the authors suggest.")
            % {"mark": MARK},
            classes=["teamext-legend"],
        )
    for ref in data.cut:
        wrap += nodes.paragraph(
            "",
            _("%s is drawn without a manager: its reports-to chain loops back to it.") % ref.title,
            classes=["teamext-note"],
        )
    return [wrap]
