"""``team-chart``: the org chart drawn from ``:reports-to:``."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ..parsing import Problem, parse_choice, parse_id
from ..render.team_chart import ChartView
from .base import TeamDirective

DIRECTIONS = ("TB", "LR")
SHOW = ("roles", "people", "both")


class TeamChartDirective(TeamDirective):
    directive_label = "team-chart"
    known_options = ("root", "direction", "show", "caption")
    has_content = False

    def run(self) -> list[nodes.Node]:
        self.check_options()
        problems: list[Problem] = []
        root = None
        if self.option("root") is not None:
            root, errs = parse_id(self.option("root"), ":root: id")
            problems += errs
        direction = "TB"
        if self.option("direction") is not None:
            value, errs = parse_choice(self.option("direction"), DIRECTIONS, ":direction:")
            problems += errs
            direction = value or direction
        show = "both"
        if self.option("show") is not None:
            value, errs = parse_choice(self.option("show"), SHOW, ":show:")
            problems += errs
            show = value or show
        self.report(problems)
        view = ChartView(
            self.env.docname,
            self.lineno,
            root=root,
            direction=direction,
            show=show,
            caption=self.option("caption") or "",
        )
        return [self.placeholder(self.add_view(view))]


def setup_team_chart(app: Sphinx) -> None:
    app.add_directive("team-chart", TeamChartDirective)
