"""Project-wide checks, run once after reading so ``-j`` cannot change them.

Each check yields ``(subtype, message, location)``; :mod:`..events` emits them.
They only read the domain, in document order, so the output is deterministic.
The read-time lint of empty sections lives beside them in :mod:`.empty_sections`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..domain import TeamDomain
from ..model import Member, Person, Record, Role, Stage
from ..views import Finding
from .coverage import coverage

KIND_WORDS = {"skill": "skill", "stage": "interview stage", "role": "role", "person": "person"}


def _where(domain: TeamDomain, record: Record) -> str:
    path = domain.env.doc2path(record.docname, False)
    return f"{path}:{record.lineno}"


def duplicates(domain: TeamDomain) -> Iterator[Finding]:
    for record in domain.records():
        first = domain.lookup(record.namespace, record.id)
        if first is not None and first is not record:
            what = "role or person" if record.namespace == "org" else KIND_WORDS[record.kind]
            yield (
                "duplicate",
                f"duplicate {what} id {record.id!r}: defined here and at {_where(domain, first)}; "
                "the first definition is used",
                record.location,
            )


def unknown_ids(domain: TeamDomain) -> Iterator[Finding]:
    def missing(kind: str, ident: str, where: str, record: Record) -> Iterator[Finding]:
        if domain.lookup(kind, ident) is None:
            what = "role or person" if kind == "org" else KIND_WORDS[kind]
            yield ("unknown", f"{where} names unknown {what} {ident!r}", record.location)

    for record in domain.records():
        label = f"{KIND_WORDS[record.kind]} {record.id!r}:"
        if isinstance(record, Member):
            for sid, _ in record.skills:
                yield from missing("skill", sid, f"{label} :skills:", record)
            if record.reports_to:
                yield from missing("org", record.reports_to, f"{label} :reports-to:", record)
        if isinstance(record, Role):
            for stage in record.stages:
                yield from missing("stage", stage, f"{label} :stages:", record)
            if record.profile_of:
                yield from missing("role", record.profile_of, f"{label} :profile-of:", record)
        if isinstance(record, Person) and record.role:
            yield from missing("role", record.role, f"{label} :role:", record)
        if isinstance(record, Stage):
            for sid in record.assesses:
                yield from missing("skill", sid, f"{label} :assesses:", record)
    order = {doc: i for i, doc in enumerate(domain.doc_order())}
    views = sorted(
        (v for vs in domain.views_by_doc().values() for v in vs),
        key=lambda v: (order.get(v.docname, len(order)), v.docname, v.lineno),
    )
    for view in views:
        yield from view.unknown_ids(domain)


def role_kinds(domain: TeamDomain) -> Iterator[Finding]:
    """A profile is a variant of a post: it names a post, and nobody reports to it."""
    for record in domain.records("role", "person"):
        label = f"{KIND_WORDS[record.kind]} {record.id!r}:"
        if isinstance(record, Role) and record.profile_of:
            target = domain.lookup("role", record.profile_of)
            if target is record or record.profile_of == record.id:
                yield ("option", f"{label} :profile-of: names the role itself", record.location)
            elif isinstance(target, Role) and target.is_profile:
                yield (
                    "option",
                    f"{label} :profile-of: must name a post, and {target.id!r} is a profile",
                    record.location,
                )
        if isinstance(record, Member) and record.reports_to:
            target = domain.lookup("org", record.reports_to)
            if isinstance(target, Role) and target.is_profile:
                yield (
                    "option",
                    f"{label} :reports-to: names {target.id!r}, a profile rather than a post; "
                    "ignored",
                    record.location,
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
            by_id[first].location,
        )


def run_checks(domain: TeamDomain) -> list[Finding]:
    return [
        *duplicates(domain),
        *unknown_ids(domain),
        *role_kinds(domain),
        *cycles(domain),
        *coverage(domain),
    ]
