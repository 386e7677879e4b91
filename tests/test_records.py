"""Records render as cards with links both ways, from MyST and from RST alike."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from helpers import build, copy_root, resolved

from sphinx_teamext.domain import TeamDomain
from sphinx_teamext.model import Person, Role, Skill, Stage


def soup(app, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{page}.html").read_text(encoding="utf-8"), "html.parser")


def card(app, page: str, anchor: str):
    found = soup(app, page).find(id=anchor)
    assert found is not None, f"no element #{anchor} in {page}.html"
    return found


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(copy_root("core-myst", tmp_path_factory.mktemp("core")))


def test_builds_without_warnings(built):
    assert built.warning.getvalue() == ""


def test_domain_holds_typed_records_in_document_order(built):
    domain = built.env.get_domain("team")
    assert isinstance(domain, TeamDomain)
    assert [s.id for s in domain.all_skills()] == ["api-design", "code-quality", "nlp-ml"]
    mle = domain.lookup("role", "mle")
    assert isinstance(mle, Role)
    assert mle.skills == (("api-design", 3), ("code-quality", 3), ("nlp-ml", 3))
    assert mle.stages == ("programming-challenge",)
    assert mle.reports_to == "ml-lead"
    assert (mle.docname, mle.lineno) == ("roles", 7)
    stage = domain.lookup("stage", "programming-challenge")
    assert isinstance(stage, Stage)
    assert stage.order == 2 and stage.format == "Take-home, 2-3 days"
    assert stage.red_flags == ("Star imports",)
    skill = domain.lookup("skill", "api-design")
    assert isinstance(skill, Skill)
    assert skill.level_text == ((3, "Names endpoints well and separates views from models."),)
    person = domain.lookup("org", "person-a")
    assert isinstance(person, Person) and person.role == "mle"


def test_role_card_shows_skills_levels_stages_and_manager(built):
    mle = card(built, "roles", "team-role-mle")
    assert "teamext-card" in mle["class"] and "teamext-role" in mle["class"]
    assert text(mle.find(class_="teamext-card-title")) == "Role Machine Learning Engineer"
    assert text(mle.find(class_="teamext-summary")) == (
        "Takes NLP systems from research to production."
    )
    links = {a["href"]: text(a) for a in mle.find_all("a")}
    assert links["skills.html#team-skill-api-design"] == "Low-level API design for web services"
    assert links["skills.html#team-stage-programming-challenge"] == "Programming challenge"
    assert links["#team-role-ml-lead"] == "ML lead"
    levels = [text(lv) for lv in mle.find_all(class_="teamext-level")]
    assert levels == ["■■■□ fluent (3/4)"] * 3
    pips = mle.find(class_="teamext-pips")
    assert pips["aria-hidden"] == "true"
    # the body comes after the facts
    assert text(mle).endswith("Owns models end to end.")


def test_person_card_links_role_and_marks_depth(built):
    person = card(built, "roles", "team-person-person-a")
    fields = text(person.find(class_="teamext-fields"))
    assert "Role : Machine Learning Engineer" in fields
    depth = person.find_all(class_="teamext-depth")
    assert [text(d) for d in depth] == ["■■■■ expert (4/4)"]


def test_skill_lists_backlinks_across_pages(built):
    skill = card(built, "skills", "team-skill-api-design")
    back = text(skill.find(class_="teamext-backlinks"))
    assert "Required by roles : Machine Learning Engineer — ■■■□ fluent (3/4)" in back
    assert "Held by people : Person A — ■■■■ expert (4/4)" in back
    assert "Assessed in : Programming challenge" in back
    level = skill.find(class_="teamext-skill-level")
    assert text(level) == "3 · fluent Names endpoints well and separates views from models."
    nlp = text(card(built, "skills", "team-skill-nlp-ml"))
    assert "Assessed in : not recorded" in nlp  # no stage lists it: unknown, not "none"


def test_stage_lists_skills_and_roles(built):
    stage = card(built, "skills", "team-stage-programming-challenge")
    fields = text(stage.find(class_="teamext-fields"))
    assert "Stage : 2" in fields and "Format : Take-home, 2-3 days" in fields
    assert "Assesses : Low-level API design for web services , Programming mindset" in fields
    back = stage.find(class_="teamext-backlinks")
    assert [a["href"] for a in back.find_all("a")] == ["roles.html#team-role-mle"]
    assert "Red flags" in text(stage) and "Star imports" in text(stage)


def test_skill_map_is_a_table_with_depth_marked(built):
    maps = soup(built, "index").find_all(class_="teamext-skill-map")
    assert len(maps) == 2
    # a wide map scrolls: keyboard users can focus it, screen readers hear its name
    assert (maps[0]["tabindex"], maps[0]["role"], maps[0]["aria-label"]) == (
        "0",
        "region",
        "First hires",
    )
    assert maps[1]["aria-label"] == "Skill map"
    people = maps[0].find("table")
    assert text(people.find("caption")).startswith("First hires")
    header = [text(th) for th in people.find("thead").find_all("th")]
    assert header == [
        "Person",
        "Low-level API design for web services",
        "Programming mindset and quality",
    ]
    row = [text(td) for td in people.find("tbody").find_all("td")]
    assert row == ["Person A", "■■■■ expert (4/4)", "■■□□ proficient (2/4)"]
    cells = people.find("tbody").find_all("td")
    assert "teamext-depth" in cells[1].get("class", [])
    assert "teamext-depth" not in cells[2].get("class", [])
    assert "Scale: 0 none, 1 learning, 2 proficient, 3 fluent, 4 expert." in text(maps[0])
    chosen = maps[1].find("table")
    assert [text(th) for th in chosen.find("thead").find_all("th")] == [
        "Role or person",
        "Programming mindset and quality",
    ]
    rows = [text(tr.find("td")) for tr in chosen.find("tbody").find_all("tr")]
    assert rows == ["Machine Learning Engineer", "Person A"]


def test_cross_references_show_titles_and_resolve(built):
    body = soup(built, "index")
    hrefs = {a["href"]: text(a) for a in body.find_all("a", class_="reference internal")}
    assert hrefs["roles.html#team-role-mle"] == "Machine Learning Engineer"
    assert hrefs["skills.html#team-stage-programming-challenge"] == "the challenge"
    assert hrefs["roles.html#team-person-person-a"] in ("Person A",)
    # The references stay inline in their sentence, in order, showing the titles.
    link = body.find("a", href="roles.html#team-role-mle")
    para = link.find_parent("p")
    assert para is not None
    assert " ".join(para.get_text().split()).startswith(
        "The Machine Learning Engineer needs Low-level API design for web services; "
        "see the challenge and Person A."
    )


def test_domain_indices_list_records(built):
    roles = BeautifulSoup(
        (built.outdir / "team-roleindex.html").read_text(encoding="utf-8"), "html.parser"
    )
    entries = [text(a) for a in roles.find_all("a") if "team-role-" in a.get("href", "")]
    assert entries == ["Machine Learning Engineer", "ML lead"]  # alphabetical
    skills = (built.outdir / "team-skillindex.html").read_text(encoding="utf-8")
    assert "Low-level API design for web services" in skills
    assert "Programming challenge" in skills


@pytest.fixture(scope="module")
def doctrees(tmp_path_factory):
    trees = {}
    for flavour in ("myst", "rst"):
        app = build(copy_root(f"core-{flavour}", tmp_path_factory.mktemp(flavour)))
        assert app.warning.getvalue() == "", flavour
        trees[flavour] = {doc: resolved(app, doc) for doc in ("skills", "roles")}
        trees[flavour]["maps"] = [m.deepcopy() for m in resolved(app, "index").findall(nodes.table)]
    return trees


def _shape(node: nodes.Node) -> str:
    """The tree without source-specific attributes (source, line, raw text)."""
    copy = node.deepcopy()
    for n in copy.findall(nodes.Element):
        for key in ("source", "line", "rawtext", "refdoc"):
            n.attributes.pop(key, None)
    return copy.pformat()


@pytest.mark.parametrize("doc", ["skills", "roles"])
def test_myst_and_rst_give_the_same_doctree(doctrees, doc):
    assert _shape(doctrees["myst"][doc]) == _shape(doctrees["rst"][doc])


def test_myst_and_rst_give_the_same_maps(doctrees):
    assert [_shape(t) for t in doctrees["myst"]["maps"]] == [
        _shape(t) for t in doctrees["rst"]["maps"]
    ]


def test_search_indexes_what_cards_and_maps_show(built):
    """Cards and maps are expanded only while HTML is written; the words they
    show still reach the search index, under the page that shows them."""
    text = (built.outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    docs = index["docnames"]

    def pages(term: str) -> set[str]:
        found = index["terms"].get(term, [])
        return {docs[i] for i in ([found] if isinstance(found, int) else found)}

    assert "roles" in pages("product")  # "production", only in the MLE card's summary
    assert "roles" in pages("fluent")  # a level name, only inside card fields
    assert "skills" in pages("engin")  # "Engineer", a backlink on a skill card
