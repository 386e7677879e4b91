"""The coverage check: gaps between what roles need, what skills exist and what
interview stages assess.

Runs with the other project-wide checks after reading, so it sees every page
and reports in document order. Ids that name nothing are left to the
``teamext.unknown`` check: here they count as absent, never as a second problem.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..config import has_none
from ..domain import TeamDomain
from ..lines import line_of
from ..model import Role, Skill, Stage
from ..warnings import Finding


def coverage(domain: TeamDomain) -> Iterator[Finding]:
    if domain.env.config.teamext_coverage == "off":
        return
    skills = {s.id for s in domain.all_skills()}
    stages = {s.id: s for s in domain.all_stages()}
    assessed = {sid for s in stages.values() for sid in s.assesses}
    members = domain.all_members()
    used = assessed | {sid for m in members for sid, _level in m.skills}
    # A skill only depth profiles list needs no interview: nobody is hired into one.
    hired_for = assessed | {
        sid
        for m in members
        if not (isinstance(m, Role) and m.is_profile)
        for sid, _level in m.skills
    }
    # On a scale with a "nothing" level, level 0 asks for nothing.
    real_from = 1 if has_none(domain.env.config) else 0
    for record in domain.unique(domain.records()):
        # An imported record stands at its team-import directive; its messages
        # start with the data file and key path.
        if record.origin:
            where, pre = record.location, f"{record.origin}: "
        else:
            where, pre = (record.docname, line_of(domain.env, record.location)), ""
        if not record.coverage:  # :coverage: off on this record
            continue
        if isinstance(record, Role) and record.is_profile:
            continue  # a depth variant of a post: its post is interviewed, not it
        if isinstance(record, Role):
            if not record.stages:
                yield Finding(
                    "coverage",
                    where,
                    what=f"{pre}role {record.id!r} lists no interview stage",
                    exact=True,
                )
                continue  # its skills are unassessed for that one reason
            own = [stages[s] for s in record.stages if s in stages]
            checked = {sid for stage in own for sid in stage.assesses}
            for sid, value in record.skills:
                # an unknown skill is reported already
                if value >= real_from and sid in skills and sid not in checked:
                    what = (
                        f"{pre}role {record.id!r} requires skill {sid!r}, which none of its "
                        "interview stages assesses"
                    )
                    yield Finding("coverage", where, what=what, exact=True)
        elif isinstance(record, Skill):
            if record.id not in used:
                what = f"{pre}skill {record.id!r} is used by no role, person or interview stage"
                yield Finding("coverage", where, what=what, exact=True)
            elif record.id not in assessed and record.id in hired_for:
                what = f"{pre}skill {record.id!r} is assessed by no interview stage"
                yield Finding("coverage", where, what=what, exact=True)
        elif isinstance(record, Stage) and not record.assesses:
            yield Finding(
                "coverage",
                where,
                what=f"{pre}interview stage {record.id!r} assesses nothing",
                exact=True,
            )
