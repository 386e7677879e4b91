"""``skill-map``: a table of roles or people against skills."""

from __future__ import annotations

from dataclasses import replace

from docutils import nodes
from sphinx.application import Sphinx

from ..parsing import Problem, parse_choice, parse_selection
from ..render.skill_map import CELLS, MapView
from .base import TeamDirective


class SkillMapDirective(TeamDirective):
    directive_label = "skill-map"
    known_options = ("rows", "skills", "caption", "cells")
    has_content = False

    def run(self) -> list[nodes.Node]:
        self.check_options()
        problems: list[Problem] = []
        rows: str | tuple[str, ...] = "roles"
        if self.option("rows") is not None:
            parsed, errs = parse_selection(self.option("rows"), ("roles", "people"), ":rows:")
            problems += errs
            rows = parsed if parsed is not None else "roles"
        skills: str | tuple[str, ...] = "all"
        if self.option("skills") is not None:
            parsed, errs = parse_selection(self.option("skills"), ("all",), ":skills:")
            problems += errs
            skills = parsed if parsed is not None else "all"
        cells = "level"
        if self.option("cells") is not None:
            choice, errs = parse_choice(self.option("cells"), CELLS, ":cells:")
            problems += [e if e.option else replace(e, option="cells") for e in errs]
            cells = choice or "level"
        self.report(problems)
        view = MapView(
            self.env.docname,
            self.lineno,
            rows=rows,
            skills=skills,
            caption=self.option("caption") or "",
            cells=cells,
        )
        return [self.placeholder(self.add_view(view))]


def setup_skill_map(app: Sphinx) -> None:
    app.add_directive("skill-map", SkillMapDirective)
