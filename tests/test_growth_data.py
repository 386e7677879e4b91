"""Growth data in files: ``teamext.json`` version 2 (``next``, ``assessments``,
levels by name, the scale), the assessment form's round trip, and version 1
files, whose level numbers count from 0.

The round trip: build the team, take the form its growth view offers, fill it
in as a person would (a spreadsheet adds a byte-order mark; evidence has
commas, quotes, line breaks and accents), import it with ``team-import`` on
another page, build again. ``teamext.json`` is then the same apart from the
new assessment, which is the newest self assessment everywhere.
"""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import parse_warnings
from helpers import build, copy_root
from sphinx.testing.util import SphinxTestApp

SCHEMA = Path(__file__).parent.parent / "sphinx_teamext" / "data" / "teamext.schema.json"
FORM = "_teamext/growth-team-growth-ana-form.csv"

GROWTH_PAGE = """# Growth

:::{team-growth}
:person: ana
:::
"""

IMPORT_FORM = """
:::{team-import} filled.csv
:person: ana
:by: self
:date: 2026-05-01
:::
"""


def export(app: SphinxTestApp) -> dict[str, Any]:
    return json.loads((Path(app.outdir) / "teamext.json").read_text(encoding="utf-8"))


def read_csv(app: SphinxTestApp, name: str) -> list[list[str]]:
    text = (Path(app.outdir) / name).read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text, newline="")))


def person(data: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(p for p in data["people"] if p["id"] == ident)


# -- teamext.json version 2 -----------------------------------------------------------


@pytest.fixture(scope="module")
def team(tmp_path_factory) -> SphinxTestApp:
    return build(copy_root("growth-myst", tmp_path_factory.mktemp("team")))


def test_the_export_is_version_2_with_next_and_assessments_by_name(team):
    data = export(team)
    assert data["version"] == 2
    assert data["scale"] == {
        "levels": ["none", "learning", "proficient", "fluent", "expert"],
        "none": "none",
        "depth": "fluent",
    }
    roles = {r["id"]: r for r in data["roles"]}
    assert roles["mle-2"]["next"] == ["senior", "lead"]
    assert roles["mle-2"]["skills"] == {"python": "fluent", "sql": "proficient"}
    assert "next" not in roles["staff"] and "next" not in roles["deep"]
    assert roles["lead"]["guidance"] == ["skills"]
    ana = person(data, "ana")
    assert ana["skills"] == {"python": "proficient", "sql": "learning"}  # never changed
    assert ana["assessments"] == [
        {
            "by": "self",
            "date": "2026-03-01",
            "skills": {"python": "fluent", "sql": "proficient"},
            "evidence": {"python": "Shipped the ranking service."},
            "body": "Overall I grew.",
        },
        {"by": "boss", "date": "2026-03-02", "skills": {"python": "proficient", "sql": "none"}},
        {
            "by": "self",
            "date": "2026-04-01",
            "skills": {"python": "fluent", "sql": "fluent"},
            "evidence": {"python": "Led the migration"},
        },
    ]
    assert "assessments" not in person(data, "boss")


def test_every_exported_key_is_in_the_json_schema(team):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    defs = schema["$defs"]
    assert 2 in schema["properties"]["version"]["enum"]
    data = export(team)
    assert set(data) <= set(schema["properties"])
    for section, kind in (("skills", "skill"), ("roles", "role"), ("people", "person")):
        for record in data[section]:
            assert set(record) <= set(defs[kind]["properties"]), (kind, record)
    for item in person(data, "ana")["assessments"]:
        assert set(item) <= set(defs["assessment"]["properties"])
        assert set(defs["assessment"]["required"]) <= set(item)


# -- the form's round trip ------------------------------------------------------------

#: What the person writes into the form's ``level`` and ``evidence`` columns.
FILLED = {
    "python": ("expert", 'Rewrote the "feature store" client, with tests'),
    "sql": ("3", "Tuned the nightly job:\nfrom 2 h to 20 min, café data included"),
    "design": ("learning", ""),
}


def fill(form: list[list[str]]) -> str:
    header, *rows = form
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        level, evidence = FILLED[row[0]]
        writer.writerow([*row[:4], level, evidence])
    return "\ufeff" + out.getvalue()  # as a spreadsheet saves it


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory) -> tuple[dict[str, Any], list[list[str]], SphinxTestApp]:
    """The export and the form before the import (both builds share one output
    folder, so they are read at once), and the build after it."""
    src = copy_root("growth-myst", tmp_path_factory.mktemp("trip"))
    (src / "growth.md").write_text(GROWTH_PAGE, encoding="utf-8")
    (src / "form.csv").unlink()
    before = build(src, freshenv=True)
    assert before.warning.getvalue() == ""
    first, form = export(before), read_csv(before, FORM)
    (src / "filled.csv").write_bytes(fill(form).encode("utf-8"))
    # imported on another page than the person card and the growth view
    (src / "index.md").write_text(
        (src / "index.md").read_text(encoding="utf-8").replace("growth\n", "growth\nforms\n"),
        encoding="utf-8",
    )
    (src / "forms.md").write_text("# Forms\n" + IMPORT_FORM, encoding="utf-8")
    after = build(src, freshenv=True)
    return first, form, after


