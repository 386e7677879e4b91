"""``team-growth``: where a person stands against their role and a target role."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ..parsing import Problem, parse_id
from ..render.growth import GrowthView
from .base import TeamDirective


class TeamGrowthDirective(TeamDirective):
    directive_label = "team-growth"
    known_options = ("person", "target")
    required_options = ("person",)
    has_content = False

    def run(self) -> list[nodes.Node]:
        self.check_options()
        problems: list[Problem] = []
        person = target = ""
        if self.option("person") is not None:
            ident, errs = parse_id(self.option("person"), ":person: id")
            problems += [Problem(p.subtype, p.message, "person") for p in errs]
            person = ident or ""
        if self.option("target") is not None:
            ident, errs = parse_id(self.option("target"), ":target: role id")
            problems += [Problem(p.subtype, p.message, "target") for p in errs]
            target = ident or ""
        self.report(problems)
        if not person:
            return []  # reported: nothing to show
        view = GrowthView(self.env.docname, self.lineno, person=person, target=target)
        return [self.placeholder(self.add_view(view))]


def setup_growth(app: Sphinx) -> None:
    app.add_directive("team-growth", TeamGrowthDirective)
