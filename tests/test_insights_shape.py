"""``team-shape``: per-skill table, radar chart and the next hire, in HTML and LaTeX."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from helpers import build, copy_root, resolved
from sphinxcontrib.mermaid import mermaid
from test_insights_chart import decode

from sphinx_teamext.model import Ref
from sphinx_teamext.render.radar import radar_margins
from sphinx_teamext.render.shape_data import ShapeData, ShapeRow

DEVOPS = 'DevOps <i>and</i> "cloud"'


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


def shapes(app, page: str = "index"):
    html = (app.outdir / f"{page}.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select(".teamext-team-shape")


def table_rows(shape) -> list[list[str]]:
    return [[text(cell) for cell in tr.select("th, td")] for tr in shape.select("tr")]


def parse_radar(code: str) -> dict[str, object]:
    axes = [decode(t) for t in re.findall(r's\d+\["([^"]*)"\]', code)]
    curves = {
        decode(name): [int(v) for v in values.split(",")]
        for name, values in re.findall(r'curve p\d+\["([^"]*)"\]\{([^}]*)\}', code)
    }
    top = re.search(r"^\s*max (\d+)$", code, re.MULTILINE)
    return {"axes": axes, "curves": curves, "max": int(top[1]) if top else None}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(copy_root("insight-shape", tmp_path_factory.mktemp("shape")))


def test_builds_without_warnings(built):
    assert built.warning.getvalue() == ""


def test_whole_team_table(built):
    shape = shapes(built)[0]
    table = shape.select_one("table")
    # the id is on the view's container: furo copies a table's id to its wrapper
    # ("team-shape" is the page's section, so the first view takes the next free id)
    assert shape["id"] == "team-shape-2" and not table.get("id")
    assert "teamext-team-shape-table" in table["class"]
    assert text(table.caption).startswith("The first hires")
    assert table_rows(shape) == [
        ["Skill", "Best on the team", "People at depth", "Roles ask for", "Depth gap"],
        ["API design", "■■■■ expert (4/4)", "1 of 3", "■■■□ fluent (3/4)", "–"],
        ["Code quality", "■■□□ proficient (2/4)", "0 of 3", "■■■□ fluent (3/4)", "nobody at depth"],
        ["NLP and ML", "■■■■ expert (4/4)", "1 of 3", "■■■■ expert (4/4)", "–"],
        [DEVOPS, "■■□□ proficient (2/4)", "0 of 3", "–", "nobody at depth"],
    ]
    gaps = [text(tr.select_one("td")) for tr in table.select("tr.teamext-gap")]
    assert gaps == ["Code quality", DEVOPS]
    # skills link to their cards; depth is bold, not only coloured
    assert table.select_one("a[href='skills.html#team-skill-api-design']") is not None
    assert text(table.select("td.teamext-depth strong")[0]) == "■■■■ expert (4/4)"


def test_next_hire_puts_role_requirements_first(built):
    first, two, narrow = (text(s.select_one(".teamext-next-hire")) for s in shapes(built))
    assert first == (
        f"The next hire should bring: Code quality (a role needs it at depth), {DEVOPS} ."
    )
    assert two == (
        "The next hire should bring: Code quality (a role needs it at depth), "
        f"NLP and ML (a role needs it at depth), {DEVOPS} ."
    )
    assert narrow == "Someone on the team is at depth in every skill: no gap to hire for."


def test_radar_chart_has_an_axis_per_skill_and_a_curve_per_person(built):
    shape = shapes(built)[1]  # Person A and Person B record all four skills
    code = shape.select_one("pre.mermaid").get_text()
    assert "\nradar-beta\n" in code
    assert parse_radar(code) == {
        "axes": ["API design", "Code quality", "NLP and ML", DEVOPS],
        "curves": {"Person A": [4, 2, 0, 1], "Person B": [0, 2, 2, 2]},
        "max": 4,
    }
    assert "<i>" not in code
    # the second line is dashed, and the legend says whose line is which in words
    assert ".radarCurve-1{stroke-dasharray:8 4}" in code
    assert (
        text(shape.select_one(".teamext-legend")) == "Lines: Person A (solid); Person B (dashed)."
    )


def test_a_value_nobody_recorded_is_never_drawn_as_zero(built):
    # Person C records only NLP and ML: the whole-team radar would have to invent
    # C's other levels, so it draws no chart and says why.
    whole = shapes(built)[0]
    assert whole.select_one("pre.mermaid") is None
    assert text(whole.select_one(".teamext-note")) == (
        "No chart: a team shape needs at least 3 skills recorded for everyone to draw, "
        "and this one has 1."
    )


def test_listed_people_only(built):
    shape = shapes(built)[1]
    assert [row[0] for row in table_rows(shape)[1:]] == [
        "API design",
        "Code quality",
        "NLP and ML",
        DEVOPS,
    ]
    assert table_rows(shape)[3] == [
        "NLP and ML",
        "■■□□ proficient (2/4)",
        "0 of 2",
        "■■■□ fluent (3/4)",
        "nobody at depth",
    ]
    assert list(parse_radar(shape.select_one("pre.mermaid").get_text())["curves"]) == [
        "Person A",
        "Person B",
    ]


def test_fewer_than_three_skills_means_no_chart(built):
    narrow = shapes(built)[2]
    assert narrow.select_one("pre.mermaid") is None
    assert table_rows(narrow)[1:] == [
        ["NLP and ML", "■■■■ expert (4/4)", "1 of 1", "■■■■ expert (4/4)", "–"]
    ]
    assert text(narrow.select_one(".teamext-note")) == (
        "No chart: a team shape needs at least 3 skills recorded for everyone to draw, "
        "and this one has 1."
    )


def test_chart_is_a_mermaid_node(built):
    doctree = resolved(built, "index")
    codes = [node["code"] for node in doctree.findall(mermaid)]
    assert len(codes) == 1
    for code in codes:
        # front matter widens the side margins so long skill titles are not clipped
        front, body = code.split("\n---\n", 1)
        assert front.startswith('---\nconfig: {"radar": {"marginLeft": ')
        assert body.startswith("radar-beta\n")


def test_latex_has_the_table(tmp_path, warnings_of):
    # Without mermaid-cli: the table, no radar, and the missing tool said once.
    app = build(
        copy_root("insight-shape", tmp_path),
        "latex",
        confoverrides={"mermaid_cmd": str(tmp_path / "no-such-mmdc")},
    )
    found = warnings_of(app)
    assert [(f, line, sub) for f, line, _msg, sub in found] == [
        ("index.md", 14, "teamext.diagram")  # the first shape with a radar to draw
    ], app.warning.getvalue()
    assert "no-such-mmdc" in found[0][2] and "mermaid_cmd" in found[0][2]
    assert len(app.warning.getvalue().strip().splitlines()) == 1  # nothing untyped
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert "mermaid" not in tex.lower()  # no empty figure
    assert r"\label{\detokenize{index:team-shape-2}}" in tex
    assert r"\label{\detokenize{index:team-shape-3}}" in tex
    assert "People at depth" in tex and "nobody at depth" in tex
    assert r"The next hire should bring:" in tex
    assert "No chart: a team shape needs at least 3 skills" in tex


def test_radar_margins_fit_side_labels_only():
    def data(*titles: str) -> ShapeData:
        rows = tuple(ShapeRow(Ref("skill", t, t, "d"), (1,), None, 1, 0) for t in titles)
        return ShapeData("", 3, ("a", "b"), (Ref("person", "p", "P", "d"),), (), rows, ())

    # four axes: top, right, bottom, left; only right and left labels need room
    wide = data("a very long label above the chart", "right side label", "x" * 40, "left")
    assert radar_margins(wide) == {"radar": {"marginLeft": 53, "marginRight": 137}}
    assert radar_margins(data("a", "b", "c")) == {"radar": {"marginLeft": 50, "marginRight": 50}}


def test_text_shows_the_table_without_a_radar(tmp_path):
    app = build(copy_root("insight-shape", tmp_path), "text")
    assert "[teamext." not in app.warning.getvalue()
    out = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert out.count("Best on the team") == 3  # each shape's table
    assert "The next hire should bring:" in out
    assert "[graph" not in out  # sphinxcontrib-mermaid's placeholder for a drawing


# -- the first hires: one strength each, the shared skills alike ----------------------


@pytest.fixture(scope="module")
def hires(tmp_path_factory):
    return build(copy_root("insight-shape-hires", tmp_path_factory.mktemp("hires")))


def test_identical_curves_draw_no_chart(hires):
    """Over the skills recorded for everyone the three hires are alike: three
    lines on top of each other would hide that each is strong somewhere else."""
    assert hires.warning.getvalue() == ""
    first = shapes(hires)[0]
    assert first.select_one("pre.mermaid") is None
    assert text(first.select_one(".teamext-note")) == (
        "No chart: all 3 people are at the same level in each of the 3 skills recorded "
        "for everyone, so their lines would be one."
    )


def test_skills_recorded_for_some_show_who_is_strong_where(hires):
    """Each strength is said with its holder and level; nobody else's is made up."""
    first = shapes(hires)[0]
    partial = first.select_one(".teamext-shape-partial")
    # the marker, without its accessible name, as a reader sees it
    words = partial.get_text("").replace("suggested", "")
    assert " ".join(words.split()) == (
        "Recorded for only some people: System design — Person A expert (4/4)†; "
        "DevOps and cloud — Person B expert (4/4)†. "
        "Not recorded for the others, so these are not on a chart."
    )
    assert partial.select_one("a[href='#team-skill-systems']") is not None


