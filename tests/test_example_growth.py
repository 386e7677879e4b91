"""examples/growth, the own-handbook guide's worked example: it builds with -W
semantics (no warning) and says what the guide says it shows."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import build

EXAMPLE = Path(__file__).parent.parent / "examples" / "growth"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    src = tmp_path_factory.mktemp("growth") / "src"
    shutil.copytree(EXAMPLE, src)
    return build(src)


def rows(app, name: str) -> list[dict[str, str]]:
    text = (app.outdir / "_teamext" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_example_builds_without_warnings(app):
    assert app.warning.getvalue() == ""


def test_the_ladder_splits_into_two_tracks(app):
    steps = [(r["from"], r["to"]) for r in rows(app, "ladder-team-ladder.csv")]
    assert list(dict.fromkeys(steps)) == [
        ("de-1", "de-2"),
        ("de-2", "de-senior"),
        ("de-2", "de-manager"),
    ]


def test_the_growth_table_puts_the_largest_gap_first_with_the_filled_form(app):
    found = rows(app, "people-team-growth-sam.csv")
    assert [(r["skill"], r["gap"], r["self"], r["manager"]) for r in found] == [
        ("modelling", "2", "junior", "mid"),
        ("pipelines", "1", "senior", "mid"),
    ]
    page = BeautifulSoup((app.outdir / "people.html").read_text(encoding="utf-8"), "html.parser")
    card = page.select_one("#team-person-sam")
    assert "Self assessment (2026-04-02)" in card.get_text(" ")
    assert "Moved the nightly load to streaming" in card.get_text(" ")
