"""The handbook itself: it builds cleanly, every chapter has content, every
team record is defined once and rendered, and the prose stays sourced.

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
SHARED = Path("/work/shared")
FACTS = SHARED / "source" / "FACTS.md"
SEED = SHARED / "source" / "retrospective-seed.md"
COPYCHECK = SHARED / "tools" / "copycheck.py"

CHAPTERS = BOOK_CHAPTERS
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
        ("one-role", "skill", "api-design"),
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


def test_ml_challenge_keeps_its_red_flags(build: Build) -> None:
    flags = card(build.page("prep-guide/stages"), "stage", "ml-challenge").find(
        class_="teamext-red-flags"
    )
    assert isinstance(flags, Tag)
    assert "blog post" in flags.get_text(" ")


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
    assert rows[0] == ["Person A", "Person B", "Person C"]
    assert "Machine learning engineer" in rows[1]


@pytest.mark.skipif(not FACTS.exists(), reason="the shared source is not on this machine")
def test_every_fact_is_used() -> None:
    facts = set(FACT_ID_RE.findall(FACTS.read_text("utf-8")))
    used: set[str] = set()
    for path in DOCS.rglob("*.md"):
        for match in FACTS_COMMENT_RE.finditer(path.read_text("utf-8")):
            used.update(match.group(1).split())
    assert facts, "no fact ids found in FACTS.md"
    assert sorted(facts - used) == []
    assert sorted(used - facts) == [], "facts comments name ids FACTS.md does not have"


@pytest.mark.skipif(not COPYCHECK.exists(), reason="copycheck.py is not on this machine")
def test_no_sentence_is_copied_from_the_source() -> None:
    done = subprocess.run(
        [sys.executable, str(COPYCHECK), str(DOCS), str(SEED)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout
