"""Shared behaviour: every option arrives as a string and is checked by us.

docutils' converters would report a bad value as a docutils or MyST error; we
want ``teamext.*`` warnings that ``suppress_warnings`` can silence, so the
option spec accepts any name and value, and each directive checks its own.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cached_property
from typing import Any, ClassVar, TypeVar, cast

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..checks.empty_sections import SKIPPED, written_here
from ..domain import TeamDomain
from ..lines import (
    FIELD,
    Place,
    body_offset,
    full_text,
    node_at,
    opens,
    option_value,
    place_of,
    remember,
    repeated_options,
)
from ..model import KIND_WORDS
from ..parsing import SLUG, Problem
from ..render.nodes import team_view
from ..views import View
from ..warnings import warn

V = TypeVar("V", bound=View)


def _text(value: str | None) -> str:
    return value if value is not None else ""


#: An option named in a problem's message (``:rows:``), for problems not tagged with one.
NAMED_OPTION = re.compile(r"(?<![:\w]):([a-z][\w-]*):(?![:\w])")


#: Option -> what an item of it is, for the context a problem's message ends with.
ITEM_WORDS = {"skills": "skill", "assesses": "skill", "stages": "interview stage"}


class AnyOption(dict[str, Any]):
    """An option spec that lets every name through, so a typo reaches the directive."""

    def __contains__(self, key: object) -> bool:
        return True

    def __bool__(self) -> bool:  # empty or not, docutils and MyST must parse options
        return True

    def __missing__(self, key: str) -> Any:
        return _text


def _marking(run: Callable[[Any], list[nodes.Node]]) -> Callable[[Any], list[nodes.Node]]:
    """``run``, leaving a mark where it shows nothing, so that its section
    does not count as empty (a failed import has reported its own problem;
    records placed without cards were put there on purpose)."""

    @functools.wraps(run)
    def marked(self: Any) -> list[nodes.Node]:
        out = run(self)
        if all(isinstance(node, SKIPPED) for node in out):
            out = [*out, written_here()]
        return out

    return marked


class TeamDirective(SphinxDirective):
    #: Marks the extension's directives for :func:`..checks.colon_fences.is_team_directive`.
    teamext_directive: ClassVar[bool] = True
    #: The options the directive knows; anything else is reported as a typo.
    known_options: ClassVar[tuple[str, ...]] = ()
    required_options: ClassVar[tuple[str, ...]] = ()
    directive_label: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.option_spec = AnyOption(dict.fromkeys(cls.known_options, _text))
        run = cls.__dict__.get("run")
        if run is not None:
            cls.run = _marking(run)  # type: ignore[method-assign,assignment]

    @property
    def domain(self) -> TeamDomain:
        return cast(TeamDomain, self.env.get_domain("team"))

    @property
    def label(self) -> str:
        return self.directive_label or self.name

    @cached_property
    def place(self) -> Place:
        """Where this directive and each of its options are in the source."""
        source, _line = self.get_source_info()
        return place_of(source, self.lineno, self.block_text)

    def where(self, line: int) -> nodes.Element | tuple[str, int]:
        """A warning location at ``line`` of this directive's source file (which
        is an included file's when the directive came from one)."""
        if self.place.source:
            return node_at(self.place.source, line)
        return (self.env.docname, line)

    def report(self, problems: Iterable[Problem]) -> None:
        """Warn about each problem at its option's line (the directive's when it
        names none), with the record and the item it is about."""
        for problem in problems:
            option = problem.option or self.option_named_in(problem.message)
            if problem.line:
                line = problem.line
            elif option:
                line = self.place.option_line(option, problem.item)
            else:
                line = self.place.line
            message = f"{self.label}: {problem.message}{self.context(problem, option)}"
            warn(message, problem.subtype, self.where(line))

    def option_named_in(self, message: str) -> str:
        """The given option a message names (``:rows:``), for untagged problems."""
        for name in NAMED_OPTION.findall(message):
            if name in self.options:
                return str(name)
        return ""

    def context(self, problem: Problem, option: str) -> str:
        """`` (role 'lead', skill 'sql')``: the record and the item a problem is in."""
        parts = []
        kind = str(getattr(self, "kind", ""))
        ident = self.arguments[0].strip() if self.arguments else ""
        if kind in KIND_WORDS and SLUG.match(ident):
            parts.append(f"{KIND_WORDS[kind]} {ident!r}")
        if problem.item:
            parts.append(f"{ITEM_WORDS.get(option, 'item')} {problem.item!r}")
        return f" ({', '.join(parts)})" if parts else ""

    @property
    def location(self) -> tuple[str, int]:
        """The directive's own line (MyST's, corrected inside containers)."""
        return (self.env.docname, self.place.line)

    def check_options(self) -> None:
        """Report unknown, empty and missing options, and options lost to the body."""
        remember(self.env, self.env.docname, self.lineno, self.place)
        self.check_repeated_options()
        problems: list[Problem] = []
        for name, value in self.options.items():
            if name not in self.known_options:
                close = difflib.get_close_matches(name, self.known_options, n=1)
                hint = f" (did you mean :{close[0]}:?)" if close else ""
                allowed = ", ".join(f":{o}:" for o in self.known_options) or "none"
                problems.append(
                    Problem(
                        "option",
                        f"unknown option :{name}:{hint}; known options: {allowed}",
                        option=name,
                    )
                )
            elif not str(value).strip():
                problems.append(Problem("option", f"option :{name}: is empty", option=name))
        for name in self.required_options:
            if name not in self.options:
                problems.append(Problem("option", f"missing required option :{name}:"))
        self.report(problems)
        self.check_body_options()

    def check_repeated_options(self) -> None:
        """An option given twice keeps its first value, as in data files, and
        the second is reported at its line. Only MyST lets it through (its last
        value wins there); reStructuredText stops the directive with its own error."""
        for first, again in repeated_options(self.place):
            if first.name not in self.options:
                continue
            self.options[first.name] = option_value(first)
            problem = Problem(
                "option",
                f"option :{first.name}: is given twice (first at line "
                f"{self.place.line + first.offset}); the first value is used",
                line=self.place.line + again.offset,
            )
            self.report([problem])

    def check_body_options(self) -> None:
        """A ``:known-option: value`` line in the body's first lines is an option
        MyST stopped reading: a value wrapped onto the next line ends the options,
        and every option after it becomes body text, silently."""
        if not (self.has_content and self.known_options and self.content):
            return
        source, _line = self.get_source_info()
        text = full_text(source, self.lineno, self.block_text)
        start = body_offset(text, list(self.content))
        for k, text in enumerate(self.content):
            if not text.strip() or opens(text):
                break  # only the body's first paragraph, not a nested directive's options
            match = FIELD.match(text)
            name = match[1].strip().lower() if match else ""
            if name not in self.known_options:
                continue
            line = self.place.line + start + k if start is not None else self.place.line
            warn(
                f"{self.label}: :{name}: is body text, not an option: a directive's options "
                "end at the first line that does not start with ':' (a value wrapped onto "
                "the next line), so this option and those after it are lost; write each "
                "option on one line, or give the options as a YAML block between '---' lines",
                "option",
                self.where(line),
            )

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
