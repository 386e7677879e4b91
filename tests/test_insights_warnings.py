"""Bad options of the insight directives: located ``teamext.*`` warnings, never errors."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from helpers import build, copy_root

ID_HINT = "use lower-case letters, digits and hyphens, starting with a letter or digit"
#: Each at the line of the option it is about; a missing or malformed argument
#: at the directive's line.
EXPECTED = [
    (
        "index.md",
        15,
        "team-chart: unknown option :colour:; known options: :root:, :direction:, "
        ":show:, :caption:",
        "teamext.option",
    ),
    ("index.md", 13, "team-chart: :direction: must be one of TB, LR, got 'up'", "teamext.option"),
    (
        "index.md",
        14,
        "team-chart: :show: must be one of roles, people, both, got 'everyone'",
        "teamext.option",
    ),
    ("index.md", 19, f"team-chart: malformed :root: id 'Not_An_Id': {ID_HINT}", "teamext.option"),
    ("index.md", 27, "team-shape: empty item in :people: list 'person-a,, mle'", "teamext.option"),
    ("index.md", 31, "team-shape: option :people: is empty", "teamext.option"),
    ("index.md", 34, "scorecard: missing stage id", "teamext.option"),
    ("index.md", 37, f"scorecard: malformed stage id 'Bad Id': {ID_HINT}", "teamext.option"),
    ("index.md", 41, "scorecard: unknown option :caption:; known options: none", "teamext.option"),
    ("index.md", 23, "team-chart: :root: names unknown role or person 'nobody'", "teamext.unknown"),
    (
        "index.md",
        27,
        "team-shape: :people: names unknown person 'mle'; 'mle' is a role, not a person",
        "teamext.unknown",
    ),
    ("index.md", 40, "scorecard: unknown interview stage 'nope'", "teamext.unknown"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(copy_root("insight-warnings", tmp_path_factory.mktemp("warnings")))


def test_every_bad_value_is_a_located_teamext_warning(built, warnings_of):
    assert warnings_of(built) == EXPECTED
    # nothing else: no docutils errors, no tracebacks
    assert len(built.warning.getvalue().strip().splitlines()) == len(EXPECTED)


def test_bad_values_fall_back_to_defaults(built):
    page = BeautifulSoup((built.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    charts = page.select(".teamext-team-chart")
    codes = [c.select_one("pre.mermaid") for c in charts]
    assert codes[0].get_text().strip().startswith("flowchart TB")  # :direction: up -> TB
    assert "Person A" in codes[0].get_text()  # :show: everyone -> both
    assert "Person A" in codes[1].get_text()  # malformed root -> whole chart
    assert codes[2] is None  # unknown root -> nobody to show
    assert charts[2].get_text(strip=True) == "This chart has nobody to show."
    views = built.env.get_domain("team").views_by_doc()["index"]
    shapes = [v.people for v in views if v.what == "shape"]
    assert shapes == [("person-a", "mle"), "all"]  # good ids kept; an empty list means all
    cards = page.select(".teamext-scorecard")
    assert [c.get_text(strip=True) for c in cards] == [
        "No scorecard: 'nope' names no interview stage."
    ]


def test_suppress_warnings_silences_them(tmp_path):
    app = build(
        copy_root("insight-warnings", tmp_path),
        confoverrides={"suppress_warnings": ["teamext.option", "teamext.unknown"]},
    )
    assert app.warning.getvalue() == ""
