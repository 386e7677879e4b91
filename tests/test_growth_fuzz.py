"""Fuzzing the growth options and the form: no input raises.

``:next:``, ``:date:``, ``:by:``, an assessment's ``:skills:``, ``team-ladder``
and ``team-growth`` options, and the text of a filled-in form (read by
:func:`read_form` and imported by ``team-import``). Most properties parse
into one Sphinx app built once (as ``test_fuzz.py`` does) and compute every
view's data and CSV files; one property builds a whole small project per
example, so rendering and writing are fuzzed too (few examples: each is a build).
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from docutils import nodes
from helpers import build_pages
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp
from test_fuzz import PROFILE, fuzz_reader

from sphinx_teamext.config import DEFAULT_LEVELS
from sphinx_teamext.data.form import FORM_HEADER, read_form
from sphinx_teamext.domain import TeamDomain
from sphinx_teamext.fields import assessment_fields, parse_by
from sphinx_teamext.parsing import SLUG, Problem, parse_date
from sphinx_teamext.queries import assessments_of
from sphinx_teamext.views import digest, view_data
from sphinx_teamext.warnings import SUBTYPES

BUILDS = settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))

IDS = st.sampled_from(
    [
        *("mle-1", "mle-2", "senior", "lead", "staff", "deep", "ana", "boss", "python", "sql"),
        *("x", "self", "manager", "Bad_Id", "rôle", ""),
    ]
)
LINE = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"), max_size=30
)
LEVELS = st.sampled_from(["0", "1", "4", "5", "-1", "fluent", "none", "guru", "", "3.0", "２"])
DATES = st.one_of(
    st.dates().map(datetime.date.isoformat),
    st.sampled_from(["2026-02-30", "2026-13-01", "2026-1-1", "26-01-01", "", "0000-01-01"]),
    st.from_regex(r"\d{4}-\d{2}-\d{2}", fullmatch=True),
    LINE,
)
ID_LIST = st.lists(st.one_of(IDS, LINE), max_size=4).map(", ".join)
SKILL_LEVELS = st.one_of(
    st.lists(st.tuples(IDS, LEVELS), max_size=4).map(
        lambda pairs: ", ".join(f"{a}={b}" for a, b in pairs)
    ),
    LINE,
)


def check_problems(problems: list[Problem]) -> None:
    for problem in problems:
        assert problem.subtype in SUBTYPES
        assert problem.message and "\n" not in problem.message


# -- the option parsers --------------------------------------------------------------


@PROFILE
@given(DATES)
def test_parse_date(text: str) -> None:
    value, problems = parse_date(text)
    check_problems(problems)
    assert (value is None) == bool(problems)
    if value is not None:
        assert datetime.date.fromisoformat(value).isoformat() == value


@PROFILE
@given(st.one_of(st.none(), IDS, LINE))
def test_parse_by(text: str | None) -> None:
    value, problems = parse_by(text)
    check_problems(problems)
    assert (value is None) == bool(problems)
    if value is not None:
        assert value in ("self", "manager") or SLUG.match(value)


@PROFILE
@given(
    st.dictionaries(
        st.sampled_from(["by", "date", "skills", "evidence", "x"]),
        st.one_of(IDS, DATES, SKILL_LEVELS),
        max_size=4,
    ),
    st.sampled_from([0, 1]),
)
def test_assessment_fields(options: dict[str, str], first: int) -> None:
    fields, problems = assessment_fields(options, DEFAULT_LEVELS, first)
    check_problems(problems)
    if fields is not None:
        assert fields["by"] and fields["date"]
        assert all(0 <= level < len(DEFAULT_LEVELS) for _sid, level in fields["skills"])


# -- the form ------------------------------------------------------------------------

CELL = st.one_of(
    LINE,
    IDS,
    LEVELS,
    st.text(max_size=20),  # newlines, quotes, NULs: anything a spreadsheet may save
)
FORM_ROWS = st.lists(st.lists(CELL, max_size=7), max_size=6)


def form_text(header: list[str], rows: list[list[str]], bom: bool, ending: str) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator=ending).writerows([header, *rows])
    return ("\ufeff" if bom else "") + out.getvalue()


HEADERS = st.one_of(
    st.just(list(FORM_HEADER)),
    st.permutations(list(FORM_HEADER)).map(list),
    st.lists(st.sampled_from([*FORM_HEADER, "Skill", " level ", "x", ""]), max_size=7),
)


@PROFILE
@given(HEADERS, FORM_ROWS, st.booleans(), st.sampled_from(["\r\n", "\n", "\r"]))
def test_read_form_of_written_csv(header, rows, bom, ending) -> None:
    text = form_text(header, rows, bom, ending)
    found, problems = read_form(text)
    last = text.count("\n") + text.count("\r") + 1
    for problem in problems:
        assert 1 <= problem.line <= last and problem.message and "\n" not in problem.message
    assert [r.line for r in found] == sorted(r.line for r in found)
    assert len({r.skill for r in found}) == len(found)
    for row in found:
        assert row.skill and row.skill == row.skill.strip() and 1 < row.line <= last
        assert row.level or row.evidence


@PROFILE
@given(st.text(max_size=200))
def test_read_form_of_any_text(text: str) -> None:
    found, problems = read_form(text)
    for problem in problems:
        assert problem.line >= 1 and "\n" not in problem.message
    assert all(row.skill for row in found)


def test_read_form_reads_what_the_view_writes() -> None:
    """Not fuzzed: a form written by the extension, filled, reads back as filled."""
    rows = [["python", "Python", "fluent", "expert", "expert", 'He said "done",\nthen did it']]
    found, problems = read_form(form_text(list(FORM_HEADER), rows, True, "\r\n"))
    assert problems == []
    assert [(r.line, r.skill, r.level, r.evidence) for r in found] == [
        (2, "python", "expert", 'He said "done",\nthen did it')
    ]


# -- whole directives, parsed by MyST in one reused Sphinx app ---------------------


@st.composite
def growth_page(draw: st.DrawFn) -> str:
    """A role with ``:next:``, a person with assessments, a ladder and a growth view."""
    parts = []
    role_options = {"next": ID_LIST, "skills": SKILL_LEVELS, "guidance": st.just("next, skills")}
    chosen = draw(st.lists(st.sampled_from(sorted(role_options)), unique=True, max_size=3))
    options = "".join(f":{name}: {draw(role_options[name])}\n" for name in chosen)
    parts.append(f":::{{role-card}} {draw(IDS)}\n:title: Fuzzed\n{options}:::\n")
    blocks = []
    for _ in range(draw(st.integers(0, 3))):
        names = draw(
            st.lists(st.sampled_from(["by", "date", "skills", "colour"]), unique=True, max_size=4)
        )
        values = {"by": IDS, "date": DATES, "skills": SKILL_LEVELS, "colour": LINE}
        opts = "".join(f":{n}: {draw(values[n])}\n" for n in names)
        evidence = draw(
            st.one_of(
                st.just(""), st.builds(lambda s, t: f":::{{evidence}} {s}\n{t}\n:::\n", IDS, LINE)
            )
        )
        body = draw(LINE)
        blocks.append(f"::::{{assessment}}\n{opts}\n{body}\n\n{evidence}::::\n")
    person = draw(st.sampled_from(["ana", "fuzzed-person", "boss"]))
    parts.append(
        f":::::{{person-card}} {person}\n:title: Fuzzed person\n:role: {draw(IDS)}\n"
        f":reports-to: {draw(IDS)}\n\n" + "\n".join(blocks) + ":::::\n"
    )
    ladder = {"start": IDS, "show": st.sampled_from(["changes", "all", "every", ""])}
    names = draw(st.lists(st.sampled_from(sorted(ladder)), unique=True, max_size=2))
    parts.append(
        ":::{team-ladder}\n" + "".join(f":{n}: {draw(ladder[n])}\n" for n in names) + ":::\n"
    )
    growth = {"person": IDS, "target": IDS}
    names = draw(st.lists(st.sampled_from(sorted(growth)), unique=True, max_size=2))
    parts.append(
        ":::{team-growth}\n" + "".join(f":{n}: {draw(growth[n])}\n" for n in names) + ":::\n"
    )
    return "\n".join(draw(st.permutations(parts)))


def growth_data(domain: TeamDomain) -> None:
    """What a build computes from growth records: every view's data and CSV rows
    (rows as long as their header), the digests, each person's assessments."""
    scale = list(DEFAULT_LEVELS)
    for views in domain.views_by_doc().values():
        for view in views:
            data = view_data(domain, view)
            for _path, rows in view.csv_files(data, scale):
                assert all(len(row) == len(rows[0]) for row in rows)
        digest(domain, views)
    for person in domain.all_people():
        assessments_of(domain, person)


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SphinxTestApp, object]]:
    yield from fuzz_reader(tmp_path_factory, "growth-myst", growth_data)


