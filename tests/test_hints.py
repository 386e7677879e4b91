"""The smaller adopter findings (issue 20): did-you-mean for level names,
``:guidance:`` fields and option keywords; a warning for an empty skill map;
the guidance marker in CSV cells."""

from __future__ import annotations

import csv

from conftest import has_warning, parse_warnings
from helpers import build_pages

from sphinx_teamext.parsing import parse_choice, parse_guidance, parse_level


def test_did_you_mean_in_the_parsers():
    _value, [problem] = parse_level("advnced", ["junior", "advanced"], first=1)
    assert problem.message.startswith("unknown level 'advnced' (did you mean 'advanced'?): use")
    _value, [problem] = parse_guidance("skils", ("skills", "stages"))
    assert problem.message.startswith(":guidance: names unknown field 'skils' (did you mean")
    _value, [problem] = parse_choice("expectations", ("level", "expectation", "both"), ":cells:")
    assert problem.message.endswith("got 'expectations' (did you mean 'expectation'?)")


PAGE = """
:::{skill} sql
:title: SQL
:::

:::{role-card} analyst
:title: Analyst
:skills: sql=flent
:guidance: skils
:::

:::{role-card} lead
:title: Lead
:skills: sql=fluent
:guidance: skills
:::

:::{skill-map}
:rows: peeple
:::

:::{skill-map}
:cells: expectations
:::

:::{skill-map}
:rows: people
:::

:::{skill-map}
:rows: bare
:::

:::{skill-map}
:rows: analyst
:::

:::{role-card} bare
:title: Bare
:::
"""


def test_hints_and_empty_maps_are_located(tmp_path):
    app = build_pages(tmp_path, {"hints": PAGE}, confoverrides={"teamext_coverage": "off"})
    found = parse_warnings(app.warning.getvalue())
    expected = [
        (10, "role-card: unknown level 'flent' (did you mean 'fluent'?)", "teamext.level"),
        (
            11,
            "role-card: :guidance: names unknown field 'skils' (did you mean 'skills'?)",
            "teamext.option",
        ),
        (
            21,
            "skill-map: :rows: names unknown role or person 'peeple' (did you mean the keyword 'people'?)",
            "teamext.unknown",
        ),
        (
            25,
            "skill-map: :cells: must be one of level, expectation, both, got 'expectations' (did you mean 'expectation'?)",
            "teamext.option",
        ),
        (28, "skill-map: the map is empty: the project has no people (:rows:)", "teamext.option"),
        (
            32,
            "skill-map: the map is empty: none of its rows lists a skill in :skills:",
            "teamext.option",
        ),
    ]
    for line, message, subtype in expected:
        assert has_warning(found, "hints.md", line, message, subtype), (line, message, found)
    # one warning each: the map of an unknown id is not also reported empty, nor
    # the map whose only level was reported as unknown (line 36)
    assert len(found) == len(expected), found


def test_the_csv_carries_the_guidance_marker(tmp_path):
    app = build_pages(tmp_path, {"hints": PAGE}, confoverrides={"teamext_coverage": "off"})
    path = app.outdir / "_teamext" / "hints-teamext-map-2.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["Role", "SQL"], ["Analyst", ""], ["Lead", "fluent †"], ["Bare", ""]]
