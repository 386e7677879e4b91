"""``team-shape``: where a set of people is deep, and where nobody is."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ..parsing import Problem, parse_selection
from ..render.team_shape import ShapeView
from .base import TeamDirective


class TeamShapeDirective(TeamDirective):
    directive_label = "team-shape"
    known_options = ("people", "caption")
    has_content = False

    def run(self) -> list[nodes.Node]:
        self.check_options()
        problems: list[Problem] = []
        people: str | tuple[str, ...] = "all"
        if self.option("people") is not None:
            parsed, errs = parse_selection(self.option("people"), ("all",), ":people:")
            problems += errs
            people = parsed if parsed is not None else "all"
        self.report(problems)
        view = ShapeView(
            self.env.docname, self.lineno, people=people, caption=self.option("caption") or ""
        )
        return [self.placeholder(self.add_view(view))]


def setup_team_shape(app: Sphinx) -> None:
    app.add_directive("team-shape", TeamShapeDirective)
