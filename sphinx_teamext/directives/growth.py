"""``team-growth``: where a person stands against their role and a target role."""

from __future__ import annotations

from dataclasses import replace
from typing import cast

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
        view = replace(view, anchor=self.anchor_and_form(view.id_base()))
        self.domain.add_view(view)
        return [self.placeholder(view)]

    def anchor_and_form(self, base: str) -> str:
        """A page-unique anchor whose ``-form`` is free too: the form's file is
        named after it, and must not be another view's data file (person
        ``ana``'s form and person ``ana-form``'s data)."""
        taken = cast(set[str], self.env.temp_data.setdefault("teamext_ids", set()))
        ident, n = base, 1
        while {ident, f"{ident}-form"} & (taken | set(self.state.document.ids)):
            n += 1
            ident = f"{base}-{n}"
        taken.update((ident, f"{ident}-form"))
        return ident


def setup_growth(app: Sphinx) -> None:
    app.add_directive("team-growth", TeamGrowthDirective)
