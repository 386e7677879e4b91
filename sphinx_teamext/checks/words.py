"""How project-wide findings read: the record or directive they are about,
the option's line, and the id that was probably meant.

Views and checks yield :class:`..warnings.Finding` values; this module is the
one place that turns them into a message and a location.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from ..domain import TeamDomain
from ..lines import line_of
from ..model import KIND_WORDS, KINDS, Record
from ..parsing import did_you_mean
from ..warnings import Finding
from ..xrefs import ROLE_KINDS


def of_record(
    subtype: str, record: Record, option: str = "", item: str = "", wanted: str = "", what: str = ""
) -> Finding:
    """A finding about ``record``'s ``option`` (and ``item`` in it).

    An imported record stands at its ``team-import`` directive: the page's
    source holds none of its options, so there is nothing to scan for."""
    return Finding(
        subtype,
        record.location,
        kind=record.kind,
        ident=record.id,
        origin=record.origin,
        option=option,
        item=item,
        wanted=wanted,
        what=what,
        exact=bool(record.origin),
    )


def at(domain: TeamDomain, record: Record, option: str = "", item: str = "") -> tuple[str, int]:
    """Where to report a problem with ``record``'s ``option`` (and ``item``)."""
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


def keyword_hint(ident: str, keywords: Sequence[str]) -> str:
    """`` (did you mean the keyword 'people'?)`` for an id close to a keyword."""
    found = did_you_mean(ident, keywords) if keywords else ""
    return found.replace("did you mean ", "did you mean the keyword ") if found else ""


def word(kind: str) -> str:
    return "role or person" if kind == "org" else KIND_WORDS[kind]


def _a(word: str) -> str:
    return ("an " if word[0] in "aeiou" else "a ") + word


def subject(finding: Finding) -> str:
    """Whom a finding is about: ``role 'x'`` (after its data file) or a label."""
    if finding.kind:
        prefix = f"{finding.origin}: " if finding.origin else ""
        return f"{prefix}{KIND_WORDS[finding.kind]} {finding.ident!r}"
    return finding.label


def message(domain: TeamDomain, finding: Finding) -> str:
    """``role 'x': :skills: names unknown skill 'y'; did you mean 'z'?``"""
    if finding.subtype == "unknown" and finding.item:
        body = f"{finding.phrase} {word(finding.wanted)} {finding.item!r}"
        if finding.what:
            body += f" {finding.what}"
        body += keyword_hint(finding.item, finding.keywords)
        body += hint(domain, finding.wanted, finding.item)
    else:
        body = finding.what
    head = subject(finding)
    option = f":{finding.option}: " if finding.option and head else ""
    return f"{head}: {option}{body}" if head else body


def location(domain: TeamDomain, finding: Finding) -> tuple[str, int] | str:
    """The line to edit: the option's (or its item's) line in the page."""
    if finding.exact or isinstance(finding.location, str):
        return finding.location
    return (
        finding.location[0],
        line_of(domain.env, finding.location, finding.option, finding.item),
    )
