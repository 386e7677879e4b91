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
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..domain import TeamDomain
from ..views import View, view_data
from .context import RenderContext
from .nodes import team_view


class ResolveViews(SphinxPostTransform):
    default_priority = 5  # before ReferencesResolver (10) and LatexCards (6)

    def run(self, **kwargs: Any) -> None:
        domain = cast(TeamDomain, self.env.get_domain("team"))
        html = self.app.builder.format == "html"
        for node in list(self.document.findall(team_view)):
            view = node.get("view")
            if not isinstance(view, View):  # a tree from an older version: cannot happen
                node.replace_self([])
                continue
            data = view_data(domain, view)
            part = node.get("part", "")
            if html and view.lazy:
                node["data"] = data
                node["fromdoc"] = view.docname
                node.children = []
                node += nodes.Text(view.search_text(data, part, self.config.teamext_levels))
                continue
            new = view.render(data, part, RenderContext.of(self.app.builder, view.docname))
            for child in new:
                if isinstance(child, nodes.Element) and not child.source:
                    child.source, child.line = node.source, node.line
            node.replace_self(new)
