"""Project-wide checks, run once after reading so ``-j`` cannot change them.

Each check yields ``(subtype, message, location)``; :mod:`.events` emits them.
They only read the domain, in document order, so the output is deterministic.
"""

from __future__ import annotations

from collections.abc import Iterator

from .domain import TeamDomain
from .model import Member, Person, Record, Role, Stage

Finding = tuple[str, str, tuple[str, int]]

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
        for option, kind in VIEW_ID_OPTIONS.get(view.what, ()):
            value = view.arg(option)
            idents = value if isinstance(value, tuple) else ()
            if isinstance(value, str) and option in SINGLE_ID_OPTIONS.get(view.what, ()):
                idents = (value,)
            for ident in idents:
                if domain.lookup(kind, ident) is None:
                    what = "role or person" if kind == "org" else KIND_WORDS[kind]
                    yield (
                        "unknown",
                        f"{VIEW_LABELS.get(view.what, view.what)}: :{option}: names unknown "
                        f"{what} {ident!r}",
                        (view.docname, view.lineno),
                    )


#: view name -> (option, kind of id) pairs whose ids must name something.
VIEW_ID_OPTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "map": (("rows", "org"), ("skills", "skill")),
    "chart": (("root", "org"),),
    "shape": (("people", "person"),),
}
#: view name -> options that hold one id (not a list).
SINGLE_ID_OPTIONS: dict[str, tuple[str, ...]] = {"chart": ("root",)}
VIEW_LABELS: dict[str, str] = {"map": "skill-map", "chart": "team-chart", "shape": "team-shape"}


def cycles(domain: TeamDomain) -> Iterator[Finding]:
    members = domain.all_members()
    boss = {m.id: m.reports_to for m in members if m.reports_to}
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
    found = [*duplicates(domain), *unknown_ids(domain), *cycles(domain)]
    from .insights import INSIGHT_CHECKS  # late: insight modules add checks

    for check in INSIGHT_CHECKS:
        found.extend(check(domain))
    return found
