"""Bad growth input is a typed warning at its own line, and the build goes on.

``growth-warnings`` holds one mistake of each kind: a ``:next:`` loop (and
one of a single role), a
``:next:`` to a profile, an unknown ``:next:`` id, an impossible date, an
unknown assessor, an out-of-scale level, an unknown person and a growth view
with no target or a profile or unknown role as target or start, a form for an unknown person, and a filled-in form with bad cells (one of them after a row
that spans two lines, so its row's first line is not its index).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import parse_warnings
from helpers import build, copy_root

#: (file, line, the whole message, subtype)
EXPECTED = [
    (
        "ladder.md",
        16,
        "role 'loop-b': :next: cycle: loop-a -> loop-b -> loop-a; ladders break it at the "
        "step 'loop-b' -> 'loop-a'",
        "teamext.cycle",
    ),
    (
        "ladder.md",
        79,
        "role 'stuck': :next: cycle: stuck -> stuck; ladders leave out the step 'stuck' -> 'stuck'",
        "teamext.cycle",
    ),
    (
        "ladder.md",
        23,
        "role 'mle': :next: names unknown role 'senoir'; did you mean 'senior'?",
        "teamext.unknown",
    ),
    (
        "ladder.md",
        28,
        "role 'mle-2': :next: names 'deep', a profile rather than a post; a profile is a "
        "variant of a post, never a step of a ladder (ignored)",
        "teamext.option",
    ),
    # a person or a skill gets the wrong-kind hint
    (
        "ladder.md",
        68,
        "team-ladder: :start: names unknown role 'seniro'; did you mean 'senior'?",
        "teamext.unknown",
    ),
    (
        "ladder.md",
        72,
        "team-ladder: :show: must be one of changes, all, got 'every'",
        "teamext.option",
    ),
    (
        "ladder.md",
        73,
        "team-ladder: :start: names 'deep', a profile rather than a post; a profile is never "
        "a rung",
        "teamext.option",
    ),
    (
        "ladder.md",
        58,
        "role 'mle-3': :next: names unknown role 'ana'; 'ana' is a person, not a role",
        "teamext.unknown",
    ),
    (
        "ladder.md",
        64,
        "role 'mle-4': :next: names unknown role 'python'; 'python' is a skill, not a role",
        "teamext.unknown",
    ),
    (
        "people.md",
        10,
        "assessment: :date: '2026-02-30' is not a date that exists",
        "teamext.option",
    ),
    (
        "people.md",
        15,
        "assessment of 'ana' on 2026-03-01: :by: names unknown person 'nobdy' (use self, "
        "manager or a person id); did you mean 'nobody'?",
        "teamext.unknown",
    ),
    (
        "people.md",
        23,
        "assessment: level 9 is outside the scale 0-4 (0=none, 1=learning, 2=proficient, "
        "3=fluent, 4=expert) (skill 'python')",
        "teamext.level",
    ),
    (
        "people.md",
        33,
        "team-growth: :person: names unknown person 'anna'; did you mean 'ana'?",
        "teamext.unknown",
    ),
    (
        "people.md",
        36,
        "team-growth: no target for person 'ana': the person has its role 'senior' with no "
        ":next: level; give :target: (a role id)",
        "teamext.option",
    ),
    (
        "people.md",
        54,
        "team-growth: :target: names 'deep', a profile rather than a post",
        "teamext.option",
    ),
    (
        "people.md",
        59,
        "team-growth: :target: names unknown role 'senoir'; did you mean 'senior'?",
        "teamext.unknown",
    ),
    # a form for someone unknown, at the :person: line of its team-import
    (
        "people.md",
        49,
        "clean.csv: assessment of 'anaa' on 2026-04-02: :person: names unknown person 'anaa'; "
        "did you mean 'ana'?",
        "teamext.unknown",
    ),
    # the form: line 2-3 is one row (a quoted cell spans lines), so row 3 starts at 4
    (
        "filled.csv",
        4,
        "filled.csv: assessment of 'ana' on 2026-04-01: :skills: names unknown skill 'rust'",
        "teamext.unknown",
    ),
    (
        "filled.csv",
        5,
        "filled.csv: skill 'python' has a second row; the first is used",
        "teamext.option",
    ),
    (
        "filled.csv",
        6,
        "filled.csv: row of skill 'sql': unknown level 'guru': use 0-4 or a name (0=none, "
        "1=learning, 2=proficient, 3=fluent, 4=expert)",
        "teamext.level",
    ),
]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return build(copy_root("growth-warnings", tmp_path_factory.mktemp("warn")))


@pytest.mark.parametrize(("file", "line", "message", "subtype"), EXPECTED)
def test_each_mistake_is_one_typed_warning_at_its_line(app, file, line, message, subtype):
    found = parse_warnings(app.warning.getvalue())
    assert [w for w in found if w[2] == message] == [(file, line, message, subtype)], found


def test_nothing_else_is_reported(app):
    found = parse_warnings(app.warning.getvalue())
    assert sorted(found) == sorted(EXPECTED)
    assert len(app.warning.getvalue().strip().splitlines()) == len(EXPECTED)


def test_the_build_completes_and_shows_what_it_can(app):
    assert app.statuscode == 0
    out = Path(app.outdir)
    assert (out / "ladder.html").exists() and (out / "people.html").exists()
    # the loop is left out of the ladder: one step, from loop-a to loop-b
    rows = list(
        csv.reader(io.StringIO((out / "_teamext/ladder-team-ladder-loop-a.csv").read_text()))
    )
    assert rows[1:] == [["loop-a", "loop-b", "python", "learning", "proficient", "raised"]]
    # the profile is no step of mle-2's ladder, the unknown id none of mle's
    page = BeautifulSoup((out / "ladder.html").read_text(encoding="utf-8"), "html.parser")
    assert "Deep" not in page.select("div.teamext-ladder")[0].get_text()
    assert "This ladder has no rungs" in page.select("div.teamext-ladder")[0].get_text()
    # a growth view with no target still shows the person against their role
    growth = list(
        csv.reader(io.StringIO((out / "_teamext/people-team-growth-ana.csv").read_text()))
    )
    assert growth[1:] == [["python", "proficient", "fluent", "", "", "fluent", "", ""]]
    people = BeautifulSoup((out / "people.html").read_text(encoding="utf-8"), "html.parser")
    views = people.select("div.teamext-growth")
    assert "No target role: give :target: to compare." in views[1].get_text(" ", strip=True)
    assert "the person is not recorded" in views[0].get_text(" ", strip=True)


def test_the_impossible_date_and_bad_cells_are_left_out(app):
    """The assessment with no real date is dropped; the form keeps its good rows."""
    import json

    data = json.loads((Path(app.outdir) / "teamext.json").read_text(encoding="utf-8"))
    ana = next(p for p in data["people"] if p["id"] == "ana")
    assert [(a["by"], a["date"], a.get("skills")) for a in ana["assessments"]] == [
        ("nobdy", "2026-03-01", {"python": "proficient"}),
        ("manager", "2026-03-02", None),
        ("self", "2026-04-01", {"python": "fluent", "rust": "proficient"}),
    ]
    assert ana["assessments"][2]["evidence"] == {"python": "Two lines"}
