"""Checks of growth records: ``:next:`` ladders and assessments.

A ``:next:`` id must name a post (not a profile), and following ``:next:``
must never come back: a loop (the role itself, too) is reported once, where
it is broken. An assessment must be of a known person, by ``self``,
``manager`` or a known person, about known skills.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..domain import TeamDomain
from ..lines import line_of
from ..model import MANAGER, SELF, Assessment, Role
from ..views import Finding
from .words import at, hint, named, word


def next_ids(domain: TeamDomain) -> Iterator[Finding]:
    for record in domain.records("role"):
        if not isinstance(record, Role):
            continue
        for ident in record.next:
            target = domain.lookup("role", ident)
            where = at(domain, record, "next", ident)
            if ident == record.id:  # a loop of one step, reported as reports-to's are
                yield (
                    "cycle",
                    f"{named(record)}: :next: cycle: {ident} -> {ident}; ladders leave out "
                    f"the step {ident!r} -> {ident!r}",
                    where,
                )
            elif target is None:
                yield (
                    "unknown",
                    f"{named(record)}: :next: names unknown {word('role')} {ident!r}"
                    f"{hint(domain, 'role', ident)}",
                    where,
                )
            elif isinstance(target, Role) and target.is_profile:
                yield (
                    "option",
                    f"{named(record)}: :next: names {ident!r}, a profile rather than a post; "
                    "a profile is a variant of a post, never a step of a ladder (ignored)",
                    where,
                )


def next_cycles(domain: TeamDomain) -> Iterator[Finding]:
    """Each loop of ``:next:`` once, at the step that closes it (depth-first
    from each post in document order, following ``:next:`` in order)."""
    done: set[str] = set()
    for start in domain.all_roles():
        if not start.is_profile and start.id not in done:
            yield from _walk(domain, start, [], done)


def _walk(domain: TeamDomain, role: Role, path: list[Role], done: set[str]) -> Iterator[Finding]:
    path.append(role)
    for target in domain.next_posts(role):
        if any(r.id == target.id for r in path):
            loop = [r.id for r in path[[r.id for r in path].index(target.id) :]] + [target.id]
            yield (
                "cycle",
                f"{named(role)}: :next: cycle: {' -> '.join(loop)}; ladders break it "
                f"at the step {role.id!r} -> {target.id!r}",
                at(domain, role, "next", target.id),
            )
        elif target.id not in done:
            yield from _walk(domain, target, path, done)
    path.pop()
    done.add(role.id)


def place(
    domain: TeamDomain, item: Assessment, key: str, option: str, ident: str = ""
) -> tuple[str, int] | str:
    """Where an assessment's ``option`` is written: the data file's line for an
    imported one, else the option's line in the page."""
    found = item.place(key)
    if found:
        return found
    return (item.docname, line_of(domain.env, item.location, option, ident))


def assessments(domain: TeamDomain) -> Iterator[Finding]:
    for item in domain.all_assessments():
        person = domain.lookup("person", item.person)
        label = f"assessment of {item.person!r} on {item.date}"
        if item.origin:
            label = f"{item.origin}: {label}"
        if person is None:
            yield (
                "unknown",
                f"{label}: :person: names unknown {word('person')} {item.person!r}"
                f"{hint(domain, 'person', item.person)}",
                place(domain, item, "person", "person"),
            )
        if item.by not in (SELF, MANAGER) and domain.lookup("person", item.by) is None:
            yield (
                "unknown",
                f"{label}: :by: names unknown {word('person')} {item.by!r} (use self, manager "
                f"or a person id){hint(domain, 'person', item.by)}",
                place(domain, item, "by", "by"),
            )
        for sid, _level in item.skills:
            if domain.lookup("skill", sid) is None:
                yield (
                    "unknown",
                    f"{label}: :skills: names unknown {word('skill')} {sid!r}"
                    f"{hint(domain, 'skill', sid)}",
                    place(domain, item, f"skills:{sid}", "skills", sid),
                )


def growth_checks(domain: TeamDomain) -> Iterator[Finding]:
    yield from next_ids(domain)
    yield from next_cycles(domain)
    yield from assessments(domain)
