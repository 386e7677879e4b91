"""``{team:skill}``, ``{team:stage}``, ``{team:role}`` and ``{team:person}``."""

from __future__ import annotations

import re
from typing import cast

from docutils import nodes
from docutils.nodes import Element
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole

from ..domain import TeamDomain
from ..lines import source_lines
from ..views import XrefView
from ..xrefs import ROLE_KINDS

#: Per page being read: how many times each role was met in its paragraph.
SEEN = "teamext_roles_seen"


def role_line(env: BuildEnvironment, source: str | None, lineno: int, name: str, text: str) -> int:
    """The line of the ``{name}`text``` role MyST put at its paragraph's ``lineno``.

    Repeats of the same role in one paragraph take the next match each time.
    reStructuredText numbers roles exactly (and writes them differently), so
    there the source never confirms a MyST form and ``lineno`` is kept.
    """
    lines = source_lines(source)
    words = text.split()
    if not lines or not words or not (1 <= lineno <= len(lines)):
        return lineno
    pattern = re.compile(r"\{" + re.escape(name) + r"\}`\s*" + re.escape(words[0]))
    seen: dict[tuple[str | None, int, str, str], int] | None = env.temp_data.get(SEEN)
    if seen is None:
        seen = {}
        env.temp_data[SEEN] = seen
    key = (source, lineno, name, words[0])
    skip = seen.get(key, 0)
    seen[key] = skip + 1
    for n in range(lineno, min(len(lines), lineno + 200) + 1):
        line = lines[n - 1]
        if n > lineno and not line.strip():
            break  # the paragraph ended
        for _match in pattern.finditer(line):
            if not skip:
                return n
            skip -= 1
    return lineno


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
