"""What HTML builds write beside the pages: ``teamext.json`` (every record in
the import format, so ``team-import`` reads it back as it is) and one CSV
file per skill map (the map's levels, for spreadsheets).

Written when the build has succeeded, from the records in document order, so
the files are the same for any parallelism and byte-identical across builds.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from sphinx.application import Sphinx
from sphinx.builders import Builder

from ..config import depth_index
from ..domain import TeamDomain
from ..model import Assessment, Member, Person, Record, Role, Skill, Stage
from ..queries import assessments_of
from ..render.downloads import CSV_BUILDERS
from ..views import view_data
from .importer import FORMAT_VERSION

EXPORT_FILE = "teamext.json"


def record_url(builder: Builder, record: Record) -> str:
    """The record's card from the output's root."""
    if builder.name == "singlehtml":  # one page holds every card
        return f"{builder.config.root_doc}{getattr(builder, 'out_suffix', '.html')}#{record.anchor}"
    uri = str(builder.get_target_uri(record.docname))
    return f"{uri.split('#')[0]}#{record.anchor}"


def _levels(pairs: Sequence[tuple[str, int]], scale: Sequence[str]) -> dict[str, str]:
    """``{skill: level name}``: names keep their meaning under another scale."""
    return {sid: _name(level, scale) for sid, level in pairs}


def _name(level: int, scale: Sequence[str]) -> str:
    return str(scale[level]) if 0 <= level < len(scale) else str(level)


def _member(record: Member, scale: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if record.skills:
        out["skills"] = _levels(record.skills, scale)
    if record.reports_to:
        out["reports-to"] = record.reports_to
    return out


def assessment_data(item: Assessment, scale: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"by": item.by, "date": item.date}
    if item.skills:
        out["skills"] = _levels(item.skills, scale)
    if item.evidence:
        out["evidence"] = dict(item.evidence)
    if item.body:
        out["body"] = item.body
    return out


def record_data(
    record: Record,
    builder: Builder | None,
    scale: Sequence[str] = (),
    assessments: Sequence[Assessment] = (),
) -> dict[str, Any]:
    """One record in the import format: the directive's options by name."""
    out: dict[str, Any] = {"id": record.id, "title": record.title}
    if isinstance(record, Skill):
        if record.group:
            out["group"] = record.group
    elif isinstance(record, Stage):
        if record.format:
            out["format"] = record.format
        if record.order is not None:
            out["order"] = record.order
        if record.assesses:
            out["assesses"] = list(record.assesses)
    elif isinstance(record, Role):
        if record.summary:
            out["summary"] = record.summary
        out.update(_member(record, scale))
        if record.stages:
            out["stages"] = list(record.stages)
        if record.next:
            out["next"] = list(record.next)
        if record.is_profile:
            out["kind"] = record.role_kind
            if record.profile_of:
                out["profile-of"] = record.profile_of
    elif isinstance(record, Person):
        if record.role:
            out["role"] = record.role
        out.update(_member(record, scale))
    if record.guidance:
        out["guidance"] = sorted(record.guidance)
    if not record.coverage:
        out["coverage"] = "off"
    if record.body:
        out["body"] = record.body
    if isinstance(record, Skill) and record.level_source:
        out["levels"] = {_name(level, scale): text for level, text in record.level_source}
    if isinstance(record, Stage) and record.red_flags_source:
        out["red-flags"] = list(record.red_flags_source)
    if isinstance(record, Member) and record.expectations:
        out["expectations"] = {e.skill: e.source or e.text for e in record.expectations}
    if assessments:
        out["assessments"] = [assessment_data(a, scale) for a in assessments]
    out["page"] = record.docname
    if builder is not None:
        out["url"] = record_url(builder, record)
    return out


def export_data(domain: TeamDomain, builder: Builder | None) -> dict[str, Any]:
    """Every record (first definitions), in document order, by kind."""
    config = domain.env.config
    scale = [str(name) for name in config.teamext_levels]
    return {
        "version": FORMAT_VERSION,
        "project": str(config.project or ""),
        "scale": scale_data(config),
        "skills": [record_data(r, builder, scale) for r in domain.all_skills()],
        "stages": [record_data(r, builder, scale) for r in domain.all_stages()],
        "roles": [record_data(r, builder, scale) for r in domain.all_roles()],
        "people": [
            record_data(r, builder, scale, assessments_of(domain, r)) for r in domain.all_people()
        ],
    }


def scale_data(config: Any) -> dict[str, Any]:
    """The scale that gives the file's level names their meaning."""
    scale = [str(name) for name in config.teamext_levels]
    depth = depth_index(config)
    none = config.teamext_none_level
    return {
        "levels": scale,
        "none": str(none) if none is not None else None,
        "depth": scale[depth] if 0 <= depth < len(scale) else None,
    }


def export_text(domain: TeamDomain, builder: Builder | None) -> str:
    return json.dumps(export_data(domain, builder), ensure_ascii=False, indent=2) + "\n"


def csv_text(rows: Sequence[Sequence[str]]) -> str:
    """Rows as CSV: CRLF line ends, quotes where needed (RFC 4180)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(rows)
    return out.getvalue()


def _write(path: Path, text: str) -> None:
    """Write ``text`` unless the file already holds it (its time stays)."""
    try:
        if path.read_bytes() == text.encode("utf-8"):
            return
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def write_outputs(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder is None or app.builder.name not in CSV_BUILDERS:
        return
    domain = cast(TeamDomain, app.env.get_domain("team"))
    outdir = Path(app.outdir)
    _write(outdir / EXPORT_FILE, export_text(domain, app.builder))
    scale = list(app.config.teamext_levels)
    for docname in sorted(domain.views_by_doc()):
        for view in domain.views_by_doc()[docname]:
            data = view_data(domain, view)
            for path, rows in view.csv_files(data, scale):
                _write(outdir / path, csv_text(rows))


def setup_export(app: Sphinx) -> None:
    app.connect("build-finished", write_outputs)
