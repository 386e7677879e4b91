"""Honest records: role kinds, not recorded versus none, suggested values,
coverage without invention, and a scale without a "nothing" level."""

from __future__ import annotations

import copy
import re

import pytest
from bs4 import BeautifulSoup
from conftest import parse_warnings
from helpers import build, build_pages, copy_root

LEGEND = "† suggested: a value the authors suggest; not established fact or policy."


def text(node) -> str:
    """What a sighted reader sees (the marker's hidden label left out)."""
    node = copy.copy(node)
    for hidden in node.select(".teamext-visually-hidden"):
        hidden.decompose()
    return " ".join(node.get_text(" ", strip=True).split())


@pytest.fixture(scope="module")
def honest(tmp_path_factory):
    app = build(copy_root("honest", tmp_path_factory.mktemp("honest")))
    assert app.warning.getvalue() == ""  # coverage on: nothing had to be invented
    return app


def soup(app, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{page}.html").read_text(encoding="utf-8"), "html.parser")


def card(page: BeautifulSoup, anchor: str):
    return page.find(id=anchor)


def fields(node) -> dict[str, str]:
    return {
        text(name).rstrip(":").rstrip(): text(name.find_next_sibling("dd"))
        for name in node.select("dl.field-list > dt")
    }


# -- role kinds ----------------------------------------------------------------


def test_a_profile_is_not_drawn_in_the_org_chart(honest):
    code = soup(honest, "views").select_one(".teamext-team-chart pre.mermaid").get_text()
    assert "Data scientist" not in code and "RST profile" not in code
    assert "ML engineer" in code and "Person A" in code


def test_post_and_profile_cards_link_each_other(honest):
    page = soup(honest, "records")
    assert fields(card(page, "team-role-mle"))["Depth profiles"] == "Data scientist"
    profile = card(page, "team-role-data-scientist")
    assert fields(profile)["Depth profile of"] == "ML engineer"
    assert profile.select_one("a[href='#team-role-mle']") is not None
    # a profile takes no interview: its card lists no stages
    assert "Interview stages" not in fields(profile)


def test_a_person_in_a_profile_links_the_profile_and_its_post(honest):
    person = card(soup(honest, "records"), "team-person-person-a")
    assert fields(person)["Role"] == "Data scientist (a depth profile of ML engineer )"
    links = [a["href"] for a in person.select("dd a")]
    assert "#team-role-data-scientist" in links and "#team-role-mle" in links


def test_skill_map_lists_each_profile_after_its_post(honest):
    table = soup(honest, "views").select_one(".teamext-skill-map table")
    heads = [text(td) for td in table.select("tbody td.teamext-row-head")]
    assert heads == [
        "ML lead",
        "RST profile (depth profile of ML lead )",
        "ML engineer",
        "Data scientist (depth profile of ML engineer )",
    ]
    assert len(table.select("tr.teamext-profile-row")) == 2


def test_scorecards_list_posts_only(honest):
    facts = text(soup(honest, "views").select_one(".teamext-scorecard-facts"))
    assert facts.endswith("For roles: ML lead , ML engineer")


# -- not recorded is not none ----------------------------------------------------


def test_map_legend_says_not_recorded(honest):
    legend = text(soup(honest, "views").select_one(".teamext-skill-map .teamext-legend"))
    assert legend.endswith("a dash means not recorded.")


def test_team_shape_keeps_gaps_and_unknowns_apart(honest):
    shape = soup(honest, "views").select_one(".teamext-team-shape")
    rows = {text(tr.td): [text(td) for td in tr.select("td")] for tr in shape.select("tbody tr")}
    assert rows["NLP"][-1] == "nobody at depth"
    assert rows["Analytics"][1:] == ["–", "not recorded", "■■■□ fluent (3/4)", "not recorded"]
    assert "teamext-not-recorded" in shape.select("tbody tr")[2]["class"]
    assert text(shape.select_one(".teamext-next-hire")) == (
        # marked: only the MLE card, whose skills are suggested, asks for NLP at depth
        "The next hire should bring: NLP (a role needs it at depth). †"
    )
    assert text(shape.select_one("p.teamext-not-recorded")).startswith("Not recorded: Analytics .")


# -- suggested values are marked -------------------------------------------------


def markers(node) -> list:
    return node.select("span.teamext-guidance")


def test_the_marker_is_a_dagger_named_by_the_label(honest):
    marker = markers(soup(honest, "records"))[0]
    assert marker["title"] == "suggested"
    assert marker.select_one("[aria-hidden=true]").get_text() == "†"
    assert marker.select_one(".teamext-visually-hidden").get_text() == "suggested"


def test_marked_fields_on_the_card_itself(honest):
    page = soup(honest, "records")
    mle = card(page, "team-role-mle")
    marked = [text(dt).rstrip(":").strip() for dt in mle.select("dt") if markers(dt)]
    assert marked == ["Skills †", "Reports to †"]
    stage = card(page, "team-stage-intro-call")
    assert [text(dt).rstrip(":").strip() for dt in stage.select("dt") if markers(dt)] == [
        "Format †",
        "Assesses †",
    ]
    # a skill's level descriptions marked as guidance
    nlp = card(page, "team-skill-nlp")
    assert markers(nlp.select_one(".teamext-skill-level-label"))


def test_backlinks_mark_values_from_marked_fields(honest):
    python = card(soup(honest, "records"), "team-skill-python")
    needed = {text(li): bool(markers(li)) for li in python.select("dd")[0].select("li")}
    assert needed == {
        "ML lead — ■■■□ fluent (3/4)": False,
        "ML engineer — ■■■□ fluent (3/4) †": True,
        "Data scientist — ■■□□ proficient (2/4)": False,
        "RST profile — ■□□□ learning (1/4) †": True,
    }
    assessed = fields(python)["Assessed in"]
    assert assessed == "Introductory call †"


def test_map_cells_shape_rows_scorecards_and_chart_edges_are_marked(honest):
    page = soup(honest, "views")
    rows = page.select(".teamext-skill-map tbody tr")
    assert [bool(markers(r)) for r in rows] == [False, True, True, False]
    shape = page.select_one(".teamext-team-shape")
    assert [text(td) for td in shape.select("tbody tr")[0].select("td")][3] == (
        "■■■□ fluent (3/4) †"
    )
    scorecard = page.select_one(".teamext-scorecard")
    assert text(scorecard.select_one(".teamext-expected")) == (
        "Expected: ML lead — ■■■□ fluent (3/4) ; ML engineer — ■■■□ fluent (3/4) †"
    )
    rubric_heads = [text(r) for r in scorecard.select(".teamext-rubric-skill")]
    assert rubric_heads == ["Python †", "NLP †"]  # from a marked :assesses:
    described = [text(td) for td in scorecard.select("table.teamext-rubric td")]
    assert "Ships a text classifier end to end. †" in described
    code = page.select_one(".teamext-team-chart pre.mermaid").get_text()
    dashed = re.findall(r"(n\d+) -\.->\|†\| (n\d+)", code)
    solid = re.findall(r"(n\d+) --> (n\d+)", code)
    assert len(dashed) == 2 and len(solid) == 1  # ML engineer and Person B; Person A not


def test_each_page_that_shows_a_marker_has_one_legend(honest):
    for page in ("records", "views", "rst"):
        legends = soup(honest, page).select(".teamext-guidance-legend")
        assert [text(p) for p in legends] == [LEGEND], page
    assert not soup(honest, "index").select(".teamext-guidance-legend")


def test_the_label_is_configurable(tmp_path):
    app = build(
        copy_root("honest", tmp_path), confoverrides={"teamext_guidance_label": "our guess"}
    )
    page = soup(app, "views")
    assert markers(page)[0]["title"] == "our guess"
    assert text(page.select_one(".teamext-guidance-legend")).startswith("† our guess:")


@pytest.mark.parametrize("builder", ["latex", "text"])
def test_other_builders_show_markers_kinds_and_unknowns(tmp_path, builder):
    app = build(copy_root("honest", tmp_path), builder, confoverrides={"mermaid_cmd": "false"})
    assert "[teamext." not in app.warning.getvalue()
    if builder == "latex":
        out = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
        assert r"\textsuperscript{\textdagger} suggested: a value the authors suggest" in out
        assert out.count(r"\textsuperscript{\textdagger}") > 10
    else:
        out = "".join(p.read_text(encoding="utf-8") for p in app.outdir.glob("*.txt"))
        assert LEGEND.replace(" fact", "\nfact").split("\n")[0] in " ".join(out.split("\n"))
        assert "ML engineer — ■■■□ fluent (3/4)†" in out
    flat = " ".join(out.split())
    assert "depth profile of" in flat and "not recorded" in flat
    assert "Depth profiles" in flat and "Not recorded" in flat


# -- warnings ------------------------------------------------------------------

#: Each at the line of the option it is about, with the record it is in.
EXPECTED = [
    (
        "index.md",
        9,
        "role-card: :profile-of: is ignored on a post: add :kind: profile (role 'post')",
    ),
    (
        "index.md",
        10,
        "role-card: :guidance: names unknown field 'assesses': use skills, stages, reports-to, "
        "next, all (role 'post')",
    ),
    ("index.md", 11, "role-card: :coverage: must be one of off, got 'sometimes' (role 'post')"),
    ("index.md", 16, "role-card: a profile needs :profile-of: naming its post (role 'no-post')"),
    (
        "index.md",
        17,
        "role-card: :reports-to: is ignored on a profile (:kind: profile) (role 'no-post')",
    ),
    (
        "index.md",
        18,
        "role-card: :stages: is ignored on a profile (:kind: profile) (role 'no-post')",
    ),
    ("index.md", 46, "role-card: :kind: must be one of post, profile, got 'job' (role 'odd-kind')"),
    ("other.rst", 6, "role-card: a profile needs :profile-of: naming its post (role 'rst-bad')"),
    (
        "other.rst",
        7,
        "role-card: :guidance: names unknown field 'everything': use skills, stages, "
        "reports-to, next, all (role 'rst-bad')",
    ),
    ("index.md", 24, "role 'ghost-profile': :profile-of: names unknown role 'ghost'"),
    ("index.md", 30, "role 'self-profile': :profile-of: names the role itself"),
    (
        "index.md",
        36,
        "role 'profile-of-profile': :profile-of: must name a post, and 'ghost-profile' "
        "is a profile",
    ),
    (
        "index.md",
        41,
        "person 'person': :reports-to: names 'ghost-profile', a profile rather than a post; "
        "ignored",
    ),
]


def test_each_mistake_is_located_and_typed(tmp_path):
    app = build(copy_root("honest-warnings", tmp_path))
    found = parse_warnings(app.warning.getvalue())
    assert [(f, line, msg) for f, line, msg, _type in found] == EXPECTED
    # an id that names nothing is "unknown"; everything else is a bad option
    unknown = "role 'ghost-profile': :profile-of: names unknown role 'ghost'"
    assert [kind for _f, _line, msg, kind in found] == [
        "teamext.unknown" if msg == unknown else "teamext.option" for _f, _l, msg, _k in found
    ]
    assert sum(kind == "teamext.unknown" for *_rest, kind in found) == 1
    # ignored values fall back: the profile reports to nobody, the person to nobody
    page = soup(app, "index")
    assert "Reports to" not in fields(card(page, "team-role-no-post"))
    assert "Reports to" not in fields(card(page, "team-person-person"))


def test_suppress_warnings_silences_them(tmp_path):
    app = build(
        copy_root("honest-warnings", tmp_path),
        confoverrides={"suppress_warnings": ["teamext.option", "teamext.unknown"]},
    )
    assert app.warning.getvalue() == ""


# -- coverage without invention --------------------------------------------------

COVERAGE_PAGES = {
    "coverage": """
:::{skill} sql
:title: SQL
:::

:::{skill} rust
:title: Rust
:::

:::{interview-stage} call
:title: Call
:assesses: sql
:guidance: assesses
:::

:::{role-card} analyst
:title: Analyst
:skills: sql=2, rust=2
:stages: call
{extra}
:::

:::{role-card} rust-profile
:title: Rust profile
:kind: profile
:profile-of: analyst
:skills: rust=3
:::
""",
}


def coverage_warnings(tmp_path, extra: str) -> list[str]:
    pages = {"coverage": COVERAGE_PAGES["coverage"].replace("{extra}", extra)}
    app = build_pages(tmp_path, pages)
    return [msg for _f, _line, msg, kind in parse_warnings(app.warning.getvalue())]


def test_a_suggested_assesses_counts_and_profiles_are_not_asked_for_stages(tmp_path):
    # sql is assessed by a suggested list: no finding; rust is not assessed at all
    assert coverage_warnings(tmp_path / "a", "") == [
        "skill 'rust' is assessed by no interview stage",
        "role 'analyst' requires skill 'rust', which none of its interview stages assesses",
    ]


def test_coverage_off_silences_one_record_only(tmp_path):
    assert coverage_warnings(tmp_path / "b", ":coverage: off") == [
        "skill 'rust' is assessed by no interview stage"
    ]


# -- a scale without "none" --------------------------------------------------------

LADDER = {
    "teamext_levels": ["junior", "mid", "senior", "staff"],
    "teamext_none_level": None,
    "teamext_depth_level": 2,
}
LADDER_PAGE = {
    "ladder": """
:::{skill} sql
:title: SQL
:::

:::{interview-stage} call
:title: Call
:assesses: sql
:::

:::{role-card} analyst
:title: Analyst
:skills: sql=junior, rust=0
:stages: call
:::

:::{skill} rust
:title: Rust
:::
""",
}


def test_without_a_none_level_the_first_level_is_a_real_requirement(tmp_path):
    # Numbers count from 1 without a none level: rust=1 is "junior", a real requirement
    page = {"ladder": LADDER_PAGE["ladder"].replace("rust=0", "rust=1")}
    app = build_pages(tmp_path, page, confoverrides=LADDER)
    msgs = [msg for _f, _line, msg, _kind in parse_warnings(app.warning.getvalue())]
    assert msgs == [
        "role 'analyst' requires skill 'rust', which none of its interview stages assesses",
        "skill 'rust' is assessed by no interview stage",
    ]
    analyst = card(soup(app, "ladder"), "team-role-analyst")
    assert fields(analyst)["Skills"] == "SQL — ■□□□ junior (1/4) Rust — ■□□□ junior (1/4)"


def test_by_default_level_zero_asks_for_nothing(tmp_path):
    none = {**LADDER, "teamext_none_level": "junior"}
    app = build_pages(tmp_path, LADDER_PAGE, confoverrides=none)
    msgs = [msg for _f, _line, msg, _kind in parse_warnings(app.warning.getvalue())]
    assert msgs == ["skill 'rust' is assessed by no interview stage"]
    analyst = card(soup(app, "ladder"), "team-role-analyst")
    assert fields(analyst)["Skills"] == "SQL — □□□ junior (0/3) Rust — □□□ junior (0/3)"


def test_a_none_level_that_is_not_the_first_name_is_refused(tmp_path):
    app = build_pages(tmp_path, LADDER_PAGE, confoverrides={**LADDER, "teamext_none_level": "mid"})
    assert (
        "teamext_none_level = 'mid' is not accepted: it takes the first level name ('junior') "
        "or None; the default, 'junior', is used [teamext.config]"
    ) in app.warning.getvalue()
    assert app.config.teamext_none_level == "junior"


def test_restructuredtext_records_are_as_honest(honest):
    profile = card(soup(honest, "rst"), "team-role-rst-profile")
    assert fields(profile)["Depth profile of"] == "ML lead"
    assert [text(dt).rstrip(":").strip() for dt in profile.select("dt") if markers(dt)] == [
        "Skills †"
    ]
    assert "Depth profiles" in fields(card(soup(honest, "records"), "team-role-lead"))
    rows = soup(honest, "rst").select(".teamext-skill-map tbody tr")
    assert [text(r.td) for r in rows] == ["RST profile (depth profile of ML lead )", "Person A"]
