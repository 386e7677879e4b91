"""``team-import``: records from YAML and JSON, validated like directives.

Every mistake in a data file is reported with the file, the key path (indexes
from 0), the line when the parser knows it (YAML) or else the directive, and
a ``teamext.*`` subtype; the bad field or record falls back and the rest of
the file imports.
"""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import has_warning, parse_warnings
from helpers import build, build_pages, copy_root
from sphinx.testing.util import SphinxTestApp

from sphinx_teamext.data.importer import Reader
from sphinx_teamext.data.loader import LoadError, load
from sphinx_teamext.domain import TeamDomain
from sphinx_teamext.fields import record_fields
from sphinx_teamext.model import Person, Role, Skill, Stage

LEVEL_HELP = "use 0-4 or a name (0=none, 1=learning, 2=proficient, 3=fluent, 4=expert)"

EXPECTED = [
    # unknown key
    (
        "team.yaml",
        27,
        "team.yaml: roles[1].colour: unknown key 'colour'; known keys: id, title, summary",
        "teamext.option",
    ),
    # wrong type
    ("team.yaml", 29, "team.yaml: roles[2].title: expected text, got list", "teamext.option"),
    # bad level: the directive's message, with the file and key path
    (
        "team.yaml",
        39,
        f"team.yaml: roles[4].skills.sql: unknown level 'guru': {LEVEL_HELP}",
        "teamext.level",
    ),
    # malformed files: at the file's line
    ("broken.yaml", 4, "broken.yaml: malformed YAML: did not find expected", "teamext.option"),
    # (a missing comma: every Python words it alike; a trailing comma it does not)
    ("broken.json", 3, "broken.json: malformed JSON: Expecting ',' delimiter", "teamext.option"),
    # unreadable file and unknown type: at the directive
    (
        "imported.md",
        12,
        "team-import: cannot read missing.yaml: No such file or directory",
        "teamext.option",
    ),
    (
        "imported.md",
        19,
        "team-import: notes.txt: unknown file type: use .yaml, .yml or .json",
        "teamext.option",
    ),
    # JSON: no lines, so at the directive
    (
        "imported.md",
        15,
        "/data/team.json: roles[0].stages: expected a list or text, got mapping",
        "teamext.option",
    ),
    # unknown ids: the project-wide checks, at the directive that placed the record,
    # named by the data file and key path
    (
        "imported.md",
        3,
        "team.yaml: roles[3]: role 'unknowns': :skills: names unknown skill 'ghost-skill'",
        "teamext.unknown",
    ),
    (
        "imported.md",
        3,
        "team.yaml: roles[3]: role 'unknowns': :stages: names unknown interview stage "
        "'ghost-stage'",
        "teamext.unknown",
    ),
    (
        "imported.md",
        3,
        "team.yaml: roles[3]: role 'unknowns': :reports-to: names unknown role or person "
        "'ghost-boss'",
        "teamext.unknown",
    ),
    (
        "imported.md",
        3,
        "team.yaml: people[0]: person 'person-x': :role: names unknown role 'ghost-role'",
        "teamext.unknown",
    ),
    # a duplicate id across the file and a directive
    (
        "other.md",
        3,
        "duplicate role or person id 'lead': defined here and at imported.md:3",
        "teamext.duplicate",
    ),
]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return build(copy_root("data-import", tmp_path_factory.mktemp("import")))


@pytest.mark.parametrize(("file", "line", "message", "subtype"), EXPECTED)
def test_each_mistake_is_reported_with_location_and_subtype(app, file, line, message, subtype):
    found = parse_warnings(app.warning.getvalue())
    assert has_warning(found, file, line, message, subtype), found


def test_nothing_else_is_reported(app):
    assert len(parse_warnings(app.warning.getvalue())) == len(EXPECTED)
    assert app.statuscode == 0  # an extension error would have propagated or failed it


def test_the_rest_of_the_file_imports(app):
    domain = app.env.get_domain("team")
    assert isinstance(domain, TeamDomain)
    imported = [r.id for r in domain.records() if r.docname == "imported"]
    # file order, at the directive's page; the malformed files add nothing
    assert imported == [
        "sql",
        "python",
        "pairing",
        "senior-1",
        "typo",
        "wrong-type",
        "unknowns",
        "bad-level",
        "lead",
        "person-x",
        "go",
        "gopher",
    ]
    sql = domain.lookup("skill", "sql")
    assert isinstance(sql, Skill)
    assert sql.group == "Core" and sql.body == "Queries that *others* can read."
    assert sql.level_text == ((1, "Reads queries."), (3, "Writes fast ones."))
    assert sql.level_source == ((1, "Reads queries."), (3, "Writes **fast** ones."))
    stage = domain.lookup("stage", "pairing")
    assert isinstance(stage, Stage)
    assert (stage.order, stage.format, stage.assesses) == (1, "One hour", ("python", "sql"))
    assert stage.red_flags == ("No tests", "Star imports")
    assert stage.red_flags_source == ("No *tests*", "Star imports")
    role = domain.lookup("role", "senior-1")
    assert isinstance(role, Role)
    assert role.skills == (("sql", 3), ("python", 3)) and role.stages == ("pairing",)
    assert role.expectation_for("sql") == "Designs schemas others extend."
    assert role.origin == "team.yaml: roles[0]"
    # a bad field falls back: the level is dropped, the record stays
    bad = domain.lookup("role", "bad-level")
    assert isinstance(bad, Role) and bad.skills == ()
    wrong = domain.lookup("role", "wrong-type")
    assert isinstance(wrong, Role) and wrong.title == "wrong-type" and wrong.skills == (("sql", 2),)
    person = domain.lookup("person", "person-x")
    assert isinstance(person, Person) and person.skills == (("python", 4),)


