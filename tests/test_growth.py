"""Growth views: ``team-ladder`` and ``team-growth`` give exactly the rows their
records imply, as tables on the page and as CSV files, in MyST and in
reStructuredText alike; role cards link the ladder, person cards show the
latest assessment of each kind.

``growth-myst`` / ``growth-rst``: one held-out-like team in both syntaxes (a
ladder of five posts with a track split that rejoins, a depth profile, two
people, self and manager assessments, a filled-in form). ``growth-rules``: the
ordering and tie rules one at a time (depth-first rungs, rejoining tracks,
gap sort, latest assessment, manager by ``manager`` or ``reports-to``).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from docutils import nodes
from helpers import build, copy_root, resolved
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

LADDER_HEADER = ["from", "to", "skill", "from_level", "to_level", "change"]
GROWTH_HEADER = ["skill", "level", "role", "target", "gap", "self", "manager", "flag"]
FORM_HEADER = ["skill", "title", "expected", "target", "level", "evidence"]

# -- reading the output ---------------------------------------------------------------


def csv_rows(app: SphinxTestApp, name: str) -> list[list[str]]:
    """A CSV the build wrote under ``_teamext/``, header first."""
    raw = (Path(app.outdir) / "_teamext" / name).read_bytes()
    text = raw.decode("utf-8")
    assert "\r\n" in text  # RFC 4180 line ends
    return list(csv.reader(io.StringIO(text, newline="")))


def soup(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / page).read_text(encoding="utf-8"), "html.parser")


def cell_text(cell: Tag) -> str:
    """A cell as a reader sees it: the level's name, not its pips; † kept."""
    cell = BeautifulSoup(str(cell), "html.parser")
    for hidden in cell.select(".teamext-pips, .teamext-visually-hidden"):
        hidden.decompose()
    return " ".join(cell.get_text(" ", strip=True).split())


def table_rows(table: Tag) -> list[list[str]]:
    return [[cell_text(td) for td in tr.find_all("td")] for tr in table.select("tbody tr")]


def step_tables(page: BeautifulSoup, index: int = 0) -> dict[str, list[list[str]]]:
    """The step tables of the ``index``-th ladder of ``page``, by caption."""
    ladder = page.select("div.teamext-ladder")[index]
    return {
        cell_text(t.caption): table_rows(t) for t in ladder.select("div.teamext-ladder-step table")
    }


def rungs(page: BeautifulSoup, index: int = 0) -> list[str]:
    ladder = page.select("div.teamext-ladder")[index]
    return [cell_text(li) for li in ladder.select("ol.teamext-ladder-rungs > li")]


# -- the held-out-like team, in both syntaxes -----------------------------------------

TEAM_LADDER = [
    LADDER_HEADER,
    ["mle-1", "mle-2", "python", "proficient", "fluent", "raised"],
    ["mle-1", "mle-2", "sql", "learning", "proficient", "raised"],
    ["mle-2", "senior", "python", "fluent", "fluent", "text"],
    ["mle-2", "senior", "sql", "proficient", "fluent", "raised"],
    ["mle-2", "senior", "design", "", "fluent", "new"],
    ["mle-2", "lead", "python", "fluent", "proficient", "lowered"],
    ["mle-2", "lead", "sql", "proficient", "", "dropped"],
    ["mle-2", "lead", "mentoring", "", "fluent", "new"],
    ["senior", "staff", "python", "fluent", "expert", "raised"],
    ["senior", "staff", "sql", "fluent", "", "dropped"],
    ["senior", "staff", "design", "fluent", "expert", "raised"],
    ["senior", "staff", "mentoring", "", "fluent", "new"],
    ["lead", "staff", "python", "proficient", "expert", "raised"],
    ["lead", "staff", "design", "", "expert", "new"],
    # lead -> staff mentoring is the same level and text: left out with :show: changes
]

#: ``:start: mle-2`` with ``:show: all``: every (step, skill) either rung records.
TEAM_LADDER_ALL = [
    LADDER_HEADER,
    *(row for row in TEAM_LADDER[1:] if row[0] != "mle-1"),
    ["lead", "staff", "mentoring", "fluent", "fluent", "same"],
]

TEAM_GROWTH = [
    GROWTH_HEADER,
    # latest self is the imported form (2026-04-01), manager is the reports-to (boss)
    ["sql", "learning", "proficient", "fluent", "2", "fluent", "none", "calibrate"],
    ["python", "proficient", "fluent", "fluent", "1", "fluent", "proficient", ""],
    ["design", "", "", "fluent", "", "", "", ""],
]