def located(app: SphinxTestApp, files: str = r"fuzz\.md") -> None:
    for line in app._warning.getvalue().splitlines():
        if "[teamext." in line:
            assert re.search(rf"({files}):\d+: WARNING", line), f"no location: {line}"
        assert "Traceback" not in line and "Exception" not in line, line


@PROFILE
@given(growth_page())
def test_growth_directives_never_raise(reader, text: str) -> None:
    app, parse = reader
    app._warning.seek(0)
    app._warning.truncate()
    document = parse(text)
    assert isinstance(document, nodes.document) and len(document.children) > 0
    located(app)


@PROFILE
@given(HEADERS, FORM_ROWS, IDS, IDS, DATES)
def test_form_imports_never_raise(reader, header, rows, person, by, date) -> None:
    app, parse = reader
    (Path(app.srcdir) / "fuzz-form.csv").write_text(
        form_text(header, rows, False, "\r\n"), encoding="utf-8", newline=""
    )
    app._warning.seek(0)
    app._warning.truncate()
    document = parse(
        f":::{{team-import}} fuzz-form.csv\n:person: {person}\n:by: {by}\n:date: {date}\n:::\n"
    )
    assert isinstance(document, nodes.document)
    located(app, r"fuzz\.md|fuzz-form\.csv")


# -- whole builds: rendering and writing too ----------------------------------------


@BUILDS
@given(growth_page())
def test_whole_builds_of_fuzzed_growth_pages_never_raise(tmp_path_factory, text: str) -> None:
    dest = tmp_path_factory.mktemp("fuzz-build")
    skills = ":::{skill} python\n:title: Python\n:::\n\n:::{skill} sql\n:title: SQL\n:::\n"
    ladder = (
        ":::{role-card} senior\n:title: Senior\n:skills: python=3\n:::\n\n"
        ":::{role-card} mle-1\n:title: MLE\n:skills: python=1, sql=2\n:next: senior\n:::\n"
    )
    app = build_pages(dest, {"skills": skills + "\n" + ladder, "fuzz": text})
    assert app.statuscode == 0
    assert (Path(app.outdir) / "fuzz.html").exists()
    for line in app.warning.getvalue().splitlines():
        assert "Traceback" not in line and "Exception occurred" not in line, line
