"""Each skill map's CSV file: written by html, dirhtml and singlehtml builds,
linked next to the caption, and read back by the ``csv`` module to the values
the map shows. The EPUB has no link (a book links no files outside itself)."""

from __future__ import annotations

import csv
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from test_export import TEAM, build, make

LEVELS = ["none", "learning", "proficient", "fluent", "expert"]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return build(make(tmp_path_factory.mktemp("csv") / "src", TEAM))


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_csv_reads_back_to_the_maps_values(app):
    roles = read(app.outdir / "_teamext" / "team-teamext-map.csv")
    assert roles == [
        ["Role", "SQL", "SQL – expectation", "Python", "Python – expectation"],
        # suggested levels (:guidance: skills) keep their marker, as on the page
        ["Senior engineer 1", "fluent †", "Designs schemas others extend.", "fluent †", ""],
        ["SQL specialist", "expert", "", "", ""],
        ["Lead", "proficient", "", "", ""],
    ]
    people = read(app.outdir / "_teamext" / "team-teamext-map-2.csv")
    assert people == [["Person", "SQL", "Python"], ["Person A", "expert", "proficient"]]


def test_csv_is_rfc_4180(app):
    raw = (app.outdir / "_teamext" / "team-teamext-map.csv").read_bytes()
    assert raw.count(b"\r\n") == 4 and b"\n" not in raw.replace(b"\r\n", b"")


def test_quoting_survives_commas_quotes_and_newlines(tmp_path):
    team = TEAM.replace("Designs *schemas* others extend.", 'Says "no", then\nwrites it down.')
    built = build(make(tmp_path / "src", team))
    rows = read(built.outdir / "_teamext" / "team-teamext-map.csv")
    assert rows[1][2] == 'Says "no", then writes it down.'


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml"])
def test_the_link_sits_by_the_caption_and_finds_the_file(tmp_path, builder):
    built = build(make(tmp_path / "src", TEAM), builder)
    page = {"html": "team.html", "dirhtml": "team/index.html", "singlehtml": "index.html"}[builder]
    html = BeautifulSoup((built.outdir / page).read_text(encoding="utf-8"), "html.parser")
    links = html.select("a.teamext-download")
    assert [a.get_text() for a in links] == ["Download CSV", "Download CSV"]
    assert links[0].find_parent("caption") is not None  # next to the caption
    assert links[1].find_parent("caption") is None  # the map without one
    for link in links:
        target = urljoin(page, link["href"])
        assert (built.outdir / target).is_file(), target


def test_no_link_in_the_epub(tmp_path):
    built = build(make(tmp_path / "src", TEAM), "epub")
    text = "".join(p.read_text(encoding="utf-8") for p in built.outdir.glob("*.xhtml"))
    assert "teamext-skill-map-table" in text
    assert "Download CSV" not in text and "_teamext" not in text


def test_a_map_of_levels_has_level_columns_only(tmp_path):
    team = TEAM.replace(":cells: both\n", "")
    built = build(make(tmp_path / "src", team))
    rows = read(built.outdir / "_teamext" / "team-teamext-map.csv")
    assert rows[0] == ["Role", "SQL", "Python"]
    marked = [f"{name} †" for name in LEVELS]
    assert all(cell in ["", *LEVELS, *marked] for row in rows[1:] for cell in row[1:])
