"""The handbook itself: it builds cleanly, every chapter has content, every
team record is defined once and rendered, the prose stays sourced, the
templates are labelled, and the front page's reading paths lead somewhere.

The handbook is built once per module (about ten seconds) with the same
options as the ``docs`` session, into a temporary directory.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from helpers import CHAPTERS as BOOK_CHAPTERS

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
#: The shared source folder sits beside the repository (``../shared``).
SHARED = ROOT.parent / "shared"
FACTS = SHARED / "source" / "FACTS.md"
SEED = SHARED / "source" / "retrospective-seed.md"
COPYCHECK = SHARED / "tools" / "copycheck.py"

CHAPTERS = [*BOOK_CHAPTERS, "templates"]
MIN_WORDS = 300
#: As in the ``docs`` session: warnings are errors, references are checked.
SPHINX_OPTS = ["-W", "--keep-going", "-n", "-q"]

#: The records the handbook promises, by kind.
EXPECTED = {
    "role": {"mle", "ml-lead", "data-scientist", "data-engineer", "ml-researcher"},
    "person": {"ceo", "person-a", "person-b", "person-c"},
    "stage": {"intro-call", "programming-challenge", "ml-challenge", "ml-interview"},
    "skill": {
        "api-design",
        "code-quality",
        "nlp-ml",
        "system-design",
        "databases",
        "devops-cloud",
        "dl-speed",
        "analytics-experimentation",
        "data-pipelines",
        "research-modelling",
        "mlops",
    },
}
DIRECTIVE_KINDS = {
    "role-card": "role",
    "person-card": "person",
    "interview-stage": "stage",
    "skill": "skill",
}
DIRECTIVE_RE = re.compile(r"^:{3,}\{(role-card|person-card|interview-stage|skill)\}\s+(\S+)", re.M)
FACTS_COMMENT_RE = re.compile(r"<!--\s*facts:(.*?)-->", re.S)
FACT_ID_RE = re.compile(r"^- ([A-Z]\d+)\.", re.M)


@dataclass
class Build:
    returncode: int
    stderr: str
    out: Path

    def page(self, docname: str) -> BeautifulSoup:
        return BeautifulSoup((self.out / f"{docname}.html").read_text("utf-8"), "html.parser")

    def pages(self) -> dict[str, BeautifulSoup]:
        return {
            path.relative_to(self.out).with_suffix("").as_posix(): BeautifulSoup(
                path.read_text("utf-8"), "html.parser"
            )
            for path in sorted(self.out.rglob("*.html"))
            if "_static" not in path.parts
        }


@pytest.fixture(scope="module")
def build(handbook_html) -> Build:
    """The session's one build of the handbook (see conftest.handbook_html)."""
    return Build(handbook_html.returncode, handbook_html.output, handbook_html.outdir)


def card(soup: BeautifulSoup, kind: str, ident: str) -> Tag:
    found = soup.find(id=f"team-{kind}-{ident}")
    assert isinstance(found, Tag), f"no card team-{kind}-{ident}"
    return found


def field(card_tag: Tag, name: str) -> Tag:
    """The value (``dd``) of a card's field, by its label."""
    for dt in card_tag.find_all("dt"):
        if dt.get_text(" ", strip=True).rstrip(" :") == name:
            dd = dt.find_next_sibling("dd")
            assert isinstance(dd, Tag)
            return dd
    raise AssertionError(f"{card_tag['id']} has no field {name!r}")


def row_label(tr: Tag) -> str:
    first = tr.find(["th", "td"])
    assert isinstance(first, Tag)
    return first.get_text(" ", strip=True)


def hrefs(tag: Tag) -> list[str]:
    return [str(a["href"]) for a in tag.find_all("a", href=True)]


def test_build_has_no_warnings(build: Build) -> None:
    assert build.returncode == 0, build.stderr
    assert "WARNING" not in build.stderr, build.stderr


@pytest.mark.parametrize("docname", CHAPTERS)
def test_chapter_has_real_content(build: Build, docname: str) -> None:
    article = build.page(docname).find("article")
    assert isinstance(article, Tag)
    words = article.get_text(" ", strip=True).split()
    assert len(words) > MIN_WORDS, f"{docname} has only {len(words)} words"
    assert article.find("h2") is not None, f"{docname} has no sections"


def test_every_record_is_defined_once_in_the_sources() -> None:
    found: Counter[tuple[str, str]] = Counter()
    for path in DOCS.rglob("*.md"):
        if "reference" in path.relative_to(DOCS).parts:
            continue  # the reference shows examples, not the handbook's records
        for directive, ident in DIRECTIVE_RE.findall(path.read_text("utf-8")):
            found[(DIRECTIVE_KINDS[directive], ident)] += 1
    twice = sorted(key for key, n in found.items() if n > 1)
    assert twice == []
    for kind, idents in EXPECTED.items():
        assert {i for k, i in found if k == kind} == idents, kind