TEAM_FORM = [
    FORM_HEADER,
    ["python", "Python", "fluent", "fluent", "", ""],
    ["sql", "SQL", "proficient", "fluent", "", ""],
    ["design", "System design", "", "fluent", "", ""],
]


@pytest.fixture(scope="module")
def team_apps(tmp_path_factory) -> dict[str, SphinxTestApp]:
    return {
        flavour: build(copy_root(f"growth-{flavour}", tmp_path_factory.mktemp(flavour)))
        for flavour in ("myst", "rst")
    }


@pytest.fixture(scope="module", params=["myst", "rst"])
def team(request, team_apps) -> SphinxTestApp:
    return team_apps[request.param]


def test_the_team_builds_without_warnings(team):
    assert team.statuscode == 0
    assert team.warning.getvalue() == ""


def test_ladder_csv_lists_each_change_in_ladder_order(team):
    assert csv_rows(team, "ladder-team-ladder.csv") == TEAM_LADDER


def test_ladder_csv_with_show_all_has_every_recorded_pair(team):
    assert csv_rows(team, "ladder-team-ladder-mle-2.csv") == TEAM_LADDER_ALL


def test_rungs_are_depth_first_and_a_rejoined_rung_appears_once(team):
    page = soup(team, "ladder.html")
    assert rungs(page) == [
        "MLE I → MLE II",
        "MLE II → Senior MLE or ML Lead (tracks branch here)",
        "Senior MLE → Staff MLE",
        "Staff MLE",
        "ML Lead → Staff MLE",
    ]
    assert rungs(page, 1) == rungs(page)[1:]
    # profiles are never rungs, with or without a start
    for ladder in page.select("div.teamext-ladder"):
        assert "Deep profile" not in ladder.get_text()


def test_every_step_has_its_table_and_both_steps_into_the_rejoined_rung_show(team):
    tables = step_tables(soup(team, "ladder.html"))
    assert list(tables) == [
        "MLE I → MLE II",
        "MLE II → Senior MLE",
        "MLE II → ML Lead",
        "Senior MLE → Staff MLE",
        "ML Lead → Staff MLE",
    ]
    assert tables["MLE II → Senior MLE"] == [
        [
            "Python",
            "fluent (3/4)",
            "fluent (3/4)",
            "expectation changed",
            "Sets the team's Python practice.",
        ],
        ["SQL", "proficient (2/4)", "fluent (3/4)", "raised", ""],
        ["System design", "not recorded", "fluent (3/4)", "new", ""],
    ]
    # the guidance mark of ML Lead's levels stays on every value of it
    assert tables["MLE II → ML Lead"] == [
        ["Python", "fluent (3/4)", "proficient (2/4) †", "lowered", ""],
        ["SQL", "proficient (2/4)", "not recorded", "dropped", ""],
        ["Mentoring", "not recorded", "fluent (3/4) †", "new", ""],
    ]
    assert tables["ML Lead → Staff MLE"] == [
        ["Python", "proficient (2/4) †", "expert (4/4)", "raised", ""],
        ["System design", "not recorded", "expert (4/4)", "new", ""],
    ]
    assert tables["MLE I → MLE II"][0] == [
        "Python",
        "proficient (2/4)",
        "fluent (3/4)",
        "raised",
        "Ships services alone.",
    ]


def test_an_unknown_level_is_not_recorded_never_none(team):
    page = soup(team, "ladder.html")
    for ladder in page.select("div.teamext-ladder"):
        cells = [cell_text(td) for td in ladder.select("td")]
        assert "not recorded" in cells
        assert not [c for c in cells if "none" in c.split()]


def test_show_all_is_one_matrix_of_rungs_and_skills(team):
    ladder = soup(team, "ladder.html").select("div.teamext-ladder")[1]
    assert not ladder.select("div.teamext-ladder-step")
    (table,) = ladder.select("table")
    assert cell_text(table.caption) == "Every rung"
    assert [cell_text(th) for th in table.select("thead th")] == [
        "Rung",
        "Python",
        "SQL",
        "System design",
        "Mentoring",
    ]
    assert table_rows(table) == [
        [
            "MLE II",
            "fluent (3/4) Ships services alone.",
            "proficient (2/4)",
            "not recorded",
            "not recorded",
        ],
        [
            "Senior MLE",
            "fluent (3/4) Sets the team's Python practice.",
            "fluent (3/4)",
            "fluent (3/4)",
            "not recorded",
        ],
        ["Staff MLE", "expert (4/4)", "not recorded", "expert (4/4)", "fluent (3/4)"],
        ["ML Lead", "proficient (2/4) †", "not recorded", "not recorded", "fluent (3/4) †"],
    ]


