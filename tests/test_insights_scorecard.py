"""``scorecard``: a printable rubric per interview stage, in HTML and LaTeX."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from helpers import build, copy_root, resolved


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


def rows(table) -> list[list[str]]:
    return [[text(cell) for cell in tr.select("th, td")] for tr in table.select("tr")]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(copy_root("insight-scorecard", tmp_path_factory.mktemp("scorecard")))


@pytest.fixture(scope="module")
def cards(built):
    html = (built.outdir / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select(".teamext-scorecard")


def test_builds_without_warnings(built):
    assert built.warning.getvalue() == ""


def test_each_scorecard_is_a_container_of_its_own(built, cards):
    doctree = resolved(built, "index")
    found = [n for n in doctree.findall(nodes.container) if "teamext-scorecard" in n["classes"]]
    assert len(found) == 2
    assert [c["id"] for c in cards] == [
        "team-scorecard-programming-challenge",
        "team-scorecard-ml-challenge",
    ]


def test_heading_facts_and_candidate_line(cards):
    card = cards[0]
    assert text(card.select_one(".teamext-scorecard-title")) == "Scorecard: Programming challenge"
    assert card.select_one(".teamext-scorecard-title a")["href"] == (
        "hiring.html#team-stage-programming-challenge"
    )
    assert text(card.select_one(".teamext-scorecard-facts")) == (
        "Format: Take-home, 2-3 days. For roles: Machine Learning Engineer , Intern"
    )
    assert rows(card.select_one("table.teamext-scorecard-candidate")) == [
        ["Candidate", "Interviewer", "Date"],
        ["", "", ""],
    ]


def test_rubric_has_a_row_per_level_with_descriptions_and_boxes(cards):
    card = cards[0]
    expected = [text(p) for p in card.select(".teamext-expected")]
    assert expected == [
        "Expected: Machine Learning Engineer — ■■■□ fluent (3/4) ; Intern — ■■□□ proficient (2/4)",
        "Expected: Machine Learning Engineer — ■■■□ fluent (3/4) ; Intern — not recorded",
    ]
    api, code = card.select("table.teamext-rubric")
    # each rubric is headed by its skill, linked to the skill's card
    headings = card.select(".teamext-rubric-skill")
    assert [text(h) for h in headings] == ["API design", "Code quality"]
    assert headings[0].a["href"] == "hiring.html#team-skill-api-design"
    assert headings[0].find_next_sibling("table") is api
    assert rows(api) == [
        ["Level", "What it looks like", "Expected for", "Tick"],
        ["□□□□ none (0/4)", "none", "", "☐"],
        ["■□□□ learning (1/4)", "learning", "", "☐"],
        ["■■□□ proficient (2/4)", "Writes endpoints that work.", "Intern", "☐"],
        [
            "■■■□ fluent (3/4)",
            "Names endpoints well and separates views from models.",
            "Machine Learning Engineer",
            "☐",
        ],
        ["■■■■ expert (4/4)", "expert", "", "☐"],
    ]
    # described levels differ from fallbacks; expected rows are marked
    assert [text(td) for td in api.select("td.teamext-none")] == ["none", "learning", "expert"]
    assert [text(tr.select_one("td")) for tr in api.select("tr.teamext-expected-level")] == [
        "■■□□ proficient (2/4)",
        "■■■□ fluent (3/4)",
    ]
    assert rows(code)[4] == ["■■■□ fluent (3/4)", "fluent", "Machine Learning Engineer", "☐"]


def test_red_flags_and_notes(cards):
    first, second = cards
    assert rows(first.select_one("table.teamext-scorecard-red-flags")) == [
        ["Red flag", "Seen"],
        ["Star imports", "☐"],
        ["No tests", "☐"],
    ]
    assert second.select_one("table.teamext-scorecard-red-flags") is None  # none listed
    notes = rows(first.select_one("table.teamext-scorecard-notes"))
    assert notes[0] == ["Notes"] and len(notes) == 7


def test_stage_with_one_role(cards):
    card = cards[1]
    assert text(card.select_one(".teamext-scorecard-facts")) == (
        "For roles: Machine Learning Engineer"
    )
    assert [text(h) for h in card.select(".teamext-rubric-skill")] == ["NLP and ML"]
    assert len(card.select("table.teamext-rubric")) == 1


def test_latex_keeps_the_class_tables_and_boxes(tmp_path):
    app = build(copy_root("insight-scorecard", tmp_path), "latex")
    assert app.warning.getvalue() == ""
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert tex.count(r"\begin{sphinxuseclass}{teamext-scorecard}") == 2
    card = tex[tex.index(r"\begin{sphinxuseclass}{teamext-scorecard}") :]
    card = card[: card.index(r"\end{sphinxuseclass}")]
    assert "Scorecard: " in card and "Programming challenge" in card
    assert "Names endpoints well and separates views from models." in card
    assert card.count("☐") == 2 * 5 + 2  # two rubrics of five levels, two red flags
    assert "Star imports" in card and "Notes" in card
    # explicit column widths: the description column is the wide one
    assert card.count(r"\begin{tabular}[t]{\X{22}{88}\X{40}{88}\X{20}{88}\X{6}{88}}") == 2
