"""How the project-wide checks name and place what they find: the record's
words, the option's line, and the id that was probably meant."""

from __future__ import annotations

import difflib

from ..domain import ROLE_KINDS, TeamDomain
from ..lines import line_of
from ..model import KINDS, Record

KIND_WORDS = {"skill": "skill", "stage": "interview stage", "role": "role", "person": "person"}


def at(domain: TeamDomain, record: Record, option: str = "", item: str = "") -> tuple[str, int]:
    """Where to report a problem with ``record``'s ``option`` (and ``item``).

    An imported record stands at its ``team-import`` directive: the page's
    source holds none of its options, so there is nothing to scan for."""
    if record.origin:
        return record.location
    return (record.docname, line_of(domain.env, record.location, option, item))


def named(record: Record) -> str:
    """``role 'x'``, after the data file and key path when the record was imported."""
    prefix = f"{record.origin}: " if record.origin else ""
    return f"{prefix}{KIND_WORDS[record.kind]} {record.id!r}"


def where(domain: TeamDomain, record: Record) -> str:
    path = domain.env.doc2path(record.docname, False)
    return f"{path}:{at(domain, record)[1]}"


def hint(domain: TeamDomain, kind: str, ident: str, role: bool = False) -> str:
    """``; did you mean 'sql'?`` or ``; 'ana' is a person`` for an id of ``kind``
    (or ``org``) that names nothing; empty when no id is close.

    ``role``: the id comes from a ``{team:*}`` reference, so the hint names the
    reference to use instead.
    """
    wanted = ("role", "person") if kind == "org" else (kind,)
    for other in KINDS:
        if other in wanted:
            continue
        record = domain.lookup(other, ident)
        if record is not None and record.kind == other:
            if role:
                name = next(r for r, k in ROLE_KINDS.items() if k == other)
                return f"; {ident!r} is {_a(KIND_WORDS[other])}: use {{team:{name}}}"
            return f"; {ident!r} is {_a(KIND_WORDS[other])}, not {_a(word(kind))}"
    ids = [r.id for r in domain.unique(domain.records(*wanted))]
    close = difflib.get_close_matches(ident, ids, n=1, cutoff=0.75)
    return f"; did you mean {close[0]!r}?" if close else ""


def word(kind: str) -> str:
    return "role or person" if kind == "org" else KIND_WORDS[kind]


def _a(word: str) -> str:
    return ("an " if word[0] in "aeiou" else "a ") + word