def test_each_ladder_offers_its_csv(team):
    page = soup(team, "ladder.html")
    links = [
        a["href"]
        for ladder in page.select("div.teamext-ladder")
        for a in ladder.select("a.teamext-download")
    ]
    assert links == ["_teamext/ladder-team-ladder.csv", "_teamext/ladder-team-ladder-mle-2.csv"]


def test_growth_csv_and_form_are_exact(team):
    assert csv_rows(team, "growth-team-growth-ana.csv") == TEAM_GROWTH
    assert csv_rows(team, "growth-team-growth-ana-form.csv") == TEAM_FORM


def test_growth_table_sorts_by_gap_and_ends_with_a_summary(team):
    page = soup(team, "growth.html")
    view = page.select_one("div.teamext-growth")
    assert [a["href"] for a in view.select("a.teamext-download")] == [
        "_teamext/growth-team-growth-ana.csv",
        "_teamext/growth-team-growth-ana-form.csv",
    ]
    table = view.select_one("table.teamext-growth-table")
    assert cell_text(table.caption) == "Ana against Senior MLE"
    assert [cell_text(th) for th in table.select("thead th")] == [
        "Skill",
        "Ana",
        "MLE II",
        "Senior MLE",
        "Gap",
        "Self (2026-04-01)",
        "Manager (2026-03-02)",
        "Flag",
        "Expected at Senior MLE",
    ]
    assert table_rows(table) == [
        [
            "SQL",
            "learning (1/4)",
            "proficient (2/4)",
            "fluent (3/4)",
            "+2",
            "fluent (3/4)",
            "none (0/4)",
            "calibrate",
            "",
        ],
        [
            "Python",
            "proficient (2/4)",
            "fluent (3/4)",
            "fluent (3/4)",
            "+1",
            "fluent (3/4)",
            "proficient (2/4)",
            "",
            "Sets the team's Python practice.",
        ],
        ["System design", "not recorded", "not recorded", "fluent (3/4)", "", "", "", "", ""],
    ]
    assert cell_text(view.select_one("p.teamext-growth-summary")) == (
        "Against Senior MLE: 2 skills below the target level, 0 at or above it, "
        "1 without both levels recorded; 1 to calibrate."
    )


def card(page: BeautifulSoup, anchor: str) -> Tag:
    found = page.select_one(f"#{anchor}")
    assert found is not None, anchor
    return found


def field_links(card_tag: Tag, label: str) -> list[tuple[str, str]]:
    """``(text, href)`` of the links in the card's field called ``label``."""
    for dt in card_tag.select("dl.teamext-fields > dt"):
        if cell_text(dt).replace("†", "").rstrip(" :") == label:
            dd = dt.find_next_sibling("dd")
            return [(cell_text(a), a["href"]) for a in dd.select("a")]
    return []


def test_role_cards_link_next_and_every_previous_level(team):
    page = soup(team, "ladder.html")
    assert field_links(card(page, "team-role-mle-2"), "Next level") == [
        ("Senior MLE", "#team-role-senior"),
        ("ML Lead", "#team-role-lead"),
    ]
    assert field_links(card(page, "team-role-mle-2"), "Previous level") == [
        ("MLE I", "#team-role-mle-1")
    ]
    staff = card(page, "team-role-staff")
    assert field_links(staff, "Next level") == []
    assert field_links(staff, "Previous level") == [
        ("Senior MLE", "#team-role-senior"),
        ("ML Lead", "#team-role-lead"),
    ]
    assert field_links(card(page, "team-role-mle-1"), "Previous level") == []
    # a profile is no step of the ladder
    deep = card(page, "team-role-deep")
    assert not field_links(deep, "Next level") and not field_links(deep, "Previous level")


def test_person_card_shows_the_latest_assessment_of_each_kind(team):
    ana = card(soup(team, "people.html"), "team-person-ana")
    text = cell_text(ana)
    # the imported form (2026-04-01) is newer than the card's own self assessment
    assert "Self assessment (2026-04-01)" in text
    assert "Self assessment (2026-03-01)" not in text
    assert "Led the migration" in text and "Shipped the ranking service." not in text
    assert "Overall I grew." not in text
    assert "Manager assessment (2026-03-02) : By Boss Python — proficient (2/4)" in text
    assert "SQL — none (0/4)" in text
    # an assessment never changes the agreed levels
    assert "Skills : Python — proficient (2/4) SQL — learning (1/4)" in text


