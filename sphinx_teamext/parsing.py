"""Option strings -> values. Pure functions: no Sphinx, no docutils.

Each parser returns its value and a list of :class:`Problem`; it never raises
on bad input, so one bad item leaves the rest of a list intact.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

SLUG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")


@dataclass(frozen=True)
class Problem:
    subtype: str
    message: str
    #: The option the problem is about, and the item within it (a skill id in
    #: ``:skills:``), so callers can point at the place and name the context.
    option: str = ""
    item: str = ""
    #: The source line, when the problem is in a nested block rather than an option.
    line: int = 0


def shorten(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_id(text: str | None, what: str = "id") -> tuple[str | None, list[Problem]]:
    value = (text or "").strip()
    if not value:
        return None, [Problem("option", f"missing {what}")]
    if not SLUG.match(value):
        return None, [
            Problem(
                "option",
                f"malformed {what} {shorten(value)!r}: use lower-case letters, digits and "
                "hyphens, starting with a letter or digit",
            )
        ]
    return value, []


def split_list(text: str | None, what: str) -> tuple[list[str], list[Problem]]:
    """Split a comma-separated list; empty items are reported, not kept."""
    value = (text or "").strip()
    if not value:
        return [], []
    items = [item.strip() for item in value.split(",")]
    problems = []
    if any(not item for item in items):
        problems.append(Problem("option", f"empty item in {what} list {shorten(value)!r}"))
    return [item for item in items if item], problems


def parse_id_list(text: str | None, what: str) -> tuple[list[str], list[Problem]]:
    items, problems = split_list(text, what)
    ids: list[str] = []
    for item in items:
        value, errs = parse_id(item, f"id in {what}")
        problems += errs
        if value is not None:
            if value in ids:
                problems.append(Problem("option", f"{value!r} is listed twice in {what}"))
            else:
                ids.append(value)
    return ids, problems


def did_you_mean(value: str, choices: Sequence[str]) -> str:
    """`` (did you mean 'advanced'?)`` when ``value`` is close to one of ``choices``."""
    close = difflib.get_close_matches(value.lower(), [c.lower() for c in choices], n=1)
    if not close:
        return ""
    match = next(c for c in choices if c.lower() == close[0])
    return f" (did you mean {match!r}?)"


def parse_level(
    text: str, scale: Sequence[str], *, first: int = 0
) -> tuple[int | None, list[Problem]]:
    """A level is a whole number on the scale or one of its names (any case).

    ``first`` is the number the scale's first name has in the source (0, or 1
    on a scale without a "nothing" level); the value is always the name's index."""
    value = text.strip()
    top = len(scale) - 1 + first
    names = ", ".join(f"{i + first}={n}" for i, n in enumerate(scale))
    if re.fullmatch(r"[+-]?\d+", value):
        number = int(value)
        if first <= number <= top:
            return number - first, []
        hint = ""
        if 0 <= number < first:  # 0 on a ladder: numbers count from 1, as pages show them
            hint = (
                f"; on a scale without a none level numbers count from {first}, "
                f"so {scale[0]!r} is {first}"
            )
        return None, [
            Problem("level", f"level {value} is outside the scale {first}-{top} ({names}){hint}")
        ]
    lowered = [n.lower() for n in scale]
    if value.lower() in lowered:
        return lowered.index(value.lower()), []
    return None, [
        Problem(
            "level",
            f"unknown level {shorten(value)!r}{did_you_mean(value, scale)}: "
            f"use {first}-{top} or a name ({names})",
        )
    ]


def parse_skill_levels(
    text: str | None, scale: Sequence[str], *, first: int = 0
) -> tuple[list[tuple[str, int]], list[Problem]]:
    """``api-design=3, code-quality=fluent`` -> [("api-design", 3), ("code-quality", 3)]."""
    items, problems = split_list(text, "skills")
    pairs: list[tuple[str, int]] = []
    seen: set[str] = set()
    for item in items:
        sid_text, eq, level_text = item.partition("=")
        if not eq or not level_text.strip():
            problems.append(
                Problem("option", f"expected skill=level in skills, got {shorten(item)!r}")
            )
            continue
        sid, errs = parse_id(sid_text, "skill id")
        problems += errs
        level, errs = parse_level(level_text, scale, first=first)
        problems += [replace(e, item=sid or sid_text.strip()) for e in errs]
        if sid is None or level is None:
            continue
        if sid in seen:
            problems.append(Problem("option", f"skill {sid!r} is listed twice in skills"))
            continue
        seen.add(sid)
        pairs.append((sid, level))
    return pairs, problems


def parse_order(text: str | None) -> tuple[int | None, list[Problem]]:
    value = (text or "").strip()
    if re.fullmatch(r"\d+", value):
        return int(value), []
    return None, [Problem("option", f"order must be a whole number, got {shorten(value)!r}")]


def parse_choice(
    text: str | None, choices: Sequence[str], what: str
) -> tuple[str | None, list[Problem]]:
    value = (text or "").strip()
    for choice in choices:
        if value.lower() == choice.lower():
            return choice, []
    return None, [
        Problem(
            "option",
            f"{what} must be one of {', '.join(choices)}, got {shorten(value)!r}"
            + did_you_mean(value, choices),
        )
    ]


def parse_selection(
    text: str | None, keywords: Sequence[str], what: str
) -> tuple[str | tuple[str, ...] | None, list[Problem]]:
    """A keyword (``all``, ``roles``, ...) or a list of ids."""
    value = (text or "").strip()
    if value.lower() in keywords:
        return value.lower(), []
    if not value:
        return None, [Problem("option", f"empty {what}: use {' or '.join(keywords)} or ids")]
    ids, problems = parse_id_list(value, what)
    if not ids:
        problems = problems or [Problem("option", f"no ids in {what}")]
        return None, problems
    return tuple(ids), problems


def parse_guidance(
    text: str | None, allowed: Sequence[str]
) -> tuple[frozenset[str], list[Problem]]:
    """``:guidance: skills, stages`` or ``all``: the fields whose values are a suggestion."""
    items, problems = split_list(text, ":guidance:")
    found: set[str] = set()
    for item in items:
        name = item.lower()
        if name == "all":
            found.update(allowed)
        elif name in allowed:
            found.add(name)
        else:
            choices = ", ".join([*allowed, "all"])
            problems.append(
                Problem(
                    "option",
                    f":guidance: names unknown field {shorten(item)!r}"
                    f"{did_you_mean(item, [*allowed, 'all'])}: use {choices}",
                )
            )
    return frozenset(found), problems


def parse_date(text: str | None, what: str = ":date:") -> tuple[str | None, list[Problem]]:
    """An ISO calendar date, ``YYYY-MM-DD``, that exists (no 2026-02-30)."""
    value = (text or "").strip()
    if not value:
        return None, [Problem("option", f"missing {what}: give a date as YYYY-MM-DD")]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return datetime.date.fromisoformat(value).isoformat(), []
        except ValueError:
            return None, [Problem("option", f"{what} {value!r} is not a date that exists")]
    return None, [Problem("option", f"{what} must be a date as YYYY-MM-DD, got {shorten(value)!r}")]