def test_a_summary_resting_on_suggested_levels_is_marked(hires):
    first, second = shapes(hires)
    summary = first.select_one(".teamext-next-hire")
    assert text(summary).startswith("Someone on the team is at depth in every skill")
    assert summary.select_one(".teamext-guidance") is not None
    # ... and the page explains the marker
    page = BeautifulSoup((hires.outdir / "index.html").read_text("utf-8"), "html.parser")
    assert page.select_one(".teamext-guidance-legend") is not None
    # Levels recorded as fact: no marker on the summary.
    assert second.select_one(".teamext-next-hire .teamext-guidance") is None


def test_different_curves_still_draw_with_partial_skills_in_words(hires):
    second = shapes(hires)[1]
    radar = parse_radar(second.select_one("pre.mermaid").get_text())
    assert radar["curves"] == {"Person D": [3, 2, 1], "Person E": [1, 2, 3]}
    assert text(second.select_one(".teamext-shape-partial")).startswith(
        "Recorded for only some people: System design — Person E proficient (2/4)."
    )


def test_ten_people_get_ten_line_styles():
    from sphinx_teamext.render.radar import CURVE_STYLES, curve_css

    names = [str(name) for name, _dashes, _width in CURVE_STYLES]
    looks = {(dashes, width) for _name, dashes, width in CURVE_STYLES}
    assert len(CURVE_STYLES) >= 8 and len(set(names)) == len(looks) == len(CURVE_STYLES)
    rules = re.findall(r"\.radarCurve-(\d+)\{([^}]*)\}", curve_css(10))
    # the first line is mermaid's own (solid); each other one has a look of its own
    assert [int(i) for i, _ in rules] == list(range(1, 10))
    assert len({style for _, style in rules}) == 9
    assert "stroke-width:5px" in dict(rules)["8"]