def views_and_cards(app: SphinxTestApp) -> dict[str, list[str]]:
    """The resolved doctree of every view and card, page by page."""
    wanted = {"teamext-ladder", "teamext-growth", "teamext-card"}
    out = {}
    for doc in ("ladder", "people", "growth"):
        tree = resolved(app, doc)
        out[doc] = [
            n.pformat() for n in tree.findall(nodes.container) if wanted & set(n["classes"])
        ]
    return out


def test_myst_and_rst_give_the_same_doctree_and_files(team_apps):
    myst, rst = views_and_cards(team_apps["myst"]), views_and_cards(team_apps["rst"])
    assert [len(v) for v in myst.values()] == [8, 2, 1]
    assert myst == rst
    for name in (
        "ladder-team-ladder.csv",
        "ladder-team-ladder-mle-2.csv",
        "growth-team-growth-ana.csv",
        "growth-team-growth-ana-form.csv",
    ):
        assert csv_rows(team_apps["myst"], name) == csv_rows(team_apps["rst"], name)
    assert (Path(team_apps["myst"].outdir) / "teamext.json").read_bytes() == (
        Path(team_apps["rst"].outdir) / "teamext.json"
    ).read_bytes()


def test_search_indexes_the_words_of_ladders_and_growth_tables(team):
    index = (Path(team.outdir) / "searchindex.js").read_text(encoding="utf-8")
    # "lowered" and "calibrate" appear only in the views' tables
    assert '"lower"' in index and '"calibr"' in index


# -- one rule at a time -----------------------------------------------------------------


@pytest.fixture(scope="module")
def rules(tmp_path_factory) -> SphinxTestApp:
    return build(copy_root("growth-rules", tmp_path_factory.mktemp("rules")))


def test_rules_build_without_warnings(rules):
    assert rules.warning.getvalue() == ""


TRACKS = [
    LADDER_HEADER,
    ["t-a", "t-b", "a", "learning", "proficient", "raised"],
    ["t-a", "t-c", "a", "learning", "proficient", "raised"],
    ["t-a", "t-c", "b", "", "learning", "new"],
    ["t-b", "t-d", "a", "proficient", "fluent", "raised"],
    ["t-c", "t-d", "a", "proficient", "fluent", "raised"],
    ["t-c", "t-d", "b", "learning", "", "dropped"],
    ["t-c", "t-e", "a", "proficient", "fluent", "raised"],
    ["t-c", "t-e", "b", "learning", "", "dropped"],
]


def test_tracks_that_rejoin_keep_the_first_place_and_every_step(rules):
    page = soup(rules, "views.html")
    # depth-first: t-a, then t-b's track to its end, then t-c
    assert rungs(page, 1) == [
        "Track A → Track B or Track C (tracks branch here)",
        "Track B → Track D",
        "Track D → Track E",
        "Track E",
        "Track C → Track D or Track E (tracks branch here)",
    ]
    assert csv_rows(rules, "views-team-ladder-t-a.csv") == TRACKS
    tables = step_tables(page, 1)
    assert list(tables) == [
        "Track A → Track B",
        "Track A → Track C",
        "Track B → Track D",
        "Track C → Track D",
        "Track C → Track E",
    ]
    ladder = page.select("div.teamext-ladder")[1]
    assert [cell_text(p) for p in ladder.select("div.teamext-ladder-step p.teamext-none")] == [
        "Track D → Track E: no skill changes."
    ]
    assert "Track B, deep" not in ladder.get_text()


def test_show_all_keeps_same_rows_in_ladder_order(rules):
    rows = csv_rows(rules, "views-team-ladder-t-a-2.csv")
    assert rows == [*TRACKS[:5], ["t-d", "t-e", "a", "fluent", "fluent", "same"], *TRACKS[5:]]


def test_the_default_ladder_starts_at_every_first_post(rules):
    page = soup(rules, "views.html")
    first = [r.split(" → ")[0] for r in rungs(page, 0)]
    assert first == [
        "Junior",
        "Mid",
        "Senior",
        "Track A",
        "Track B",
        "Track D",
        "Track E",
        "Track C",
        "Other 1",
        "Other 2",
    ]
    # the lone post (no :next:, no predecessor) and the profiles are no rungs
    steps = [(r[0], r[1]) for r in csv_rows(rules, "views-team-ladder.csv")[1:]]
    assert list(dict.fromkeys(steps)) == [
        ("jr", "mid"),
        ("mid", "sr"),
        ("t-a", "t-b"),
        ("t-a", "t-c"),
        ("t-b", "t-d"),
        ("t-c", "t-d"),
        ("t-c", "t-e"),
        ("u-1", "u-2"),
    ]
    # a recorded level 0 is a level ("none"), not "not recorded"
    assert ["u-1", "u-2", "a", "learning", "none", "lowered"] in csv_rows(
        rules, "views-team-ladder.csv"
    )