def test_the_offered_form_lists_the_growth_rows(round_trip):
    _first, form, _after = round_trip
    assert form == [
        ["skill", "title", "expected", "target", "level", "evidence"],
        ["python", "Python", "fluent", "fluent", "", ""],
        ["sql", "SQL", "proficient", "fluent", "", ""],
        ["design", "System design", "", "fluent", "", ""],
    ]


def test_a_filled_form_imports_cleanly(round_trip):
    _first, _form, after = round_trip
    assert after.warning.getvalue() == ""


NEW = {
    "by": "self",
    "date": "2026-05-01",
    "skills": {"python": "expert", "sql": "fluent", "design": "learning"},
    "evidence": {
        "python": 'Rewrote the "feature store" client, with tests',
        "sql": "Tuned the nightly job: from 2 h to 20 min, café data included",
    },
}


def test_the_export_is_the_same_apart_from_the_new_assessment(round_trip):
    first, _form, after = round_trip
    second = export(after)
    assert person(second, "ana")["assessments"][-1] == NEW
    trimmed = copy.deepcopy(second)
    person(trimmed, "ana")["assessments"].pop()
    assert trimmed == first


def test_the_form_is_the_newest_self_assessment_in_the_growth_view(round_trip):
    _first, _form, after = round_trip
    rows = read_csv(after, "_teamext/growth-team-growth-ana.csv")
    assert rows[1:] == [
        ["sql", "learning", "proficient", "fluent", "2", "fluent", "none", "calibrate"],
        ["python", "proficient", "fluent", "fluent", "1", "expert", "proficient", "calibrate"],
        ["design", "", "", "fluent", "", "learning", "", ""],
    ]
    page = BeautifulSoup(
        (Path(after.outdir) / "growth.html").read_text(encoding="utf-8"), "html.parser"
    )
    headers = [th.get_text(" ", strip=True) for th in page.select("table.teamext-growth-table th")]
    assert "Self (2026-05-01)" in headers
    people = BeautifulSoup(
        (Path(after.outdir) / "people.html").read_text(encoding="utf-8"), "html.parser"
    )
    ana = people.select_one("#team-person-ana").get_text(" ", strip=True)
    assert "Self assessment (2026-05-01)" in ana and "2026-04-01" not in ana
    assert "Tuned the nightly job: from 2 h to 20 min, café data included" in ana


def test_the_export_reads_back_as_it_is(tmp_path, round_trip):
    """The whole file, assessments included, imported on one page of another
    project, exports the same records (pages and links aside)."""
    _first, _form, after = round_trip
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        (Path(after.srcdir) / "conf.py").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (src / "teamext.json").write_bytes((Path(after.outdir) / "teamext.json").read_bytes())
    (src / "index.md").write_text("# All\n\n```{team-import} teamext.json\n```\n", encoding="utf-8")
    again = build(src)
    assert again.warning.getvalue() == ""

    def records(data: dict[str, Any]) -> dict[str, Any]:
        out = copy.deepcopy(data)
        for section in ("skills", "stages", "roles", "people"):
            for record in out[section]:
                record.pop("page"), record.pop("url")
        return out

    assert records(export(again)) == records(export(after))


