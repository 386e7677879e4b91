"""Fill view placeholders with nodes, before references are resolved.

This runs as a post-transform when a page is written, after every page has
been read, so cards and maps show the whole project's data. It runs before
Sphinx's reference resolver, so the links it creates resolve like any other.
"""

from __future__ import annotations

from typing import Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..domain import TeamDomain
from ..insights import INSIGHT_RENDER
from ..locale import _
from ..model import View
from ..views import CardData, MapData, view_data
from .cards import backlinks, card_fields
from .nodes import team_view
from .tables import skill_map


class ResolveViews(SphinxPostTransform):
    default_priority = 5  # before ReferencesResolver (10)

    def run(self, **kwargs: Any) -> None:
        domain = cast(TeamDomain, self.env.get_domain("team"))
        scale = list(self.config.teamext_levels)
        depth = int(self.config.teamext_depth_level)
        for node in list(self.document.findall(team_view)):
            view = domain.view_at(node["docname"], node["seq"])
            if view is None:  # stale placeholder: cannot happen in a consistent env
                node.replace_self([])
                continue
            data = view_data(domain, view)
            new: list[nodes.Node] = []
            if view.what == "card" and isinstance(data, CardData):
                if node.get("part") == "backlinks":
                    new = backlinks(data, scale, depth)
                else:
                    new = card_fields(data, scale, depth)
            elif view.what == "map" and isinstance(data, MapData):
                rows = view.arg("rows")
                label = _("Person") if rows == "people" else _("Role")
                if isinstance(rows, tuple):
                    label = _("Role or person")
                anchor = f"teamext-map-{_ordinal(domain, view)}"
                new = [skill_map(data, scale, depth, label, anchor)]
            elif view.what in INSIGHT_RENDER:
                new = cast(list[nodes.Node], INSIGHT_RENDER[view.what](data, view, self))
            for child in new:
                if isinstance(child, nodes.Element) and not child.source:
                    child.source, child.line = node.source, node.line
                # Links resolve from the placeholder's page, also where a
                # builder (LaTeX, singlehtml) resolves a whole book at once.
                for xref in child.findall(addnodes.pending_xref):
                    xref["refdoc"] = node["docname"]
            node.replace_self(new)


def _ordinal(domain: TeamDomain, view: View) -> int:
    """1 for the first view of its kind on its page, 2 for the next, ..."""
    same = [v for v in domain.views_by_doc().get(view.docname, []) if v.what == view.what]
    return same.index(view) + 1
