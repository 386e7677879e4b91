"""The coverage check: gaps between what roles need, what skills exist and what
interview stages assess.

Runs with the other project-wide checks after reading, so it sees every page
and reports in document order. Ids that name nothing are left to the
``teamext.unknown`` check: here they count as absent, never as a second problem.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..domain import TeamDomain
from ..model import Role, Skill, Stage
from ..views import Finding


def coverage(domain: TeamDomain) -> Iterator[Finding]:
    if domain.env.config.teamext_coverage == "off":
        return
    skills = {s.id for s in domain.all_skills()}
    stages = {s.id: s for s in domain.all_stages()}
    assessed = {sid for s in stages.values() for sid in s.assesses}
    used = assessed | {sid for m in domain.all_members() for sid, _level in m.skills}
    for record in domain.unique(domain.records()):
        where = record.location
        if isinstance(record, Role):
            if not record.stages:
                yield ("coverage", f"role {record.id!r} lists no interview stage", where)
                continue  # its skills are unassessed for that one reason
            own = [stages[s] for s in record.stages if s in stages]
            checked = {sid for stage in own for sid in stage.assesses}
            for sid, value in record.skills:
                # level 0 ("none") asks for nothing; an unknown skill is reported already
                if value and sid in skills and sid not in checked:
                    yield (
                        "coverage",
                        f"role {record.id!r} requires skill {sid!r}, which none of its "
                        "interview stages assesses",
                        where,
                    )
        elif isinstance(record, Skill):
            if record.id not in used:
                yield (
                    "coverage",
                    f"skill {record.id!r} is used by no role, person or interview stage",
                    where,
                )
            elif record.id not in assessed:
                yield ("coverage", f"skill {record.id!r} is assessed by no interview stage", where)
        elif isinstance(record, Stage) and not record.assesses:
            yield ("coverage", f"interview stage {record.id!r} assesses nothing", where)
