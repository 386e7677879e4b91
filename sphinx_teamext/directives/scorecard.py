"""``scorecard``: a printable rubric for one interview stage."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ..parsing import parse_id
from ..render.scorecard import ScorecardView
from .base import TeamDirective


class ScorecardDirective(TeamDirective):
    directive_label = "scorecard"
    optional_arguments = 1  # required, but reported by us rather than by docutils
    final_argument_whitespace = True  # so "Bad id" is one malformed id, not two arguments
    has_content = False

    def run(self) -> list[nodes.Node]:
        self.check_options()
        ident, problems = parse_id(self.arguments[0] if self.arguments else None, "stage id")
        self.report(problems)
        if ident is None:
            return []
        view = self.add_view(ScorecardView(self.env.docname, self.lineno, stage=ident))
        return [self.placeholder(view)]


def setup_scorecard(app: Sphinx) -> None:
    app.add_directive("scorecard", ScorecardDirective)
