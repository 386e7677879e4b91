"""The records of a team handbook: small, immutable, picklable values.

A record knows where it was defined (docname, line, position on the page) so
that every warning can point at it and every list can keep document order.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar, Protocol

from .locale import _

#: Kind -> namespace. Roles and people share one, so ``:reports-to:`` is never ambiguous.
NAMESPACES: dict[str, str] = {"skill": "skill", "stage": "stage", "role": "org", "person": "org"}
KINDS: tuple[str, ...] = ("skill", "stage", "role", "person")
#: Kind -> the word messages use for it.
KIND_WORDS: dict[str, str] = {
    "skill": "skill",
    "stage": "interview stage",
    "role": "role",
    "person": "person",
}


#: Fields whose values a record may mark as the authors' suggestion (``:guidance:``).
GUIDANCE_FIELDS: dict[str, tuple[str, ...]] = {
    "skill": ("levels",),
    "stage": ("assesses", "format", "order"),
    "role": ("skills", "stages", "reports-to", "next"),
    "person": ("skills", "reports-to", "role"),
}


@dataclass(frozen=True)
class Record:
    kind: ClassVar[str] = ""
    id: str
    title: str
    docname: str
    lineno: int
    seq: int  # position among the records of its page, in source order
    #: Option names whose values are a suggestion, not established fact or policy.
    guidance: frozenset[str] = frozenset()
    #: False when ``:coverage: off`` asks the coverage check to leave it alone.
    coverage: bool = True
    #: The body as written (MyST or reStructuredText), without the blocks kept
    #: as fields of their own (levels, expectations, red flags): what the JSON
    #: export carries, so a round trip keeps it.
    body: str = ""
    #: For a record imported from a data file, ``"team.yaml: roles[3]"``: the
    #: file and key path that messages about it name ("" for a directive).
    origin: str = ""

    def suggests(self, field: str) -> bool:
        return field in self.guidance

    @property
    def anchor(self) -> str:
        return f"team-{self.kind}-{self.id}"

    @property
    def namespace(self) -> str:
        return NAMESPACES[self.kind]

    @property
    def location(self) -> tuple[str, int]:
        return (self.docname, self.lineno)


@dataclass(frozen=True)
class Skill(Record):
    kind: ClassVar[str] = "skill"
    group: str = ""
    #: (level, description) pairs from ``skill-level`` blocks, in level order.
    level_text: tuple[tuple[int, str], ...] = ()
    #: The same descriptions as written (MyST or reStructuredText), for the export.
    level_source: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class Stage(Record):
    kind: ClassVar[str] = "stage"
    format: str = ""
    order: int | None = None
    assesses: tuple[str, ...] = ()
    red_flags: tuple[str, ...] = ()
    #: Each red flag as written (markup kept), for the export.
    red_flags_source: tuple[str, ...] = ()


@dataclass(frozen=True)
class Expectation:
    """What a skill looks like for one role (or, on a person, the evidence)."""

    skill: str
    text: str  # plain text, as every view shows it
    source: str = ""  # the body as written, for the export
    lineno: int = 0  # where it was written
    #: Its paragraphs and lists (:mod:`.outline`), so views keep its structure.
    outline: tuple[object, ...] = ()


@dataclass(frozen=True)
class Member(Record):
    """Roles and people: both hold skills at levels and report to someone."""

    skills: tuple[tuple[str, int], ...] = ()
    reports_to: str = ""
    #: ``expectation`` blocks, in source order (one per skill).
    expectations: tuple[Expectation, ...] = ()
    #: Skills ``:skills:`` names with a level already reported as bad (and
    #: dropped): an expectation for one is not reported a second time.
    dropped: tuple[str, ...] = ()

    def expectation_for(self, skill: str) -> str | None:
        """The text of the expectation for ``skill``, when the record lists it."""
        if self.level_of(skill) is None:
            return None
        for item in self.expectations:
            if item.skill == skill:
                return item.text
        return None

    def level_of(self, skill: str) -> int | None:
        for sid, level in self.skills:
            if sid == skill:
                return level
        return None


#: ``:kind:`` of a role card: a post is a job; a profile is a depth variant of a post.
POST, PROFILE = "post", "profile"


@dataclass(frozen=True)
class Role(Member):
    kind: ClassVar[str] = "role"
    summary: str = ""
    stages: tuple[str, ...] = ()
    role_kind: str = POST
    profile_of: str = ""  # the post a profile is a variant of
    #: ``:next:``: the posts someone in this role is promoted into; several are tracks.
    next: tuple[str, ...] = ()

    @property
    def is_profile(self) -> bool:
        return self.role_kind == PROFILE


#: ``:by:`` of an assessment, besides a person id.
SELF, MANAGER = "self", "manager"


@dataclass(frozen=True)
class Assessment:
    """Levels someone judged a person to hold on a date: never the agreed
    ``:skills:`` of the person, which only the person card sets."""

    person: str
    by: str  # SELF, MANAGER or a person id
    date: str  # ISO YYYY-MM-DD
    skills: tuple[tuple[str, int], ...] = ()
    #: Evidence per skill (skill id, plain text), in source order.
    evidence: tuple[tuple[str, str], ...] = ()
    body: str = ""  # the overall evidence, as written
    text: str = ""  # the same, as plain text for the views
    docname: str = ""
    lineno: int = 0
    seq: int = 0  # position among the assessments of its page
    #: For an imported one, the file (and row or key path) messages name.
    origin: str = ""
    #: For an imported one, where each key was written (``"by"``, ``"skills:sql"``
    #: -> ``"path:line"``), so a finding can point into the file.
    places: tuple[tuple[str, str], ...] = ()

    def place(self, key: str) -> str | None:
        return dict(self.places).get(key)

    def level_of(self, skill: str) -> int | None:
        return dict(self.skills).get(skill)

    @property
    def location(self) -> tuple[str, int]:
        return (self.docname, self.lineno)

    def by_self(self, person: Member) -> bool:
        return self.by in (SELF, person.id)

    def by_manager(self, person: Member) -> bool:
        """By ``manager``, or by the person the assessed person reports to."""
        return self.by == MANAGER or (bool(person.reports_to) and self.by == person.reports_to)


@dataclass(frozen=True)
class Person(Member):
    kind: ClassVar[str] = "person"
    role: str = ""
    #: ``assessment`` blocks of the card (more may come from imported forms).
    assessments: tuple[Assessment, ...] = ()


def cut_loops(
    ids: list[str], manager: dict[str, str]
) -> tuple[dict[str, str], tuple[tuple[str, ...], ...]]:
    """``manager`` with every loop cut once, at its member first in ``ids``
    (document order); and the loops, each starting at that member."""
    order = {ident: i for i, ident in enumerate(ids)}
    manager = dict(manager)
    done: set[str] = set()
    loops: list[tuple[str, ...]] = []
    for ident in ids:
        path: list[str] = []
        current = ident
        while current in manager and current not in done and current not in path:
            path.append(current)
            current = manager[current]
        if current in path:  # one manager each: a walk meets at most one loop
            loop = path[path.index(current) :]
            start = loop.index(min(loop, key=order.__getitem__))
            loops.append(tuple(loop[start:] + loop[:start]))
            del manager[loops[-1][0]]
        done.update(path)
    return manager, tuple(loops)


# -- records as views show them -------------------------------------------------------


class Lookup(Protocol):
    """Anything that finds a record by kind and id (the domain)."""

    def lookup(self, kind: str, ident: str) -> Record | None: ...


def NOT_RECORDED() -> str:
    """The label for a value no record gives (never "none": nobody said it is zero)."""
    return _("not recorded")


@dataclass(frozen=True)
class Ref:
    """A link target as shown: ``docname`` is None when the id names nothing;
    ``suggested`` when the value that led here is marked ``:guidance:``."""

    kind: str
    id: str
    title: str
    docname: str | None
    suggested: bool = False

    def marked(self, suggested: bool) -> Ref:
        return replace(self, suggested=True) if suggested and not self.suggested else self

    @property
    def anchor(self) -> str:
        return f"team-{self.kind}-{self.id}"


@dataclass(frozen=True)
class Leveled:
    ref: Ref
    level: int


def ref(domain: Lookup, kind: str, ident: str) -> Ref:
    record = domain.lookup(kind, ident)
    if record is None:
        return Ref(kind, ident, ident, None)
    return ref_of(record)


def ref_of(record: Record) -> Ref:
    return Ref(record.kind, record.id, record.title, record.docname)
