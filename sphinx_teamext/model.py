"""The records of a team handbook: small, immutable, picklable values.

A record knows where it was defined (docname, line, position on the page) so
that every warning can point at it and every list can keep document order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

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


@dataclass(frozen=True)
class Person(Member):
    kind: ClassVar[str] = "person"
    role: str = ""
    #: ``assessment`` blocks of the card (more may come from imported forms).
    assessments: tuple[Assessment, ...] = ()
