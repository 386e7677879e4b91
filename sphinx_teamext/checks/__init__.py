"""Project-wide checks, run once after reading so ``-j`` cannot change them.

Each check yields ``(subtype, message, location)``; :mod:`..events` emits them.
They only read the domain, in document order, so the output is deterministic.
A problem with an option is located at that option's line (and at the item's
line when the value runs over several), from the places :mod:`..lines` kept
while reading; an id that names nothing says which id was probably meant.
The read-time lint of empty sections lives beside them in :mod:`.empty_sections`.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from ..domain import TeamDomain
from ..lines import line_of, unparsed_fences
from ..model import Member, Person, Record, Role, Stage
from ..views import Finding
from .coverage import coverage
from .growth import growth_checks
from .words import KIND_WORDS, at, hint, named, where, word

__all__ = ["hint", "run_checks"]

#: The word a message uses for a kind (or ``org``: roles and people) -> the kind.
WORD_KINDS = {"role or person": "org", **{word: kind for kind, word in KIND_WORDS.items()}}
#: ``... unknown interview stage 'x'`` in a check's message.
UNKNOWN = re.compile(
    r"unknown (?P<what>role or person|interview stage|skill|role|person) "
    r"(?P<id>'[^']*'|\"[^\"]*\")"
)
#: ``:rows:`` named in a view's message: the option a finding is about.
OPTION = re.compile(r"(?<![:\w]):([a-z][\w-]*):(?![:\w])")


def with_hint(domain: TeamDomain, finding: Finding) -> Finding:
    """A view's ``teamext.unknown`` finding, located at the option it names and
    ending with a hint (views on other modules word their own messages)."""
    subtype, message, location = finding
    if subtype != "unknown" or isinstance(location, str):
        return finding
    docname, lineno = location
    match = UNKNOWN.search(message)
    if match is None:
        return finding
    ident = str(ast.literal_eval(match["id"]))
    option = OPTION.search(message)
    line = line_of(domain.env, (docname, lineno), option[1] if option else "", ident)
    return (subtype, message + hint(domain, WORD_KINDS[match["what"]], ident), (docname, line))


def duplicates(domain: TeamDomain) -> Iterator[Finding]:
    for record in domain.records():
        first = domain.lookup(record.namespace, record.id)
        if first is not None and first is not record:
            what = "role or person" if record.namespace == "org" else KIND_WORDS[record.kind]
            prefix = f"{record.origin}: " if record.origin else ""
            yield (
                "duplicate",
                f"{prefix}duplicate {what} id {record.id!r}: defined here and at "
                f"{where(domain, first)}; the first definition is used",
                at(domain, record),
            )


def unknown_ids(domain: TeamDomain) -> Iterator[Finding]:
    def missing(kind: str, ident: str, option: str, record: Record) -> Iterator[Finding]:
        if domain.lookup(kind, ident) is None:
            label = f"{named(record)}: :{option}:"
            yield (
                "unknown",
                f"{label} names unknown {word(kind)} {ident!r}{hint(domain, kind, ident)}",
                at(domain, record, option, ident),
            )

    for record in domain.records():
        if isinstance(record, Member):
            for sid, _ in record.skills:
                yield from missing("skill", sid, "skills", record)
            if record.reports_to:
                yield from missing("org", record.reports_to, "reports-to", record)
        if isinstance(record, Role):
            for stage in record.stages:
                yield from missing("stage", stage, "stages", record)
            if record.profile_of:
                yield from missing("role", record.profile_of, "profile-of", record)
        if isinstance(record, Person) and record.role:
            yield from missing("role", record.role, "role", record)
        if isinstance(record, Stage):
            for sid in record.assesses:
                yield from missing("skill", sid, "assesses", record)
    order = {doc: i for i, doc in enumerate(domain.doc_order())}
    views = sorted(
        (v for vs in domain.views_by_doc().values() for v in vs),
        key=lambda v: (order.get(v.docname, len(order)), v.docname, v.lineno),
    )
    for view in views:
        for finding in view.unknown_ids(domain):
            yield with_hint(domain, finding)


def role_kinds(domain: TeamDomain) -> Iterator[Finding]:
    """A profile is a variant of a post: it names a post, and nobody reports to it."""
    for record in domain.records("role", "person"):
        label = f"{named(record)}:"
        if isinstance(record, Role) and record.profile_of:
            target = domain.lookup("role", record.profile_of)
            if target is record or record.profile_of == record.id:
                yield (
                    "option",
                    f"{label} :profile-of: names the role itself",
                    at(domain, record, "profile-of"),
                )
            elif isinstance(target, Role) and target.is_profile:
                yield (
                    "option",
                    f"{label} :profile-of: must name a post, and {target.id!r} is a profile",
                    at(domain, record, "profile-of"),
                )
        if isinstance(record, Member) and record.reports_to:
            target = domain.lookup("org", record.reports_to)
            if isinstance(target, Role) and target.is_profile:
                yield (
                    "option",
                    f"{label} :reports-to: names {target.id!r}, a profile rather than a post; "
                    "ignored",
                    at(domain, record, "reports-to"),
                )


def cycles(domain: TeamDomain) -> Iterator[Finding]:
    members = domain.all_members()
    boss = {m.id: manager for m in members if (manager := domain.manager_of(m))}
    by_id = {m.id: m for m in members}
    reported: set[str] = set()
    for member in members:
        path: list[str] = []
        current: str | None = member.id
        while current is not None and current not in path and current not in reported:
            path.append(current)
            current = boss.get(current)
        if current is None or current in reported or current not in path:
            reported.update(path)
            continue
        loop = path[path.index(current) :]
        reported.update(path)
        first = min(loop, key=lambda i: domain.records().index(by_id[i]))
        start = loop.index(first)
        ring = loop[start:] + loop[:start] + [first]
        yield (
            "cycle",
            f"reports-to cycle: {' -> '.join(ring)}; the chart breaks it at {first!r}",
            at(domain, by_id[first], "reports-to"),
        )


def colon_fences(domain: TeamDomain) -> Iterator[Finding]:
    """MyST pages with ``:::{role-card}`` blocks that MyST reads as text, because
    its ``colon_fence`` extension is off: one warning for the project."""
    found = unparsed_fences(domain.env, domain.doc_order())
    if not found:
        return
    docname, line, name = found[0]
    others = len(found) - 1
    more = f" (and on {others} other page{'s' if others > 1 else ''})" if others else ""
    yield (
        "config",
        f"':::{{{name}}}' block{more} shown as plain text: MyST's colon_fence extension "
        'is off; add "colon_fence" to myst_enable_extensions in conf.py, or write the '
        f"blocks as backtick fences (```{{{name}}}```)",
        (docname, line),
    )


def run_checks(domain: TeamDomain) -> list[Finding]:
    return [
        *colon_fences(domain),
        *duplicates(domain),
        *unknown_ids(domain),
        *role_kinds(domain),
        *cycles(domain),
        *growth_checks(domain),
        *coverage(domain),
    ]