def test_cards_render_at_the_directive(app):
    page = BeautifulSoup((app.outdir / "imported.html").read_text(encoding="utf-8"), "html.parser")
    role = page.find(id="team-role-senior-1")
    assert "teamext-card" in role["class"]
    assert "Designs schemas others extend." in role.get_text()
    skill = page.find(id="team-skill-sql")
    assert skill.select_one("em").get_text() == "others"  # the body is parsed as MyST
    assert [li.get_text(" ", strip=True) for li in page.select("div.teamext-red-flags li")] == [
        "No tests",
        "Star imports",
    ]


def test_cards_none_places_anchors_that_links_and_indices_resolve(app):
    page = BeautifulSoup((app.outdir / "imported.html").read_text(encoding="utf-8"), "html.parser")
    anchor = page.find(id="team-role-gopher")
    assert anchor is not None and "teamext-card" not in (anchor.get("class") or [])
    assert page.find(string=re.compile("Gopher")) is None or not page.select(
        "div.teamext-role#team-role-gopher"
    )
    other = (app.outdir / "other.html").read_text(encoding="utf-8")
    assert 'href="imported.html#team-role-gopher"' in other
    assert 'href="imported.html#team-skill-go"' in other
    index = (app.outdir / "team-roleindex.html").read_text(encoding="utf-8")
    assert "imported.html#team-role-gopher" in index


def test_a_duplicate_on_the_importing_page_keeps_one_anchor(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "team.yaml").write_text(
        "skills:\n  - {id: sql, title: SQL}\n  - {id: sql, title: SQL again}\n", encoding="utf-8"
    )
    app = build_pages(
        tmp_path / "src",
        {"page": "```{team-import} team.yaml\n```\n\n:::{skill} sql\n:title: x\n:::"},
    )
    found = parse_warnings(app.warning.getvalue())
    duplicates = [(f, sub) for f, _ln, _m, sub in found if sub == "teamext.duplicate"]
    assert duplicates == [("page.md", "teamext.duplicate")] * 2
    html = (app.outdir / "page.html").read_text(encoding="utf-8")
    assert html.count('id="team-skill-sql"') == 1


def test_json_and_yaml_give_the_same_records(tmp_path):
    yaml_text = (Path(__file__).parent / "roots" / "test-data-import" / "team.yaml").read_text()
    import json

    import yaml

    data = yaml.safe_load(yaml_text)
    data["roles"] = [r for r in data["roles"] if r["id"] == "senior-1"]
    data.pop("people")
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.json").write_text(json.dumps(data), encoding="utf-8")
    (src / "b.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    app = build_pages(
        src,
        {"a": "```{team-import} a.json\n```", "b": "```{team-import} /b.yaml\n:cards: none\n```"},
    )
    domain = app.env.get_domain("team")
    by_page: dict[str, list] = {"a": [], "b": []}
    for record in domain.records():
        by_page[record.docname].append(record)
    strip = lambda r: {  # noqa: E731
        k: v for k, v in vars(r).items() if k not in ("docname", "lineno", "seq", "origin")
    }
    assert [strip(r) for r in by_page["a"]] == [strip(r) for r in by_page["b"]]


def test_imported_fields_equal_the_directive_fields(tmp_path):
    """One validator: the same options give the same fields either way."""
    page = """:::{role-card} r
:title: R
:skills: sql=3, python=fluent
:stages: pairing
:guidance: skills
:::
"""
    src = tmp_path / "src"
    src.mkdir()
    (src / "r.yaml").write_text(
        "roles:\n  - id: r2\n    title: R\n    skills: {sql: 3, python: fluent}\n"
        "    stages: [pairing]\n    guidance: skills\n",
        encoding="utf-8",
    )
    app = build_pages(src, {"p": page + "\n```{team-import} r.yaml\n```"})
    domain = app.env.get_domain("team")
    a, b = domain.lookup("role", "r"), domain.lookup("role", "r2")
    for name in ("skills", "stages", "guidance", "reports_to", "role_kind", "expectations"):
        assert getattr(a, name) == getattr(b, name), name


