"""``{team:skill}``, ``{team:stage}``, ``{team:role}`` and ``{team:person}``."""

from __future__ import annotations

from typing import cast

from docutils import nodes
from docutils.nodes import Element
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole

from ..domain import TeamDomain
from ..lines import role_line
from ..views import XrefView
from ..xrefs import ROLE_KINDS


class TeamXRefRole(XRefRole):
    """``{team:role}`mle``` or ``{team:role}`the MLE role <mle>```."""

    def __init__(self) -> None:
        # Inline, not literal: these references read as prose, not code.
        super().__init__(innernodeclass=nodes.inline, warn_dangling=False)

    def result_nodes(
        self, document: nodes.document, env: BuildEnvironment, node: Element, is_ref: bool
    ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        # MyST gives a role its paragraph's first line: find the role's own line,
        # so a warning about it points there.
        source, lineno = self.get_source_info()
        line = role_line(env, source, lineno or 0, self.name, self.text)
        node.line = line
        # A reference shows its target's title and page: record it as a view so
        # the page is rewritten when either changes.
        if is_ref:
            domain = cast(TeamDomain, env.get_domain("team"))
            kind = ROLE_KINDS.get(node["reftype"], node["reftype"])
            domain.add_view(XrefView(env.docname, line, kind=kind, target=node["reftarget"]))
        return [node], []


def setup_xref(app: Sphinx) -> None:
    for name in ROLE_KINDS:
        app.add_role_to_domain("team", name, TeamXRefRole())
