"""The ``team`` domain: the one owner of the project's records.

Records and views are stored per docname, so ``clear_doc`` and
``merge_domaindata`` keep parallel and incremental builds exact. Everything
derived from several pages (lookups, document order, backlinks) is computed
from those lists on demand and cached until the lists change.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Sequence
from typing import Any, Protocol

from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment

from .indices import RoleIndex, SkillIndex
from .locale import _
from .model import (
    NAMESPACES,
    Assessment,
    Member,
    Person,
    Record,
    Role,
    Skill,
    Stage,
    cut_loops,
)
from .warnings import Finding
from .xrefs import resolve_any, resolve_one


class View(Protocol):
    """What the domain asks of the views it stores (:class:`..views.View`,
    which builds on the domain, so it is not imported here)."""

    @property
    def docname(self) -> str: ...

    @property
    def lineno(self) -> int: ...

    def compute(self, domain: TeamDomain) -> Hashable: ...

    def unknown_ids(self, domain: TeamDomain) -> Iterator[Finding]: ...

    def csv_files(self, data: Any, scale: Sequence[str]) -> list[tuple[str, list[list[str]]]]: ...


class TeamDomain(Domain):
    name = "team"
    label = "Team"
    object_types = {
        "skill": ObjType(_("skill"), "skill"),
        "stage": ObjType(_("interview stage"), "stage"),
        "role": ObjType(_("role"), "role"),
        "person": ObjType(_("person"), "person"),
    }
    indices = [RoleIndex, SkillIndex]
    initial_data = {
        "records": {},  # docname -> [Record] in source order
        "views": {},  # docname -> [View] in source order
        # docname -> [Assessment] imported there (a form), outside any person card
        "assessments": {},
    }
    data_version = 3

    # -- storage, keyed by docname -------------------------------------------------

    @property
    def _records(self) -> dict[str, list[Record]]:
        return self.data["records"]  # type: ignore[no-any-return]

    @property
    def _views(self) -> dict[str, list[View]]:
        return self.data["views"]  # type: ignore[no-any-return]

    def add_record(self, record: Record) -> None:
        self._records.setdefault(record.docname, []).append(record)
        self._cache = None

    @property
    def _assessments(self) -> dict[str, list[Assessment]]:
        return self.data.setdefault("assessments", {})  # type: ignore[no-any-return]

    def add_assessment(self, assessment: Assessment) -> None:
        self._assessments.setdefault(assessment.docname, []).append(assessment)
        self._cache = None

    def add_view(self, view: View) -> None:
        self._views.setdefault(view.docname, []).append(view)
        self._cache = None

    def next_seq(self, docname: str) -> int:
        return len(self._records.get(docname, ()))

    def clear_doc(self, docname: str) -> None:
        self._records.pop(docname, None)
        self._views.pop(docname, None)
        self._assessments.pop(docname, None)
        self._cache = None

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["records"]:
                self._records[docname] = otherdata["records"][docname]
            if docname in otherdata["views"]:
                self._views[docname] = otherdata["views"][docname]
            if docname in otherdata.get("assessments", {}):
                self._assessments[docname] = otherdata["assessments"][docname]
        self._cache = None

    def views_by_doc(self) -> dict[str, list[View]]:
        return self._views

    # -- derived data, cached until the records change -----------------------------

    _cache: dict[str, Any] | None = None

    def _derived(self) -> dict[str, Any]:
        if self._cache is None:
            order = {doc: i for i, doc in enumerate(self.doc_order())}
            ranked = sorted(
                (r for recs in self._records.values() for r in recs),
                key=lambda r: (order.get(r.docname, len(order)), r.docname, r.seq),
            )
            first: dict[tuple[str, str], Record] = {}
            for record in ranked:
                first.setdefault((record.namespace, record.id), record)
            self._cache = {"ordered": ranked, "first": first}
        return self._cache

    def memo(self, name: str) -> dict[Any, Any]:
        """A dict for results derived from the records, emptied when they change."""
        memo: dict[Any, Any] = self._derived().setdefault("memo:" + name, {})
        return memo

    def doc_order(self) -> list[str]:
        """Docnames in toctree order from the root, then the rest by name."""
        env = self.env
        seen: dict[str, None] = {}
        stack = [env.config.root_doc]
        while stack:
            doc = stack.pop()
            if doc in seen:
                continue
            seen[doc] = None
            stack.extend(reversed(env.toctree_includes.get(doc, [])))
        rest = sorted(set(self._records) | set(self._views) | set(env.all_docs))
        return [*seen, *(d for d in rest if d not in seen)]

    def records(self, *kinds: str) -> list[Record]:
        """Every record of the given kinds (all kinds if none) in document order."""
        # Memoised per kinds: cards call this once each, so recomputing is quadratic.
        derived = self._derived()
        key = "records:" + ",".join(kinds)
        if key not in derived:
            ranked: list[Record] = derived["ordered"]
            derived[key] = [r for r in ranked if not kinds or r.kind in kinds]
        return list(derived[key])

    def lookup(self, kind: str, ident: str) -> Record | None:
        """The first definition of ``ident`` in ``kind``'s namespace, of that kind.

        ``kind`` may be ``"org"`` to accept a role or a person.
        """
        namespace = NAMESPACES.get(kind, kind)
        record: Record | None = self._derived()["first"].get((namespace, ident))
        if record is None or kind in ("org", "skill", "stage"):
            return record
        return record if record.kind == kind else None

    # Typed lists of unique records (first definitions), in document order.

    def _unique_of(self, *kinds: str) -> list[Any]:
        derived = self._derived()
        key = "unique:" + ",".join(kinds)
        if key not in derived:
            derived[key] = self.unique(self.records(*kinds))
        return list(derived[key])

    def all_skills(self) -> list[Skill]:
        return [r for r in self._unique_of("skill") if isinstance(r, Skill)]

    def all_stages(self) -> list[Stage]:
        return [r for r in self._unique_of("stage") if isinstance(r, Stage)]

    def all_roles(self) -> list[Role]:
        return [r for r in self._unique_of("role") if isinstance(r, Role)]

    def all_people(self) -> list[Person]:
        return [r for r in self._unique_of("person") if isinstance(r, Person)]

    def all_members(self) -> list[Member]:
        return [r for r in self._unique_of("role", "person") if isinstance(r, Member)]

    def holders(self, kind: str, skill: str) -> list[tuple[Member, int]]:
        """Unique roles or people (``kind``) that list ``skill``, with their level."""
        derived = self._derived()
        key = "holders:" + kind
        if key not in derived:
            index: dict[str, list[tuple[Member, int]]] = {}
            for member in self._unique_of(kind):
                for sid, level in member.skills:
                    index.setdefault(sid, []).append((member, level))
            derived[key] = index
        return list(derived[key].get(skill, ()))

    def manager_of(self, member: Member) -> str:
        """``:reports-to:``, unless it names a profile (reported and ignored)."""
        target = self.lookup("org", member.reports_to) if member.reports_to else None
        if isinstance(target, Role) and target.is_profile:
            return ""
        return member.reports_to

    def reporting_lines(self) -> tuple[dict[str, str], tuple[tuple[str, ...], ...]]:
        """Each post's and person's manager, with every ``:reports-to:`` loop
        cut once; and the loops, each starting at the member it is cut at.

        A loop is cut at its member that comes first in document order, so the
        org chart and the ``teamext.cycle`` warning, which both ask here, agree.
        Depth profiles are no place in the organisation and take no part.
        """
        derived = self._derived()
        if "reporting" not in derived:
            members = [m for m in self.all_members() if not (isinstance(m, Role) and m.is_profile)]
            ids = [m.id for m in members]
            known = set(ids)
            manager = {
                m.id: boss for m in members if (boss := self.manager_of(m)) and boss in known
            }
            manager, loops = cut_loops(ids, manager)
            derived["reporting"] = (manager, loops)
        found: tuple[dict[str, str], tuple[tuple[str, ...], ...]] = derived["reporting"]
        return dict(found[0]), found[1]

    def post_of(self, role: Role) -> Role | None:
        """The post a profile is a variant of, when it names one."""
        post = self.lookup("role", role.profile_of) if role.profile_of else None
        if isinstance(post, Role) and not post.is_profile and post is not role:
            return post
        return None

    def profiles_of(self, post: Role) -> list[Role]:
        """The profiles of ``post``, in document order."""
        return [r for r in self.all_roles() if r.is_profile and self.post_of(r) is post]

    def imported_assessments(self) -> list[Assessment]:
        """Assessments read from filled-in forms, outside any person card."""
        return [a for items in self._assessments.values() for a in items]

    def unique(self, records: Iterable[Record]) -> list[Record]:
        """Drop duplicate definitions, keeping the first in document order."""
        return [r for r in records if self.lookup(r.kind, r.id) is r]

    # -- cross-references (made in :mod:`.xrefs`) -----------------------------------

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        return resolve_one(self, builder, fromdocname, typ, target, node, contnode)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        return resolve_any(self, builder, fromdocname, target, contnode)

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for record in self.unique(self.records()):
            yield (record.id, record.title, record.kind, record.docname, record.anchor, 1)

    def get_full_qualified_name(self, node: Element) -> str | None:
        target = node.get("reftarget")
        return f"team.{target}" if target else None
