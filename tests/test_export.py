"""``teamext.json``: every record in the import format, at the output's root.

Written by html, dirhtml and singlehtml builds (not the EPUB); the importer
reads it back as it is, and a project built from it renders the same cards
and skill maps, bodies included.
"""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

CONF = """extensions = ["myst_parser", "sphinx_teamext"]
myst_enable_extensions = ["colon_fence"]
project = "Round trip"
html_theme = "basic"
teamext_coverage = "off"
"""

#: One page of records (every kind, every field, bodies with markup).
TEAM = """# Team

::::{skill} sql
:title: SQL
:group: Core
:guidance: levels

Queries that *others* can read, with a [link](https://example.org).

:::{skill-level} 1
Reads queries.
:::

:::{skill-level} fluent
Writes **fast** ones.

- indexes
- plans
:::
::::

:::{skill} python
:title: Python
:coverage: off
:::

::::{interview-stage} pairing
:title: Pairing session
:format: One hour
:order: 1
:assesses: python, sql
:guidance: format

What happens in the session.

:::{red-flags}
- No *tests*
- Star imports
  across two lines
:::
::::

::::{role-card} senior-1
:title: Senior engineer 1
:summary: Writes the queries.
:skills: sql=3, python=fluent
:stages: pairing
:reports-to: lead
:guidance: skills

Owns the **data** layer.

:::{expectation} sql
Designs *schemas* others extend.
:::
::::

:::{role-card} lead
:title: Lead
:skills: sql=2
:stages: pairing
:::

:::{role-card} sql-specialist
:title: SQL specialist
:kind: profile
:profile-of: senior-1
:skills: sql=4
:::

::::{person-card} person-a
:title: Person A
:role: senior-1
:skills: sql=4, python=2
:reports-to: lead
:guidance: role

:::{expectation} sql
Migrated the billing schema.
:::
::::

:::{skill-map}
:cells: both
:caption: Roles
:::

:::{skill-map}
:rows: people
:::
"""

IMPORTED = """# Team

```{team-import} teamext.json
```

:::{skill-map}
:cells: both
:caption: Roles
:::

:::{skill-map}
:rows: people
:::
"""


def make(src: Path, team: str) -> Path:
    src.mkdir(parents=True)
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text("# Home\n\n```{toctree}\nteam\n```\n", encoding="utf-8")
    (src / "team.md").write_text(team, encoding="utf-8")
    return src


def build(src: Path, builder: str = "html", **kwargs) -> SphinxTestApp:
    app = SphinxTestApp(builder, srcdir=src, status=StringIO(), warning=StringIO(), **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


@pytest.fixture(scope="module")
def original(tmp_path_factory) -> SphinxTestApp:
    return build(make(tmp_path_factory.mktemp("a") / "src", TEAM))


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory, original) -> SphinxTestApp:
    src = make(tmp_path_factory.mktemp("b") / "src", IMPORTED)
    (src / "teamext.json").write_bytes((original.outdir / "teamext.json").read_bytes())
    return build(src)


def test_the_export_has_every_record_in_the_import_format(original):
    assert original.warning.getvalue() == ""
    data = json.loads((original.outdir / "teamext.json").read_text(encoding="utf-8"))
    assert list(data) == ["version", "project", "scale", "skills", "stages", "roles", "people"]
    assert data["version"] == 2 and data["project"] == "Round trip"
    # Levels are names, and the scale that gives them meaning travels with them.
    assert data["scale"] == {
        "levels": ["none", "learning", "proficient", "fluent", "expert"],
        "none": "none",
        "depth": "fluent",
    }
    sql = data["skills"][0]
    assert sql == {
        "id": "sql",
        "title": "SQL",
        "group": "Core",
        "guidance": ["levels"],
        "body": "Queries that *others* can read, with a [link](https://example.org).",
        "levels": {
            "learning": "Reads queries.",
            "fluent": "Writes **fast** ones.\n\n- indexes\n- plans",
        },
        "page": "team",
        "url": "team.html#team-skill-sql",
    }
    assert data["skills"][1]["coverage"] == "off"
    stage = data["stages"][0]
    assert stage["red-flags"] == ["No *tests*", "Star imports\nacross two lines"]
    assert stage["order"] == 1 and stage["assesses"] == ["python", "sql"]
    role = data["roles"][0]
    assert role["skills"] == {"sql": "fluent", "python": "fluent"}
    assert role["expectations"] == {"sql": "Designs *schemas* others extend."}
    assert role["reports-to"] == "lead" and role["stages"] == ["pairing"]
    profile = data["roles"][2]
    assert (profile["kind"], profile["profile-of"]) == ("profile", "senior-1")
    person = data["people"][0]
    assert person["role"] == "senior-1" and person["guidance"] == ["role"]


def test_the_importer_reads_the_export_as_it_is(round_trip):
    assert round_trip.warning.getvalue() == ""


def test_a_round_trip_keeps_every_field(original, round_trip):
    """Both projects hold the records on ``team``: the exports are identical."""
    first = (original.outdir / "teamext.json").read_text(encoding="utf-8")
    second = (round_trip.outdir / "teamext.json").read_text(encoding="utf-8")
    assert first == second


def parts(app: SphinxTestApp) -> list[str]:
    page = BeautifulSoup((app.outdir / "team.html").read_text(encoding="utf-8"), "html.parser")
    found = [str(c) for c in page.select("div.teamext-card")]
    found += [str(m) for m in page.select("div.teamext-skill-map")]
    return found


def test_a_round_trip_renders_the_same_cards_and_maps(original, round_trip):
    first, second = parts(original), parts(round_trip)
    assert len(first) == 9
    assert first == second


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml"])
def test_other_html_builders_export_with_their_urls(tmp_path, builder):
    app = build(make(tmp_path / "src", TEAM), builder)
    data = json.loads((app.outdir / "teamext.json").read_text(encoding="utf-8"))
    url = data["roles"][0]["url"]
    assert (
        url
        == {"dirhtml": "team/#team-role-senior-1", "singlehtml": "index.html#team-role-senior-1"}[
            builder
        ]
    )


@pytest.mark.parametrize("builder", ["epub", "latex", "text"])
def test_other_builders_write_no_export(tmp_path, builder):
    app = build(make(tmp_path / "src", TEAM), builder)
    assert not (app.outdir / "teamext.json").exists()
    assert not (app.outdir / "_teamext").exists()


def test_the_export_is_the_same_on_every_build(tmp_path, original):
    again = build(make(tmp_path / "src", TEAM), freshenv=True)
    assert (again.outdir / "teamext.json").read_bytes() == (
        original.outdir / "teamext.json"
    ).read_bytes()
