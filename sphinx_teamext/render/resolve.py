"""Fill view placeholders, after every page has been read.

A post-transform, so cards and maps show the whole project's data. Links are
finished references (see :mod:`.context`), so it may run before or after
Sphinx's resolver. Under HTML builders, lazy views (cards and maps: the
many) only get their data and their words here; the HTML
writer expands them (:mod:`.nodes`). That keeps every tree walk after this
one (other extensions' post-transforms, the search indexer) cheap, and moves
the expansion into the write processes that ``-j`` runs in parallel.
"""

from __future__ import annotations

from typing import Any, cast

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..domain import TeamDomain
from ..views import View, view_data
from .context import RenderContext
from .nodes import team_view


def expand(node: team_view, builder: Builder) -> list[nodes.Node]:
    """Replace a lazy view that :class:`ResolveViews` prepared with its nodes."""
    view = node.get("view")
    if view is None or "data" not in node:
        node.replace_self([])
        return []
    ctx = RenderContext.of(builder, node["fromdoc"])
    new: list[nodes.Node] = view.render(node["data"], node.get("part", ""), ctx)
    node.replace_self(new)  # parents and siblings as a writer expects them
    return new


def _html_visit_view(self: Any, node: team_view) -> None:
    """Expand a lazy view in place and write it, as if it had always been there."""
    for child in expand(node, self.builder):
        child.walkabout(self)
    raise nodes.SkipNode


def _skip(self: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


class ResolveViews(SphinxPostTransform):
    default_priority = 5  # before ReferencesResolver (10) and LatexCards (6)

    def run(self, **kwargs: Any) -> None:
        domain = cast(TeamDomain, self.env.get_domain("team"))
        builder = self.app.builder
        html = builder.format == "html"
        explained: set[str] = set()  # pages that already carry the marker's legend
        for node in list(self.document.findall(team_view)):
            view = node.get("view")
            if not isinstance(view, View):  # a tree from an older version: cannot happen
                node.replace_self([])
                continue
            data = view_data(domain, view)
            part = node.get("part", "")
            ctx = RenderContext.of(builder, view.docname)
            if html and view.lazy:
                node["data"] = data
                node["fromdoc"] = view.docname
                node.children = []
                node += nodes.Text(view.search_text(data, part, ctx.scale))
                last: nodes.Node | None = node
            else:
                new = view.render(data, part, ctx)
                for child in new:
                    if isinstance(child, nodes.Element) and not child.source:
                        child.source, child.line = node.source, node.line
                node.replace_self(new)
                last = new[-1] if new else None
            if last is not None and view.docname not in explained and view.suggests(data, part):
                explained.add(view.docname)
                after_outermost_card(last, ctx.legend())


def after_outermost_card(node: nodes.Node, new: nodes.Node) -> None:
    """Put ``new`` after the card that holds ``node`` (or after ``node``)."""
    anchor = node
    current = node.parent
    while current is not None:
        if isinstance(current, nodes.Element) and "teamext-card" in current.get("classes", ()):
            anchor = current
        current = current.parent
    parent = anchor.parent
    if parent is not None:
        parent.insert(parent.index(anchor) + 1, new)


def setup_resolve(app: Sphinx) -> None:
    skip = (_skip, None)
    app.add_node(
        team_view, html=(_html_visit_view, None), latex=skip, text=skip, man=skip, texinfo=skip
    )
    app.add_post_transform(ResolveViews)