def test_every_record_renders_one_card(build: Build) -> None:
    anchors: Counter[str] = Counter()
    for docname, soup in build.pages().items():
        if docname.startswith("reference/"):
            continue
        for tag in soup.find_all(class_="teamext-card"):
            anchors[str(tag.get("id"))] += 1
    for kind, idents in EXPECTED.items():
        for ident in idents:
            assert anchors[f"team-{kind}-{ident}"] == 1, f"team-{kind}-{ident}"
    for docname, kind, ident in [
        ("one-role", "role", "mle"),
        ("one-role", "person", "person-a"),
        ("hiring", "skill", "api-design"),
        ("prep-guide/stages", "stage", "ml-challenge"),
    ]:
        tag = card(build.page(docname), kind, ident)
        assert f"teamext-{kind}" in tag["class"]
        assert tag.find(class_="teamext-card-title") is not None


def test_stages_link_back_to_the_mle_role(build: Build) -> None:
    soup = build.page("prep-guide/stages")
    for ident in EXPECTED["stage"]:
        roles = field(card(soup, "stage", ident), "Roles that go through it")
        assert "../one-role.html#team-role-mle" in hrefs(roles), ident


def test_mle_card_lists_the_four_stages_in_order(build: Build) -> None:
    stages = field(card(build.page("one-role"), "role", "mle"), "Interview stages")
    assert [h.rsplit("#", 1)[1] for h in hrefs(stages)] == [
        "team-stage-intro-call",
        "team-stage-programming-challenge",
        "team-stage-ml-challenge",
        "team-stage-ml-interview",
    ]


def test_ml_challenge_keeps_only_the_red_flag_the_source_gives(build: Build) -> None:
    flags = card(build.page("prep-guide/stages"), "stage", "ml-challenge").find(
        class_="teamext-red-flags"
    )
    assert isinstance(flags, Tag)
    items = flags.find_all("li")
    assert len(items) == 1, [li.get_text(" ", strip=True) for li in items]
    assert "blog post" in items[0].get_text(" ")


def test_people_report_to_the_lead(build: Build) -> None:
    soup = build.page("one-role")
    for ident in EXPECTED["person"] - {"ceo"}:
        person = card(soup, "person", ident)
        assert hrefs(field(person, "Role")) == ["#team-role-mle"]
        assert hrefs(field(person, "Reports to")) == ["#team-role-ml-lead"]
    lead = card(soup, "role", "ml-lead")
    assert hrefs(field(lead, "Reports to")) == ["team-structure.html#team-person-ceo"]


def test_skill_maps_show_people_and_roles(build: Build) -> None:
    maps = build.page("one-role").find_all("table", class_="teamext-skill-map-table")
    assert len(maps) == 2
    rows = [[row_label(tr) for tr in table.select("tbody > tr")] for table in maps]
    assert ["Person A", "Person B", "Person C"] in rows
    assert sum("Machine learning engineer" in r for r in rows) == 1


@pytest.mark.skipif(
    not FACTS.exists(), reason=f"no FACTS.md in {SHARED} (../shared beside the repository)"
)
def test_every_fact_is_used() -> None:
    facts = set(FACT_ID_RE.findall(FACTS.read_text("utf-8")))
    used: set[str] = set()
    for path in DOCS.rglob("*.md"):
        for match in FACTS_COMMENT_RE.finditer(path.read_text("utf-8")):
            used.update(match.group(1).split())
    assert facts, "no fact ids found in FACTS.md"
    assert sorted(facts - used) == []
    assert sorted(used - facts) == [], "facts comments name ids FACTS.md does not have"