def test_a_step_marked_by_guidance_next_carries_the_mark(rules):
    tables = soup(rules, "views.html").select("div.teamext-ladder")[0]
    captions = [cell_text(t.caption) for t in tables.select("table")]
    assert captions[:2] == ["Junior → Mid †", "Mid → Senior"]
    roles = soup(rules, "roles.html")
    assert field_links(card(roles, "team-role-jr"), "Next level") == [("Mid", "#team-role-mid")]
    # the mark sits once, on the field's label, as for every other marked field
    jr = card(roles, "team-role-jr")
    assert [cell_text(dt) for dt in jr.select("dt") if dt.select(".teamext-guidance")] == [
        "Next level † :"
    ]
    assert not jr.select("dd .teamext-guidance")
    assert card(roles, "team-role-mid").select("dd .teamext-guidance")  # previous: Junior †


GROWTH_P = [
    GROWTH_HEADER,
    # gaps 2, 2 in definition order (a before b, though mid lists b first), then 1, -1
    ["a", "learning", "learning", "fluent", "2", "proficient", "expert", "calibrate"],
    ["b", "none", "learning", "proficient", "2", "fluent", "learning", "calibrate"],
    ["e", "proficient", "", "fluent", "1", "", "", ""],
    ["c", "fluent", "proficient", "proficient", "-1", "proficient", "fluent", ""],
    # empty gaps last, in definition order; f (the person's only) has no row
    ["d", "", "", "proficient", "", "", "", ""],
    ["g", "", "proficient", "", "", "", "", ""],
]


def test_growth_rows_sort_by_gap_with_empty_gaps_last(rules):
    assert csv_rows(rules, "views-team-growth-p.csv") == GROWTH_P


def test_the_form_lists_the_rows_in_definition_order(rules):
    assert csv_rows(rules, "views-team-growth-p-form.csv") == [
        FORM_HEADER,
        ["a", "Skill A", "learning", "fluent", "", ""],
        ["b", "Skill B", "learning", "proficient", "", ""],
        ["c", "Skill C", "proficient", "proficient", "", ""],
        ["d", "Skill D", "", "proficient", "", ""],
        ["e", "Skill E", "", "fluent", "", ""],
        ["g", "Skill G", "proficient", "", "", ""],
    ]


def test_manager_column_takes_the_keyword_or_the_reports_to_by_latest_date(rules):
    # r: "manager" (2026-03-01) is later than m, the reports-to (2026-02-01);
    # the self column takes r's own id as self; :target: is given
    assert csv_rows(rules, "views-team-growth-r.csv") == [
        GROWTH_HEADER,
        ["a", "fluent", "fluent", "expert", "1", "expert", "learning", "calibrate"],
        ["b", "", "proficient", "", "", "", "", ""],
        ["c", "", "proficient", "", "", "", "", ""],
        ["d", "", "proficient", "", "", "", "", ""],
        ["e", "", "fluent", "", "", "", "", ""],
        ["f", "", "", "proficient", "", "", "", ""],
    ]
    table = soup(rules, "views.html").select("table.teamext-growth-table")[1]
    headers = [cell_text(th) for th in table.select("thead th")]
    assert headers[5:7] == ["Self (2026-01-15)", "Manager (2026-03-01)"]


def test_a_profile_holders_target_is_the_next_level_of_its_post(rules):
    assert csv_rows(rules, "views-team-growth-s.csv") == [
        GROWTH_HEADER,
        ["a", "proficient", "expert", "expert", "2", "", "", ""],
        ["f", "", "", "proficient", "", "", "", ""],
    ]


def test_person_card_latest_is_by_date_then_document_order(rules):
    text = cell_text(card(soup(rules, "people.html"), "team-person-p"))
    assert (
        "Self assessment (2026-05-01) : Skill A — proficient (2/4) Skill B — fluent (3/4) "
        "Skill C — proficient (2/4)"
    ) in text
    assert "Skill A — expert (4/4) Skill B — learning (1/4)" in text  # m, 2026-02-01
    assert "Manager assessment (2026-02-01) : By Manager M" in text
    assert "Peer assessment (2026-06-01) : By Peer Q" in text
    assert "2026-04-01" not in text and "2026-01-01" not in text


