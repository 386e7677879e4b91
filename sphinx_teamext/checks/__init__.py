"""Project-wide checks, run once after reading so ``-j`` cannot change them.

Each check yields :class:`..warnings.Finding` values, as do the views for the
ids in their options; :mod:`.words` words them, adds the hint and finds the
line, and :mod:`..events` emits them. They only read the domain, in document
order, so the output is deterministic. The read-time lints live beside them:
empty sections in :mod:`.empty_sections`, MyST fences read as text in
:mod:`.colon_fences`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..domain import TeamDomain
from ..model import KIND_WORDS, Member, Person, Record, Role, Stage
from ..warnings import Finding
from .colon_fences import colon_fences
from .coverage import coverage
from .growth import growth_checks
from .words import at, hint, location, message, of_record, where

__all__ = ["hint", "location", "message", "run_checks"]


def duplicates(domain: TeamDomain) -> Iterator[Finding]:
    for record in domain.records():
        first = domain.lookup(record.namespace, record.id)
        if first is not None and first is not record:
            what = "role or person" if record.namespace == "org" else KIND_WORDS[record.kind]
            prefix = f"{record.origin}: " if record.origin else ""
            yield Finding(
                "duplicate",
                at(domain, record),
                what=f"{prefix}duplicate {what} id {record.id!r}: defined here and at "
                f"{where(domain, first)}; the first definition is used",
                exact=True,
            )


def unknown_ids(domain: TeamDomain) -> Iterator[Finding]:
    def missing(kind: str, ident: str, option: str, record: Record) -> Iterator[Finding]:
        if domain.lookup(kind, ident) is None:
            yield of_record("unknown", record, option, ident, wanted=kind)

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
        yield from view.unknown_ids(domain)


def role_kinds(domain: TeamDomain) -> Iterator[Finding]:
    """A profile is a variant of a post: it names a post, and nobody reports to it."""
    for record in domain.records("role", "person"):
        if isinstance(record, Role) and record.profile_of:
            target = domain.lookup("role", record.profile_of)
            if target is record or record.profile_of == record.id:
                what = "names the role itself"
            elif isinstance(target, Role) and target.is_profile:
                what = f"must name a post, and {target.id!r} is a profile"
            else:
                what = ""
            if what:
                yield of_record("option", record, "profile-of", what=what)
        if isinstance(record, Member) and record.reports_to:
            target = domain.lookup("org", record.reports_to)
            if isinstance(target, Role) and target.is_profile:
                what = f"names {target.id!r}, a profile rather than a post; ignored"
                yield of_record("option", record, "reports-to", what=what)


def cycles(domain: TeamDomain) -> Iterator[Finding]:
    """Each ``:reports-to:`` loop once, where the org chart cuts it."""
    _manager, loops = domain.reporting_lines()
    for loop in loops:
        first = domain.lookup("org", loop[0])
        if first is None:
            continue
        yield Finding(
            "cycle",
            at(domain, first, "reports-to"),
            what=f"reports-to cycle: {' -> '.join([*loop, loop[0]])}; the chart breaks it "
            f"at {loop[0]!r}",
            exact=True,
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
