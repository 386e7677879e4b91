"""``team-ladder``: the rungs ``:next:`` links, and what changes at each step."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ..parsing import Problem, parse_choice, parse_id
from ..render.ladder import SHOW, LadderView
from .base import TeamDirective


class TeamLadderDirective(TeamDirective):
    directive_label = "team-ladder"
    known_options = ("start", "show")
    has_content = False

    def run(self) -> list[nodes.Node]:
        self.check_options()
        problems: list[Problem] = []
        start = ""
        if self.option("start") is not None:
            ident, errs = parse_id(self.option("start"), ":start: role id")
            problems += [Problem(p.subtype, p.message, "start") for p in errs]
            start = ident or ""
        show = "changes"
        if self.option("show") is not None:
            choice, errs = parse_choice(self.option("show"), SHOW, ":show:")
            problems += [Problem(p.subtype, p.message, "show") for p in errs]
            show = choice or "changes"
        self.report(problems)
        view = LadderView(self.env.docname, self.lineno, start=start, show=show)
        return [self.placeholder(self.add_view(view))]


def setup_ladder(app: Sphinx) -> None:
    app.add_directive("team-ladder", TeamLadderDirective)