# -- version 1 files ------------------------------------------------------------------

LADDER_CONF = """extensions = ["myst_parser", "sphinx_teamext"]
myst_enable_extensions = ["colon_fence"]
teamext_coverage = "off"
teamext_levels = ["junior", "mid", "senior", "staff"]
teamext_none_level = None
teamext_depth_level = 3
"""


def data_file(version: int, levels: dict[str, Any]) -> str:
    return json.dumps(
        {
            "version": version,
            "skills": [{"id": "python", "title": "Python"}],
            "roles": [
                {"id": "mle", "title": "MLE", "skills": {"python": levels["mle"]}, "next": "lead"},
                {"id": "lead", "title": "Lead", "skills": {"python": levels["lead"]}},
            ],
            "people": [
                {
                    "id": "ana",
                    "title": "Ana",
                    "role": "mle",
                    "skills": {"python": levels["ana"]},
                    "assessments": [
                        {"by": "self", "date": "2026-01-02", "skills": {"python": levels["self"]}}
                    ],
                }
            ],
        },
        indent=2,
    )


def project(src: Path, text: str) -> SphinxTestApp:
    src.mkdir(parents=True)
    (src / "conf.py").write_text(LADDER_CONF, encoding="utf-8")
    (src / "team.json").write_text(text, encoding="utf-8")
    (src / "index.md").write_text(
        "# Team\n\n```{team-import} team.json\n```\n\n:::{team-growth}\n:person: ana\n:::\n",
        encoding="utf-8",
    )
    return build(src)


#: The same team three ways; on a scale with no "none" level, pages number
#: from 1, version 1 files from 0.
SAME_TEAM = {
    "v1 numbers": (1, {"mle": 1, "lead": 2, "ana": 0, "self": 1}),
    "v2 numbers": (2, {"mle": 2, "lead": 3, "ana": 1, "self": 2}),
    "v2 names": (2, {"mle": "mid", "lead": "senior", "ana": "junior", "self": "mid"}),
}


@pytest.mark.parametrize("case", SAME_TEAM)
def test_version_1_numbers_count_from_0(tmp_path, case):
    version, levels = SAME_TEAM[case]
    app = project(tmp_path / "src", data_file(version, levels))
    assert app.warning.getvalue() == ""
    data = export(app)
    assert data["version"] == 2
    assert [r["skills"] for r in data["roles"]] == [{"python": "mid"}, {"python": "senior"}]
    assert data["roles"][0]["next"] == ["lead"]
    ana = person(data, "ana")
    assert ana["skills"] == {"python": "junior"}
    assert ana["assessments"] == [{"by": "self", "date": "2026-01-02", "skills": {"python": "mid"}}]
    rows = read_csv(app, "_teamext/index-team-growth-ana.csv")
    assert rows[1:] == [["python", "junior", "mid", "senior", "2", "mid", "", ""]]


def test_an_unknown_version_is_refused_at_its_line(tmp_path):
    app = project(tmp_path / "src", data_file(3, {"mle": 1, "lead": 2, "ana": 1, "self": 1}))
    found = [(msg, sub) for _f, _line, msg, sub in parse_warnings(app.warning.getvalue())]
    assert (
        "team.json: version: unsupported version '3': this extension reads versions 1 and 2",
        "teamext.option",
    ) in found


# -- imported assessments with mistakes, located in the file --------------------------