@pytest.mark.skipif(
    not (COPYCHECK.exists() and SEED.exists() and FACTS.exists()),
    reason=f"copycheck.py or the source is missing from {SHARED} (../shared beside the repository)",
)
def test_no_sentence_is_copied_from_the_source() -> None:
    done = subprocess.run(
        [sys.executable, str(COPYCHECK), str(DOCS), str(SEED), str(FACTS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout


# -- Second edition: templates, the front page, one home per list -------------

TEMPLATES = {
    "Template: MLE job posting",
    "Template: programming take-home brief",
    "Template: ML take-home brief",
    "Template: project one-pager",
    "Template: weekly 1:1",
}
#: The front page's reading paths: card title -> the most links it may hold.
PATHS = {
    "Founders and CTOs": 4,
    "New ML leads": 4,
    "Candidates": 4,
}


def heading_text(tag: Tag) -> str:
    return tag.get_text(" ", strip=True).rstrip("¶ ").strip()


def articles(build: Build) -> dict[str, Tag]:
    """The main text of every handbook page (not the reference or generated pages)."""
    found: dict[str, Tag] = {}
    for docname, soup in build.pages().items():
        if docname.startswith("reference/") or docname in {"search", "genindex", "404"}:
            continue
        article = soup.find("article")
        if isinstance(article, Tag) and not docname.startswith("team-"):
            found[docname] = article
    return found


def template_sections(build: Build) -> dict[str, Tag]:
    sections: dict[str, Tag] = {}
    for article in articles(build).values():
        for h2 in article.find_all("h2"):
            title = heading_text(h2)
            if title.startswith("Template:"):
                assert title not in sections, f"two sections named {title!r}"
                section = h2.find_parent("section")
                assert isinstance(section, Tag), title
                sections[title] = section
    return sections


def test_every_promised_template_is_a_titled_section(build: Build) -> None:
    assert set(template_sections(build)) >= TEMPLATES


def test_every_template_says_it_is_guidance(build: Build) -> None:
    for title, section in template_sections(build).items():
        assert "guidance" in section.get_text(" ").lower(), f"{title} is not labelled guidance"


def test_take_home_briefs_say_what_reviewers_check(build: Build) -> None:
    sections = template_sections(build)
    for title, stage in [
        ("Template: programming take-home brief", "programming-challenge"),
        ("Template: ML take-home brief", "ml-challenge"),
    ]:
        headings = [heading_text(h) for h in sections[title].find_all("h3")]
        assert "What reviewers check" in headings, title
        # the list itself lives on the stage card; the brief links to it
        assert any(h.endswith(f"#team-stage-{stage}") for h in hrefs(sections[title])), title


def test_front_page_offers_three_reading_paths_to_existing_pages(build: Build) -> None:
    article = build.page("index").find("article")
    assert isinstance(article, Tag)
    cards = article.select(".sd-card")
    titles = [heading_text(c.select_one(".sd-card-title")) for c in cards]
    assert titles == list(PATHS)
    for title, card_tag in zip(titles, cards, strict=True):
        links = hrefs(card_tag)
        assert 3 <= len(links) <= PATHS[title], (title, links)
        for href in links:
            assert "://" not in href and not href.startswith("#"), (title, href)
            page = href.split("#", 1)[0]
            assert page.endswith(".html") and (build.out / page).is_file(), (title, href)
        assert len(set(links)) == len(links), title


def test_front_page_links_no_download_by_hand() -> None:
    """Downloads are added by docs/_ext where the files exist, never typed into the page."""
    text = (DOCS / "index.md").read_text("utf-8")
    assert not re.search(r"\]\([^)]*\.(pdf|epub)\)|<[^>]*\.(pdf|epub)>", text, re.I)


def test_reference_sits_in_its_own_section_for_maintainers(build: Build) -> None:
    article = build.page("index").find("article")
    assert isinstance(article, Tag)
    by_caption: dict[str, list[str]] = {}
    for wrapper in article.select(".toctree-wrapper"):
        caption = wrapper.select_one(".caption-text")
        assert isinstance(caption, Tag)
        by_caption[caption.get_text(strip=True)] = [h for h in hrefs(wrapper) if "#" not in h]
    assert by_caption["For maintainers"] == ["reference/index.html"]
    assert by_caption["Appendix"] == ["glossary.html"]
    assert list(by_caption)[-1] == "For maintainers"


#: Each list has one home; a word that only that list uses marks it.
ONE_HOME = {
    "isort": "prep-guide/stages",  # the code checklist
    "k-means": "prep-guide/stages",  # the breadth topics
    "initiative": "prep-guide/index",  # what counts more than success
}


@pytest.mark.parametrize("marker", sorted(ONE_HOME))
def test_each_list_has_one_home(build: Build, marker: str) -> None:
    pages = sorted(
        name for name, article in articles(build).items() if marker in article.get_text(" ").lower()
    )
    assert pages == [ONE_HOME[marker]]


#: Meaning errors of the first edition, by page: none may come back.
CORRECTED = [
    ("hiring", "programming language"),
    ("stakeholders", "Hard Thing"),
    ("one-role", "stayed hands-on"),
    ("one-role", "early hire"),
    ("outcomes", "measured one speed"),
    ("outcomes", "causes the source itself names"),
    ("mindset", "matters at all"),
    ("team-structure", "can afford one"),
    ("team-structure", "Google Docs for specifications"),
    ("team-structure", "every engineer answers to the lead"),
]


@pytest.mark.parametrize(("docname", "phrase"), CORRECTED)
def test_corrected_meaning_errors_stay_corrected(build: Build, docname: str, phrase: str) -> None:
    article = build.page(docname).find("article")
    assert isinstance(article, Tag)
    assert phrase.lower() not in " ".join(article.get_text(" ").split()).lower()


def test_reading_list_keeps_the_three_groups_of_the_source(build: Build) -> None:
    article = build.page("stakeholders").find("article")
    assert isinstance(article, Tag)
    section = article.find(id="reading-list")
    assert isinstance(section, Tag)
    groups = section.find("ol")
    assert isinstance(groups, Tag)
    assert len(groups.find_all("li", recursive=False)) == 3
