"""Checks of growth records: ``:next:`` ladders and assessments.

A ``:next:`` id must name a post (not a profile), and following ``:next:``
must never come back: a loop (the role itself, too) is reported once, where
it is broken. An assessment must be of a known person, by ``self``,
``manager`` or a known person, about known skills.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..domain import TeamDomain
from ..model import MANAGER, SELF, Assessment, Role
from ..queries import all_assessments, next_posts
from ..warnings import Finding
from .words import of_record


def next_ids(domain: TeamDomain) -> Iterator[Finding]:
    for record in domain.records("role"):
        if not isinstance(record, Role):
            continue
        for ident in record.next:
            target = domain.lookup("role", ident)
            if ident == record.id:  # a loop of one step, reported as reports-to's are
                what = (
                    f"cycle: {ident} -> {ident}; ladders leave out the step {ident!r} -> {ident!r}"
                )
                yield of_record("cycle", record, "next", ident, what=what)
            elif target is None:
                yield of_record("unknown", record, "next", ident, wanted="role")
            elif isinstance(target, Role) and target.is_profile:
                what = (
                    f"names {ident!r}, a profile rather than a post; a profile is a variant "
                    "of a post, never a step of a ladder (ignored)"
                )
                yield of_record("option", record, "next", ident, what=what)


def next_cycles(domain: TeamDomain) -> Iterator[Finding]:
    """Each loop of ``:next:`` once, at the step that closes it (depth-first
    from each post in document order, following ``:next:`` in order)."""
    done: set[str] = set()
    for start in domain.all_roles():
        if not start.is_profile and start.id not in done:
            yield from _walk(domain, start, [], done)


def _walk(domain: TeamDomain, role: Role, path: list[Role], done: set[str]) -> Iterator[Finding]:
    path.append(role)
    for target in next_posts(domain, role):
        if any(r.id == target.id for r in path):
            loop = [r.id for r in path[[r.id for r in path].index(target.id) :]] + [target.id]
            what = (
                f"cycle: {' -> '.join(loop)}; ladders break it at the step "
                f"{role.id!r} -> {target.id!r}"
            )
            yield of_record("cycle", role, "next", target.id, what=what)
        elif target.id not in done:
            yield from _walk(domain, target, path, done)
    path.pop()
    done.add(role.id)


def assessments(domain: TeamDomain) -> Iterator[Finding]:
    for item in all_assessments(
        domain,
    ):
        if domain.lookup("person", item.person) is None:
            yield _unknown(item, "person", "person", item.person, "person")
        if item.by not in (SELF, MANAGER) and domain.lookup("person", item.by) is None:
            yield _unknown(
                item, "by", "by", item.by, "person", "(use self, manager or a person id)"
            )
        for sid, _level in item.skills:
            if domain.lookup("skill", sid) is None:
                yield _unknown(item, f"skills:{sid}", "skills", sid, "skill")


def _unknown(
    item: Assessment, key: str, option: str, ident: str, wanted: str, what: str = ""
) -> Finding:
    """An id in an assessment that names nothing: an imported assessment's
    finding points into its file, a written one's at its option."""
    label = f"assessment of {item.person!r} on {item.date}"
    return Finding(
        "unknown",
        item.place(key) or item.location,
        label=f"{item.origin}: {label}" if item.origin else label,
        option=option,
        item=ident,
        wanted=wanted,
        what=what,
    )


def growth_checks(domain: TeamDomain) -> Iterator[Finding]:
    yield from next_ids(domain)
    yield from next_cycles(domain)
    yield from assessments(domain)
