"""Views: what a page shows that is computed from records on other pages.

A view is a small frozen dataclass, one class per kind (card, skill map,
org chart, ...), stored in the domain under the page that shows it and
carried by that page's placeholder node. Each kind answers three questions:
what data it shows (:meth:`View.compute`, also the page's digest), how that
data becomes nodes (:meth:`View.render`), and which ids it defines.

Kinds are dispatched by method, not by name, so this module knows none of
them: the node-building layer (``render``) defines them on top of it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from docutils import nodes

from .domain import TeamDomain
from .domain import View as StoredView
from .model import Member, Ref, ref, ref_of
from .render.context import RenderContext
from .warnings import Finding


@dataclass(frozen=True)
class View:
    """One thing a page shows from the project's records.

    ``anchor`` is the id the view's output carries, unique on its page; it is
    chosen when the page is read (see ``directives.base``), from the record
    or stage id the view is about, never from a line number.
    """

    #: Short name, used in messages and by tests; never for dispatch.
    what: ClassVar[str] = ""
    #: HTML builders expand the view in the writer (which runs in the parallel
    #: write processes) instead of in the post-transform (which does not).
    lazy: ClassVar[bool] = False

    docname: str
    lineno: int
    anchor: str = ""

    def compute(self, domain: TeamDomain) -> Hashable:
        """The data the view shows: plain, comparable values (the digest covers them)."""
        raise NotImplementedError

    def render(self, data: Any, part: str, ctx: RenderContext) -> list[nodes.Node]:
        """``data`` (from :meth:`compute`) as nodes every builder understands."""
        raise NotImplementedError

    def ids(self) -> tuple[str, ...]:
        """The ids the rendered view defines on its page."""
        return (self.anchor,) if self.anchor else ()

    def id_base(self) -> str:
        """What :attr:`anchor` is made from, before a ``-2`` suffix for repeats."""
        return ""

    def search_text(self, data: Any, part: str, scale: Sequence[str]) -> str:
        """The words a lazily expanded view gives the search index."""
        return ""

    def suggests(self, data: Any, part: str) -> bool:
        """Whether the view shows a value marked ``:guidance:`` (its page then
        carries the marker's legend)."""
        return False

    def unknown_ids(self, domain: TeamDomain) -> Iterator[Finding]:
        """Ids in the view's options that name nothing (and other problems
        only the whole project shows), as findings the checks word."""
        return iter(())

    def finding(
        self, subtype: str, label: str, option: str = "", item: str = "", **more: Any
    ) -> Finding:
        """A finding about this view's directive (``label``) and its ``option``."""
        return Finding(
            subtype, (self.docname, self.lineno), label=label, option=option, item=item, **more
        )

    def csv_files(self, data: Any, scale: Sequence[str]) -> list[tuple[str, list[list[str]]]]:
        """The CSV files the view offers: (path under the output folder, rows)."""
        return []


@dataclass(frozen=True)
class XrefView(View):
    """A ``{team:*}`` reference: it shows the target's title and page, so the
    page is rewritten when either changes. Sphinx's resolver renders it."""

    what: ClassVar[str] = "ref"

    kind: str = ""
    target: str = ""

    def compute(self, domain: TeamDomain) -> Hashable:
        return ref(domain, self.kind, self.target.strip())

    def render(self, data: Any, part: str, ctx: RenderContext) -> list[nodes.Node]:
        return []

    def ids(self) -> tuple[str, ...]:
        return ()


def view_data(domain: TeamDomain, view: StoredView) -> Any:
    """The data ``view`` shows, memoised until the records change: the digest
    after reading and each placeholder written later ask for the same data."""
    memo = domain.memo("view-data")
    if view not in memo:
        memo[view] = view.compute(domain)
    return memo[view]


def digest(domain: TeamDomain, views: Sequence[StoredView]) -> str:
    text = repr([view_data(domain, v) for v in views])
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def select_rows(domain: TeamDomain, rows: object) -> list[Member]:
    """``:rows:`` of a skill map: ``roles``, ``people`` or a tuple of ids."""
    if rows == "people":
        return list(domain.all_people())
    if rows in (None, "roles"):
        # Each post, then its depth profiles; profiles of no known post last.
        roles = domain.all_roles()
        ordered: list[Member] = []
        for role in roles:
            if not role.is_profile:
                ordered += [role, *domain.profiles_of(role)]
        return ordered + [r for r in roles if r.is_profile and domain.post_of(r) is None]
    chosen: list[Member] = []
    for ident in rows if isinstance(rows, tuple) else ():
        record = domain.lookup("org", ident)
        if isinstance(record, Member):
            chosen.append(record)
    return chosen


def skill_columns(domain: TeamDomain, members: Sequence[Member], skills: object) -> list[Ref]:
    """The skills a map or a team shape shows: the chosen ids, or every skill
    the members list (defined ones in document order, then undefined ones)."""
    if isinstance(skills, tuple):
        return [ref(domain, "skill", s) for s in skills if domain.lookup("skill", s)]
    used = {sid for m in members for sid, _level in m.skills}
    known = [ref_of(s) for s in domain.all_skills() if s.id in used]
    known_ids = {r.id for r in known}
    missing: list[Ref] = []
    for member in members:
        for sid, _level in member.skills:
            if sid not in known_ids and all(m.id != sid for m in missing):
                missing.append(Ref("skill", sid, sid, None))
    return known + missing
