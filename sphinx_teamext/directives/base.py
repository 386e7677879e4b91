"""Shared behaviour: every option arrives as a string and is checked by us.

docutils' converters would report a bad value as a docutils or MyST error; we
want ``teamext.*`` warnings that ``suppress_warnings`` can silence, so the
option spec accepts any name and value, and each directive checks its own.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import replace
from typing import Any, ClassVar, TypeVar, cast

from sphinx.util.docutils import SphinxDirective

from ..domain import TeamDomain
from ..parsing import Problem
from ..render.nodes import team_view
from ..views import View
from ..warnings import warn

V = TypeVar("V", bound=View)


def _text(value: str | None) -> str:
    return value if value is not None else ""


class AnyOption(dict[str, Any]):
    """An option spec that lets every name through, so a typo reaches the directive."""

    def __contains__(self, key: object) -> bool:
        return True

    def __bool__(self) -> bool:  # empty or not, docutils and MyST must parse options
        return True

    def __missing__(self, key: str) -> Any:
        return _text


class TeamDirective(SphinxDirective):
    #: The options the directive knows; anything else is reported as a typo.
    known_options: ClassVar[tuple[str, ...]] = ()
    required_options: ClassVar[tuple[str, ...]] = ()
    directive_label: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.option_spec = AnyOption(dict.fromkeys(cls.known_options, _text))

    @property
    def domain(self) -> TeamDomain:
        return cast(TeamDomain, self.env.get_domain("team"))

    @property
    def label(self) -> str:
        return self.directive_label or self.name

    def report(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            warn(f"{self.label}: {problem.message}", problem.subtype, self.location)

    @property
    def location(self) -> tuple[str, int]:
        return (self.env.docname, self.lineno)

    def check_options(self) -> None:
        """Report unknown, empty and missing options."""
        problems: list[Problem] = []
        for name, value in self.options.items():
            if name not in self.known_options:
                close = difflib.get_close_matches(name, self.known_options, n=1)
                hint = f" (did you mean :{close[0]}:?)" if close else ""
                allowed = ", ".join(f":{o}:" for o in self.known_options) or "none"
                problems.append(
                    Problem("option", f"unknown option :{name}:{hint}; known options: {allowed}")
                )
            elif not str(value).strip():
                problems.append(Problem("option", f"option :{name}: is empty"))
        for name in self.required_options:
            if name not in self.options:
                problems.append(Problem("option", f"missing required option :{name}:"))
        self.report(problems)

    def option(self, name: str) -> str | None:
        """The stripped value of a known option, or None when absent or empty."""
        value = str(self.options.get(name, "")).strip()
        return value or None

    def add_view(self, view: V) -> V:
        """Store ``view`` with a page-unique id made from what it is about."""
        base = view.id_base()
        if base:
            view = replace(view, anchor=self.unique_id(base))
        self.domain.add_view(view)
        return view

    def unique_id(self, base: str) -> str:
        """``base``, or ``base-2``, ``base-3`` ... when the page already has it."""
        taken = cast(set[str], self.env.temp_data.setdefault("teamext_ids", set()))
        ident, n = base, 1
        while ident in taken or ident in self.state.document.ids:
            n += 1
            ident = f"{base}-{n}"
        taken.add(ident)
        return ident

    def placeholder(self, view: View, part: str = "") -> team_view:
        node = team_view(view=view, part=part)
        self.set_source_info(node)
        return node
