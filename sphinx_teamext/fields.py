"""Option values -> record fields: the one validator for every way records arrive.

Directives hand in their options as strings; a data file hands in the same
names (lists already joined into the comma-separated form the options take).
Both get the same fields and the same :class:`Problem` messages, each tagged
with the option it is about, so a caller can say where it happened.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from .model import GUIDANCE_FIELDS, MANAGER, POST, PROFILE, SELF
from .parsing import (
    Problem,
    parse_choice,
    parse_date,
    parse_guidance,
    parse_id,
    parse_id_list,
    parse_order,
    parse_skill_levels,
)

#: Options every record takes.
HONESTY_OPTIONS = ("guidance", "coverage")

#: Kind -> the options its directive (and a data file's record) knows, in documentation order.
OPTIONS: dict[str, tuple[str, ...]] = {
    "skill": ("title", "group", *HONESTY_OPTIONS),
    "stage": ("title", "format", "order", "assesses", *HONESTY_OPTIONS),
    "role": (
        "title",
        "summary",
        "skills",
        "stages",
        "reports-to",
        "kind",
        "profile-of",
        "next",
        *HONESTY_OPTIONS,
    ),
    "person": ("title", "role", "skills", "reports-to", *HONESTY_OPTIONS),
}

Options = Mapping[str, str | None]


class _Fields:
    """Parses one record's options, collecting problems tagged with their option."""

    def __init__(self, options: Options, scale: Sequence[str], first: int = 0) -> None:
        self.options = options
        self.scale = scale
        self.first = first
        self.problems: list[Problem] = []

    def get(self, name: str) -> str | None:
        value = (self.options.get(name) or "").strip()
        return value or None

    def add(self, option: str, problems: list[Problem]) -> None:
        self.problems += [p if p.option else replace(p, option=option) for p in problems]

    def ident(self, option: str, what: str) -> str:
        if self.get(option) is None:
            return ""
        value, errs = parse_id(self.get(option), what)
        self.add(option, errs)
        return value or ""

    def ids(self, option: str) -> tuple[str, ...]:
        value, errs = parse_id_list(self.get(option), option)
        self.add(option, errs)
        return tuple(value)

    def skills(self) -> tuple[tuple[str, int], ...]:
        pairs, errs = parse_skill_levels(self.get("skills"), self.scale, first=self.first)
        self.add("skills", errs)
        return tuple(pairs)

    def honesty(self, kind: str) -> dict[str, Any]:
        """``:guidance:`` (which values are a suggestion) and ``:coverage:``."""
        guidance, errs = parse_guidance(self.get("guidance"), GUIDANCE_FIELDS[kind])
        self.add("guidance", errs)
        coverage = True
        if self.get("coverage") is not None:
            value, errs = parse_choice(self.get("coverage"), ("off",), ":coverage:")
            self.add("coverage", errs)
            coverage = value != "off"
        return {"guidance": guidance, "coverage": coverage}


def record_fields(
    kind: str, options: Options, scale: Sequence[str], *, first: int = 0
) -> tuple[dict[str, Any], list[Problem]]:
    """The fields of a ``kind`` record (all but id, title and place) from its
    options; ``first`` is the number of the scale's first level in the source."""
    f = _Fields(options, scale, first)
    fields: dict[str, Any] = {}
    if kind == "skill":
        fields = {"group": f.get("group") or ""}
    elif kind == "stage":
        order = None
        if f.get("order") is not None:
            order, errs = parse_order(f.get("order"))
            f.add("order", errs)
        fields = {"format": f.get("format") or "", "order": order, "assesses": f.ids("assesses")}
    elif kind == "role":
        fields = _role(f)
    elif kind == "person":
        fields = {
            "role": f.ident("role", "role id"),
            "skills": f.skills(),
            "reports_to": f.ident("reports-to", "reports-to id"),
        }
    fields.update(f.honesty(kind))
    if kind in ("role", "person"):  # a bad level, reported: its expectation is not again
        bad = (p.item for p in f.problems if p.option == "skills" and p.subtype == "level")
        fields["dropped"] = tuple(dict.fromkeys(item for item in bad if item))
    return fields, f.problems


def _role(f: _Fields) -> dict[str, Any]:
    stages = f.ids("stages")
    kind = POST
    if f.get("kind") is not None:
        value, errs = parse_choice(f.get("kind"), (POST, PROFILE), ":kind:")
        f.add("kind", errs)
        kind = value or POST
    reports_to = f.ident("reports-to", "reports-to id")
    next_ids = f.ids("next")
    profile_of = ""
    if kind == PROFILE:
        # A profile is a depth variant of a post, not a job: no place in the
        # org chart and no interview of its own.
        if f.get("profile-of") is None:
            f.add("kind", [Problem("option", "a profile needs :profile-of: naming its post")])
        else:
            profile_of = f.ident("profile-of", ":profile-of: id")
        for name, present in (("reports-to", reports_to), ("stages", stages), ("next", next_ids)):
            if present:
                f.add(
                    name, [Problem("option", f":{name}: is ignored on a profile (:kind: profile)")]
                )
        reports_to, stages, next_ids = "", (), ()
    elif f.get("profile-of") is not None:
        f.add(
            "profile-of",
            [Problem("option", ":profile-of: is ignored on a post: add :kind: profile")],
        )
    return {
        "summary": f.get("summary") or "",
        "skills": f.skills(),
        "stages": stages,
        "reports_to": reports_to,
        "role_kind": kind,
        "profile_of": profile_of,
        "next": next_ids,
    }


def parse_by(text: str | None) -> tuple[str | None, list[Problem]]:
    """``self``, ``manager`` or the id of the person who assessed."""
    value = (text or "").strip()
    if value.lower() in (SELF, MANAGER):
        return value.lower(), []
    if not value:
        return None, [Problem("option", "missing :by:: give self, manager or a person id")]
    ident, errs = parse_id(value, ":by: person id")
    return ident, errs


def assessment_fields(
    options: dict[str, str], scale: Sequence[str], first: int
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """``by``, ``date`` and ``skills`` from option strings (directive or file).
    None when the assessment cannot be placed (no assessor or no date)."""
    problems: list[Problem] = []
    by, errs = parse_by(options.get("by"))
    problems += [p if p.option else Problem(p.subtype, p.message, "by") for p in errs]
    date, errs = parse_date(options.get("date"))
    problems += [p if p.option else Problem(p.subtype, p.message, "date") for p in errs]
    pairs, errs = parse_skill_levels(options.get("skills"), scale, first=first)
    problems += [p if p.option else Problem(p.subtype, p.message, "skills", p.item) for p in errs]
    if by is None or date is None:
        return None, problems
    return {"by": by, "date": date, "skills": pairs}, problems