@pytest.mark.parametrize(
    ("gap", "flags"),
    [(1, ["calibrate", "calibrate", "", "calibrate", "", ""]), (3, [""] * 6)],
)
def test_the_calibration_gap_is_a_setting(tmp_path, gap, flags):
    app = build(copy_root("growth-rules", tmp_path), confoverrides={"teamext_calibration_gap": gap})
    rows = csv_rows(app, "views-team-growth-p.csv")[1:]
    assert [r[-1] for r in rows] == flags


# -- an imported framework against an independent oracle ----------------------------

LEVEL_NAMES = ["none", "learning", "proficient", "fluent", "expert"]


def oracle(roles: list[dict], skills: list[str], show: str = "changes") -> list[list[str]]:
    """The ladder CSV the spec describes, computed directly (for acyclic ladders)."""
    by_id = {r["id"]: r for r in roles}
    previous = {t for r in roles for t in r.get("next", [])}
    starts = [r["id"] for r in roles if r.get("next") and r["id"] not in previous]
    order: list[str] = []

    def visit(ident: str) -> None:
        order.append(ident)
        for target in by_id[ident].get("next", []):
            if target not in order:
                visit(target)

    for start in starts:
        if start not in order:
            visit(start)
    rows = [LADDER_HEADER]
    for source in order:
        for target in by_id[source].get("next", []):
            a, b = by_id[source], by_id[target]
            for skill in skills:
                la, lb = a["skills"].get(skill), b["skills"].get(skill)
                if la is None and lb is None:
                    continue
                ta, tb = a.get("expectations", {}).get(skill), b.get("expectations", {}).get(skill)
                if la is None:
                    change = "new"
                elif lb is None:
                    change = "dropped"
                elif la != lb:
                    change = "raised" if lb > la else "lowered"
                else:
                    change = "text" if ta != tb else "same"
                if change != "same" or show == "all":
                    name = {None: ""}
                    rows.append(
                        [
                            source,
                            target,
                            skill,
                            name.get(la, LEVEL_NAMES[la] if la is not None else ""),
                            name.get(lb, LEVEL_NAMES[lb] if lb is not None else ""),
                            change,
                        ]
                    )
    return rows


def framework_project(dest: Path, roles: list[dict], skills: list[str]) -> SphinxTestApp:
    import json

    data = {
        "version": 2,
        "skills": [{"id": s, "title": s.title()} for s in skills],
        "roles": [
            {
                "id": r["id"],
                "title": r["id"].upper(),
                "skills": {s: LEVEL_NAMES[v] for s, v in r["skills"].items()},
                **({"next": r["next"]} if r.get("next") else {}),
                **({"expectations": r["expectations"]} if r.get("expectations") else {}),
            }
            for r in roles
        ],
    }
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "conf.py").write_text(
        'extensions = ["sphinx_teamext"]\nteamext_coverage = "off"\n', encoding="utf-8"
    )
    (dest / "framework.json").write_text(json.dumps(data), encoding="utf-8")
    (dest / "index.rst").write_text(
        "Framework\n=========\n\n.. team-import:: framework.json\n\n.. team-ladder::\n\n"
        ".. team-ladder::\n   :show: all\n",
        encoding="utf-8",
    )
    return build(dest)


#: Eight posts, two tracks from ic3 (an engineering and a management track).
FRAMEWORK = [
    {"id": "ic1", "skills": {"code": 1, "design": 1}, "next": ["ic2"]},
    {"id": "ic2", "skills": {"code": 2, "design": 1, "people": 1}, "next": ["ic3"]},
    {
        "id": "ic3",
        "skills": {"code": 3, "design": 2, "people": 1},
        "next": ["ic4", "em1"],
        "expectations": {"code": "Reviews others' code."},
    },
    {
        "id": "ic4",
        "skills": {"code": 3, "design": 3, "people": 2},
        "next": ["ic5"],
        "expectations": {"code": "Sets the code standards of a team."},
    },
    {"id": "ic5", "skills": {"code": 4, "design": 4, "people": 2}},
    {"id": "em1", "skills": {"design": 2, "people": 3, "hiring": 2}, "next": ["em2"]},
    {"id": "em2", "skills": {"design": 2, "people": 4, "hiring": 3}, "next": ["em3"]},
    {"id": "em3", "skills": {"people": 4, "hiring": 4, "strategy": 3}},
]
FRAMEWORK_SKILLS = ["code", "design", "people", "hiring", "strategy"]


