"""The domain's indices: a role index (roles and people) and a skill index
(skills by group, and interview stages), listing first definitions only."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, cast

from sphinx.domains import Index, IndexEntry

from .locale import _
from .model import Record, Skill


class Records(Protocol):
    """What an index reads from the domain (which registers the indices, so
    this module cannot import it)."""

    def records(self, *kinds: str) -> list[Record]: ...

    def lookup(self, kind: str, ident: str) -> Record | None: ...


class _RecordIndex(Index):
    kinds: tuple[str, ...] = ()

    def group_of(self, record: Record) -> str:
        raise NotImplementedError

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain = cast(Records, self.domain)
        wanted = set(docnames) if docnames is not None else None
        groups: dict[str, list[IndexEntry]] = {}
        for record in domain.records(*self.kinds):
            if wanted is not None and record.docname not in wanted:
                continue
            if domain.lookup(record.kind, record.id) is not record:
                continue  # a duplicate: the first definition is the indexed one
            # Themes make the group name an id and a link fragment ("cap-<name>"),
            # where a space is invalid: no-break spaces read the same.
            group = self.group_of(record).replace(" ", "\u00a0")
            groups.setdefault(group, []).append(
                IndexEntry(record.title, 0, record.docname, record.anchor, record.id, "", "")
            )
        content = [
            (key, sorted(entries, key=lambda e: e[0].lower())) for key, entries in groups.items()
        ]
        return sorted(content, key=lambda item: item[0].lower()), False


class RoleIndex(_RecordIndex):
    name = "roleindex"
    localname = _("Role index")
    shortname = _("roles")
    kinds = ("role", "person")

    def group_of(self, record: Record) -> str:
        return _("Roles") if record.kind == "role" else _("People")


class SkillIndex(_RecordIndex):
    name = "skillindex"
    localname = _("Skill index")
    shortname = _("skills")
    kinds = ("skill", "stage")

    def group_of(self, record: Record) -> str:
        if isinstance(record, Skill):
            return record.group.capitalize() if record.group else _("Skills")
        return _("Interview stages")