def test_a_data_files_assessment_mistakes_point_into_the_file(tmp_path):
    text = """version: 2
skills:
  - id: python
people:
  - id: ana
    assessments:
      - by: self
        date: 2026-13-01
      - by: nobdy
        date: 2026-01-01
        skills:
          python: guru
      - date: 2026-01-01
"""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["sphinx_teamext"]\nteamext_coverage = "off"\n', encoding="utf-8"
    )
    (src / "team.yaml").write_text(text, encoding="utf-8")
    (src / "index.rst").write_text("Team\n====\n\n.. team-import:: team.yaml\n", encoding="utf-8")
    app = build(src)
    assert app.statuscode == 0
    found = {(f, line, sub) for f, line, _msg, sub in parse_warnings(app.warning.getvalue())}
    messages = app.warning.getvalue()
    assert ("team.yaml", 8, "teamext.option") in found, messages
    assert "'2026-13-01' is not a date that exists" in messages
    assert ("team.yaml", 12, "teamext.level") in found, messages
    assert ("team.yaml", 13, "teamext.option") in found, messages
    assert "missing required key 'by'" in messages
    assert ("team.yaml", 9, "teamext.unknown") in found, messages
    assert "names unknown person 'nobdy'" in messages


# -- "latest" across pages: the date, then document order -------------------------

PERSON_PAGE = """:::{skill} python
:title: Python
:::

:::{role-card} mle
:title: MLE
:skills: python=2
:::

::::{person-card} ana
:title: Ana
:role: mle

:::{assessment}
:by: self
:date: 2026-04-01
:skills: python=1
:::
::::

:::{team-growth}
:person: ana
:target: mle
:::
"""

FORM_PAGE = """:::{team-import} form.csv
:person: ana
:by: self
:date: 2026-04-01
:::
"""


@pytest.mark.parametrize(
    ("order", "latest"), [(("forms", "people"), "learning"), (("people", "forms"), "expert")]
)
def test_on_the_same_date_the_later_page_wins(tmp_path, order, latest):
    from helpers import build_pages

    (tmp_path / "form.csv").write_text(
        "skill,title,expected,target,level,evidence\npython,Python,,,expert,\n", encoding="utf-8"
    )
    texts = {"people": PERSON_PAGE, "forms": FORM_PAGE}
    app = build_pages(
        tmp_path,
        {name: texts[name] for name in order},
        confoverrides={"teamext_coverage": "off"},
    )
    assert app.warning.getvalue() == ""
    rows = read_csv(app, "_teamext/people-team-growth-ana.csv")
    assert rows[1][0] == "python" and rows[1][5] == latest
    page = BeautifulSoup(
        (Path(app.outdir) / "people.html").read_text(encoding="utf-8"), "html.parser"
    )
    shown = page.select_one("#team-person-ana").get_text(" ", strip=True)
    pips = {"expert": "■■■■ expert (4/4)", "learning": "■□□□ learning (1/4)"}[latest]
    assert f"Self assessment (2026-04-01) : Python — {pips}" in shown


# -- reading a filled-in form ---------------------------------------------------------


def test_a_form_may_reorder_or_drop_the_columns_it_does_not_need():
    from sphinx_teamext.data.form import read_form

    text = "\ufeffLevel,Evidence,Skill\r\n\r\nfluent,,python\r\n,,sql\r\n,Wrote it,design\r\n"
    rows, problems = read_form(text)
    assert problems == []
    # an empty row and a row with neither level nor evidence are left out
    assert [(r.line, r.skill, r.level, r.evidence) for r in rows] == [
        (3, "python", "fluent", ""),
        (5, "design", "", "Wrote it"),
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", 1, "empty form: expected the header skill,title,expected,target,level,evidence"),
        (
            "\n\nskill,title,evidence\nsql,SQL,x\n",
            3,
            "the header lacks 'level': expected skill,title,expected,target,level,evidence",
        ),
        ('skill,level\nsql,1\n"sql,2\n', 3, "malformed CSV: "),
        ("skill,level\n,fluent\n", 2, "a row with a level or evidence names no skill"),
    ],
)
def test_a_broken_form_is_a_problem_at_its_line(text, line, message):
    from sphinx_teamext.data.form import read_form

    rows, problems = read_form(text)
    assert rows == []
    assert [(p.line, p.message[: len(message)]) for p in problems] == [(line, message)]