def test_an_imported_eight_post_framework_gives_every_steps_rows(tmp_path):
    app = framework_project(tmp_path / "src", FRAMEWORK, FRAMEWORK_SKILLS)
    assert app.warning.getvalue() == ""
    changes = csv_rows(app, "index-team-ladder.csv")
    assert changes == oracle(FRAMEWORK, FRAMEWORK_SKILLS)
    assert ["ic3", "ic4", "code", "fluent", "fluent", "text"] in changes
    assert [r[:2] for r in changes[1:]].count(["ic3", "em1"]) == 3
    assert csv_rows(app, "index-team-ladder-2.csv") == oracle(
        FRAMEWORK, FRAMEWORK_SKILLS, show="all"
    )


@st.composite
def ladders(draw: st.DrawFn) -> tuple[list[dict], list[str]]:
    """Acyclic ladders: ``:next:`` only points to later posts, in any order."""
    skills = ["s1", "s2", "s3", "s4"]
    n = draw(st.integers(2, 8))
    roles = []
    for i in range(n):
        later = [f"r{j}" for j in range(i + 1, n)]
        nexts = draw(st.lists(st.sampled_from(later), unique=True, max_size=3)) if later else []
        levels = draw(st.dictionaries(st.sampled_from(skills), st.integers(0, 4), max_size=4))
        texts = draw(
            st.dictionaries(st.sampled_from(sorted(levels) or ["s1"]), st.sampled_from("ab"))
        )
        roles.append(
            {
                "id": f"r{i}",
                "skills": levels,
                "next": nexts,
                "expectations": {k: v for k, v in texts.items() if k in levels},
            }
        )
    return roles, skills


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(ladders())
def test_random_acyclic_ladders_match_the_oracle(tmp_path_factory, ladder):
    roles, skills = ladder
    app = framework_project(tmp_path_factory.mktemp("ladder") / "src", roles, skills)
    assert app.warning.getvalue() == ""
    if not any(r["next"] for r in roles):
        return
    assert csv_rows(app, "index-team-ladder.csv") == oracle(roles, skills)
    assert csv_rows(app, "index-team-ladder-2.csv") == oracle(roles, skills, show="all")


def growth_oracle(case: dict, gap: int = 2) -> list[list[str]]:
    """The growth CSV the spec describes, computed directly."""
    skills = ["s1", "s2", "s3", "s4"]
    role, target, have = case["role"], case["target"], case["person"]

    def latest(kinds: set[str]) -> dict[str, int]:
        found = [(a["date"], i, a) for i, a in enumerate(case["assessments"]) if a["by"] in kinds]
        return max(found, key=lambda x: x[:2])[2]["skills"] if found else {}

    mine, boss = latest({"self", "p"}), latest({"manager", "boss"})
    rows = []
    for index, skill in enumerate(skills):
        if skill not in role and skill not in target:
            continue
        steps = target[skill] - have[skill] if skill in target and skill in have else None
        own, other = mine.get(skill), boss.get(skill)
        flag = own is not None and other is not None and abs(own - other) >= gap

        def name(level: int | None) -> str:
            return "" if level is None else LEVEL_NAMES[level]

        row = [skill, name(have.get(skill)), name(role.get(skill)), name(target.get(skill))]
        row += ["" if steps is None else str(steps), name(own), name(other)]
        rows.append((steps is None, -(steps or 0), index, [*row, "calibrate" if flag else ""]))
    return [GROWTH_HEADER, *(r[-1] for r in sorted(rows, key=lambda r: r[:3]))]


LEVELS_OF = st.dictionaries(st.sampled_from(["s1", "s2", "s3", "s4"]), st.integers(0, 4))


@st.composite
def growth_cases(draw: st.DrawFn) -> dict:
    assessment = st.fixed_dictionaries(
        {
            "by": st.sampled_from(["self", "manager", "boss", "peer", "p"]),
            "date": st.sampled_from(["2026-01-01", "2026-01-02", "2026-02-01"]),
            "skills": LEVELS_OF,
        }
    )
    return {
        "role": draw(LEVELS_OF),
        "target": draw(LEVELS_OF),
        "person": draw(LEVELS_OF),
        "assessments": draw(st.lists(assessment, max_size=5)),
    }


