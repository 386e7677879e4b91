"""``expectation``: what a skill looks like for a role (evidence, on a person).

The same page in MyST and in reStructuredText: the same warnings (text, line,
subtype) and the same cards. The expectation shows under its skill on the
card, as "Expected of <role>" on the skill's card, in the scorecard's "What it
looks like" column and in skill maps with ``:cells: expectation``.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import parse_warnings
from helpers import build, copy_root

from sphinx_teamext.domain import TeamDomain
from sphinx_teamext.model import Role

TECHNICAL = "Designs solutions that account for security, reliability and observability."

#: (line in MyST, line in RST, message start, subtype)
EXPECTED: list[tuple[object, object, str, str]] = [
    (24, 21, "role-card: expectation for skill 'technical' is given twice", "teamext.option"),
    (
        73,
        67,
        "expectation: expectation belongs inside a role-card or person-card directive",
        "teamext.option",
    ),
    # at the directive, or at the option's line once warnings point there
    (
        (82, 83),
        (75, 76),
        "skill-map: :cells: must be one of level, expectation, both",
        "teamext.option",
    ),
    (47, 44, "role-card 'senior-1': expectation: names unknown skill 'ghost'", "teamext.unknown"),
    (
        51,
        48,
        "role-card 'senior-1': expectation: skill 'unlisted' is not listed in the card's :skills:",
        "teamext.option",
    ),
]


@pytest.fixture(scope="module", params=["myst", "rst"])
def project(request, tmp_path_factory):
    src = copy_root(f"data-expectation-{request.param}", tmp_path_factory.mktemp("exp"))
    app = build(src)
    return request.param, app


def test_every_rule_is_reported_with_location_and_subtype(project):
    flavour, app = project
    found = parse_warnings(app.warning.getvalue())
    page = "index.md" if flavour == "myst" else "index.rst"
    for myst_line, rst_line, message, subtype in EXPECTED:
        line = myst_line if flavour == "myst" else rst_line
        lines = line if isinstance(line, tuple) else (line,)
        assert any(
            f == page and ln in lines and msg.startswith(message) and sub == subtype
            for f, ln, msg, sub in found
        ), (line, message, found)
    assert len(found) == len(EXPECTED), found


def test_the_model_keeps_text_and_source(project):
    _flavour, app = project
    domain = app.env.get_domain("team")
    assert isinstance(domain, TeamDomain)
    role = domain.lookup("role", "senior-1")
    assert isinstance(role, Role)
    by_skill = {e.skill: e for e in role.expectations}
    assert list(by_skill) == ["technical", "communication", "review", "ghost", "unlisted"]
    assert by_skill["technical"].text == TECHNICAL
    assert "*security*" in by_skill["technical"].source
    assert role.expectation_for("technical") == TECHNICAL
    assert role.expectation_for("unlisted") is None  # not on the card: not shown
    assert role.body == "Owns the service."


def soup(app) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")


def card(page: BeautifulSoup, anchor: str):
    return page.find(id=anchor)


def test_the_card_shows_it_under_its_skill(project):
    _flavour, app = project
    role = card(soup(app), "team-role-senior-1")
    items = role.select("ul.teamext-list > li")
    technical = next(li for li in items if "Technical" in li.get_text())
    assert technical.select_one("p.teamext-expectation").get_text() == TECHNICAL
    # shown once, under the skill, not again in the body
    assert role.get_text().count("Designs solutions") == 1
    assert "Not on the card" not in role.get_text() and "Not a skill" not in role.get_text()
    person = card(soup(app), "team-person-person-a")
    assert "Shipped the billing service's schema migration." in person.get_text()


def test_raw_markup_is_shown_as_text(project):
    _flavour, app = project
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_skill_card_says_what_each_role_expects(project):
    _flavour, app = project
    skill = card(soup(app), "team-skill-technical")
    text = " ".join(skill.get_text(" ").split())
    assert f"Expected of Senior engineer 1 : {TECHNICAL}" in text.replace(" :", " :")


def test_scorecard_shows_what_it_looks_like_for_the_role(project):
    _flavour, app = project
    rubrics = soup(app).select("div.teamext-scorecard table.teamext-rubric")
    technical, review = rubrics
    fluent = [" ".join(r.get_text(" ").split()) for r in technical.select("tbody tr")][3]
    assert TECHNICAL in fluent and "Senior engineer 1" in fluent
    # the role's expectation replaces the skill-level description for it
    review_fluent = " ".join(review.select("tbody tr")[3].get_text(" ").split())
    assert "Reviews designs as well as code." in review_fluent
    assert "Reviews within a day." not in review_fluent
    # other levels keep the descriptions (or the level name)
    assert "expert" in " ".join(technical.select("tbody tr")[4].get_text(" ").split())


def test_skill_map_cells_show_expectations(project):
    _flavour, app = project
    table = soup(app).select("table.teamext-skill-map-table")[0]
    text = " ".join(table.get_text(" ").split())
    assert TECHNICAL in text
    assert "proficient" not in text or "Explains trade-offs" in text


def test_myst_and_rst_give_the_same_cards(tmp_path):
    texts = []
    for flavour in ("myst", "rst"):
        app = build(copy_root(f"data-expectation-{flavour}", tmp_path / flavour))
        page = soup(app)
        texts.append([c.get_text(" ", strip=True) for c in page.select("div.teamext-card")])
    assert texts[0] == texts[1]


@pytest.mark.parametrize("builder", ["latex", "text"])
def test_other_builders_show_expectations(tmp_path, builder):
    app = build(copy_root("data-expectation-myst", tmp_path), builder)
    out = "".join(p.read_text(encoding="utf-8") for p in app.outdir.glob("*.t*"))
    assert "Designs solutions that account for security" in out
    assert "Expected of" in out
    assert "Download CSV" not in out
    assert app.statuscode == 0  # an extension error would have propagated or failed it
