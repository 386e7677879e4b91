"""What HTML builds write beside the pages: ``teamext.json`` (every record in
the import format, so ``team-import`` reads it back as it is) and one CSV
file per skill map (the map's levels, for spreadsheets).

Written when the build has succeeded, from the records in document order, so
the files are the same for any parallelism and byte-identical across builds.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

from sphinx.application import Sphinx
from sphinx.builders import Builder

from ..domain import TeamDomain
from ..model import Member, Person, Record, Role, Skill, Stage
from ..render.skill_map import CSV_BUILDERS, MapView, csv_path
from ..views import view_data
from .importer import FORMAT_VERSION

EXPORT_FILE = "teamext.json"


def record_url(builder: Builder, record: Record) -> str:
    """The record's card from the output's root."""
    if builder.name == "singlehtml":  # one page holds every card
        return f"{builder.config.root_doc}{getattr(builder, 'out_suffix', '.html')}#{record.anchor}"
    uri = str(builder.get_target_uri(record.docname))
    return f"{uri.split('#')[0]}#{record.anchor}"


def _member(record: Member) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if record.skills:
        out["skills"] = dict(record.skills)
    if record.reports_to:
        out["reports-to"] = record.reports_to
    return out


def record_data(record: Record, builder: Builder | None) -> dict[str, Any]:
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
        out.update(_member(record))
        if record.stages:
            out["stages"] = list(record.stages)
        if record.is_profile:
            out["kind"] = record.role_kind
            if record.profile_of:
                out["profile-of"] = record.profile_of
    elif isinstance(record, Person):
        if record.role:
            out["role"] = record.role
        out.update(_member(record))
    if record.guidance:
        out["guidance"] = sorted(record.guidance)
    if not record.coverage:
        out["coverage"] = "off"
    if record.body:
        out["body"] = record.body
    if isinstance(record, Skill) and record.level_source:
        out["levels"] = {str(level): text for level, text in record.level_source}
    if isinstance(record, Stage) and record.red_flags_source:
        out["red-flags"] = list(record.red_flags_source)
    if isinstance(record, Member) and record.expectations:
        out["expectations"] = {e.skill: e.source or e.text for e in record.expectations}
    out["page"] = record.docname
    if builder is not None:
        out["url"] = record_url(builder, record)
    return out


def export_data(domain: TeamDomain, builder: Builder | None) -> dict[str, Any]:
    """Every record (first definitions), in document order, by kind."""
    return {
        "version": FORMAT_VERSION,
        "project": str(domain.env.config.project or ""),
        "skills": [record_data(r, builder) for r in domain.all_skills()],
        "stages": [record_data(r, builder) for r in domain.all_stages()],
        "roles": [record_data(r, builder) for r in domain.all_roles()],
        "people": [record_data(r, builder) for r in domain.all_people()],
    }


def export_text(domain: TeamDomain, builder: Builder | None) -> str:
    return json.dumps(export_data(domain, builder), ensure_ascii=False, indent=2) + "\n"


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
            if not isinstance(view, MapView):
                continue
            data = view_data(domain, view)
            if data.rows and data.skills:
                _write(outdir / csv_path(view.docname, view.anchor), view.csv_text(data, scale))


def setup_export(app: Sphinx) -> None:
    app.connect("build-finished", write_outputs)