def pairs(levels: dict[str, int]) -> str:
    return ", ".join(f"{k}={v}" for k, v in levels.items())


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(growth_cases())
def test_random_growth_views_match_the_oracle(tmp_path_factory, case):
    from helpers import build_pages

    skills = "\n".join(f":::{{skill}} s{i}\n:title: S{i}\n:::\n" for i in range(1, 5))
    blocks = "\n".join(
        f"::::{{assessment}}\n:by: {a['by']}\n:date: {a['date']}\n"
        + (f":skills: {pairs(a['skills'])}\n" if a["skills"] else "")
        + "::::\n"
        for a in case["assessments"]
    )

    def optional(name: str, levels: dict[str, int]) -> str:
        return f":{name}: {pairs(levels)}\n" if levels else ""

    page = (
        f"{skills}\n:::{{role-card}} r\n:title: R\n{optional('skills', case['role'])}:next: t\n:::\n\n"
        f":::{{role-card}} t\n:title: T\n{optional('skills', case['target'])}:::\n\n"
        ":::{person-card} boss\n:title: Boss\n:::\n\n:::{person-card} peer\n:title: Peer\n:::\n\n"
        f":::::{{person-card}} p\n:title: P\n:role: r\n{optional('skills', case['person'])}"
        f":reports-to: boss\n\n{blocks}:::::\n\n:::{{team-growth}}\n:person: p\n:::\n"
    )
    app = build_pages(
        tmp_path_factory.mktemp("growth"), {"team": page}, confoverrides={"teamext_coverage": "off"}
    )
    assert app.warning.getvalue() == ""
    assert csv_rows(app, "team-team-growth-p.csv") == growth_oracle(case)


def test_a_form_file_never_overwrites_another_views_data(tmp_path):
    """Person ``ana``'s form and person ``ana-form``'s data would share a name."""
    from helpers import build_pages

    cards = "".join(
        f":::{{person-card}} {ident}\n:title: {ident}\n:role: mle\n:skills: python={level}\n:::\n\n"
        for ident, level in (("ana", 1), ("ana-form", 2))
    )
    views = "".join(
        f":::{{team-growth}}\n:person: {ident}\n:target: mle\n:::\n\n"
        for ident in ("ana-form", "ana")
    )
    page = (
        ":::{skill} python\n:title: Python\n:::\n\n"
        ":::{role-card} mle\n:title: MLE\n:skills: python=2\n:::\n\n" + cards + views
    )
    app = build_pages(tmp_path, {"team": page}, confoverrides={"teamext_coverage": "off"})
    assert app.warning.getvalue() == ""
    links = [a["href"] for a in soup(app, "team.html").select("a.teamext-download")]
    assert len(set(links)) == 4
    data = [csv_rows(app, link.removeprefix("_teamext/")) for link in links]
    assert [rows[0] for rows in data] == [GROWTH_HEADER, FORM_HEADER] * 2
    assert data[0][1][1] == "proficient" and data[2][1][1] == "learning"  # ana-form, then ana


def test_an_eight_level_scale_without_none_numbers_from_1(tmp_path):
    """A framework's own scale (eight names, none meaning "nothing"): page
    numbers count from 1, data files give names, the CSVs give names."""
    import json

    names = [f"L{i}" for i in range(1, 9)]
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["sphinx_teamext"]\nteamext_coverage = "off"\n'
        f"teamext_levels = {names!r}\nteamext_none_level = None\n",
        encoding="utf-8",
    )
    roles = [
        {"id": "e1", "title": "E1", "skills": {"code": "L1"}, "next": ["e2", "m2"]},
        {"id": "e2", "title": "E2", "skills": {"code": "L2", "people": "L1"}},
    ]
    (src / "f.json").write_text(
        json.dumps(
            {
                "version": 2,
                "skills": [{"id": "code", "title": "Code"}, {"id": "people", "title": "People"}],
                "roles": roles,
            }
        ),
        encoding="utf-8",
    )
    (src / "index.rst").write_text(
        "X\n=\n\n.. team-import:: f.json\n\n.. role-card:: m2\n   :title: M2\n"
        "   :skills: code=1, people=8\n\n.. person-card:: p\n   :title: P\n   :role: e1\n"
        "   :skills: code=1\n\n   .. assessment::\n      :by: self\n      :date: 2026-01-01\n"
        "      :skills: code=2\n\n.. team-ladder::\n\n.. team-growth::\n   :person: p\n",
        encoding="utf-8",
    )
    app = build(src)
    assert app.warning.getvalue() == ""
    assert csv_rows(app, "index-team-ladder.csv") == [
        LADDER_HEADER,
        ["e1", "e2", "code", "L1", "L2", "raised"],
        ["e1", "e2", "people", "", "L1", "new"],
        ["e1", "m2", "people", "", "L8", "new"],
    ]
    assert csv_rows(app, "index-team-growth-p.csv") == [
        GROWTH_HEADER,
        ["code", "L1", "L1", "L2", "1", "L2", "", ""],
        ["people", "", "", "L1", "", "", "", ""],
    ]