def test_editing_the_data_file_rebuilds_its_page(tmp_path):
    src = copy_root("data-import", tmp_path)
    out = tmp_path / "out"

    def run(fresh: bool) -> SphinxTestApp:
        app = SphinxTestApp(
            "html", srcdir=src, builddir=out, freshenv=fresh, status=StringIO(), warning=StringIO()
        )
        try:
            app.build()
        finally:
            app.cleanup()
        return app

    run(True)
    team = src / "team.yaml"
    team.write_text(team.read_text().replace("Senior engineer 1", "Staff engineer"), "utf-8")
    run(False)
    incremental = {p.name: p.read_text() for p in (out / "html").glob("*.html")}
    shutil.rmtree(out)
    run(True)
    clean = {p.name: p.read_text() for p in (out / "html").glob("*.html")}
    assert "Staff engineer" in incremental["imported.html"]
    assert "Staff engineer" in incremental["other.html"]  # a reference shows the title
    assert incremental == clean


def test_parallel_equals_serial(tmp_path):
    results = []
    for jobs in (1, 2):
        app = build(copy_root("data-import", tmp_path / f"j{jobs}"), freshenv=True, parallel=jobs)
        pages = {p.name: p.read_text() for p in sorted(app.outdir.glob("*.html"))}
        extra = (app.outdir / "teamext.json").read_text()
        warnings = sorted((f, ln, m, s) for f, ln, m, s in parse_warnings(app.warning.getvalue()))
        results.append((pages, extra, warnings))
    assert results[0] == results[1]


# -- the pure layers: loading and reading --------------------------------------------


def test_yaml_scalars_stay_text():
    root = load("stages:\n  - {id: r, title: 2024, coverage: off, order: 01}\n", "YAML")
    entries = Reader().read(root)
    assert entries[0].options == {"title": "2024", "coverage": "off", "order": "01"}


def test_yaml_recursive_alias_is_refused():
    with pytest.raises(LoadError):
        load("a: &x [*x]\n", "YAML")


def test_lists_may_be_comma_strings_or_lists():
    for value in ("[a, b]", "a, b"):
        root = load(f"stages:\n  - id: s\n    title: S\n    assesses: {value}\n", "YAML")
        entry = Reader().read(root)[0]
        fields, problems = record_fields("stage", entry.options, ["n", "a", "b"])
        assert fields["assesses"] == ("a", "b") and problems == []


def test_reader_reports_key_given_twice_and_missing_id():
    reader = Reader()
    reader.read(load("skills:\n  - {id: a, title: A, title: B}\n  - {title: C}\n", "YAML"))
    assert [(i.path, i.message.split(";")[0], i.line) for i in reader.issues] == [
        ("skills[0].title", "key given twice", 2),
        ("skills[1]", "missing required key 'id'", 3),
    ]


REFERENCE = Path(__file__).parent.parent / "docs" / "reference" / "index.md"


def test_the_reference_example_imports_cleanly(tmp_path):
    text = REFERENCE.read_text(encoding="utf-8")
    data = re.search(r"^```yaml\n(# team\.yaml.*?)^```$", text, re.S | re.M)
    page = re.search(r"^(`{3,})md\n(.*?team-import.*?)^\1$", text, re.S | re.M)
    assert data and page
    src = tmp_path / "src"
    src.mkdir()
    (src / "team.yaml").write_text(data[1], encoding="utf-8")
    app = build_pages(src, {"team": page[2].replace("# Team\n", "")})
    assert app.warning.getvalue() == ""
    assert "team-role-senior-1" in (app.outdir / "team.html").read_text(encoding="utf-8")


def test_the_import_example_builds_cleanly(tmp_path):
    example = Path(__file__).parent.parent / "examples" / "import"
    src = tmp_path / "import"
    shutil.copytree(example, src, ignore=shutil.ignore_patterns("_build"))
    app = build(src)
    assert app.warning.getvalue() == ""
    team = (app.outdir / "team.html").read_text(encoding="utf-8")
    assert "team-role-senior-1" in team and "Download CSV" in team
    assert (app.outdir / "teamext.json").is_file()


@pytest.mark.parametrize("builder", ["latex", "text"])
def test_imported_cards_in_other_builders(tmp_path, builder):
    app = build(copy_root("data-import", tmp_path), builder)
    out = "".join(p.read_text(encoding="utf-8") for p in app.outdir.glob("*.t*"))
    assert "Senior engineer 1" in out and "Designs schemas others extend." in out
    assert app.statuscode == 0  # an extension error would have propagated or failed it
    assert not (app.outdir / "teamext.json").exists()


def test_the_schema_knows_every_key():
    import json

    from sphinx_teamext.data.importer import SECTIONS, TOP_EXTRA, record_keys

    schema_file = Path(__file__).parent.parent / "sphinx_teamext" / "data" / "teamext.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert set(schema["properties"]) == {*SECTIONS, *TOP_EXTRA}
    for kind in SECTIONS.values():
        assert set(schema["$defs"][kind]["properties"]) == set(record_keys(kind)), kind
