"""The coverage check: gaps between roles, skills and interview stages."""

from __future__ import annotations

import pytest
from helpers import build, copy_root


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(copy_root("insight-coverage", tmp_path_factory.mktemp("coverage")))


def coverage_of(found):
    return [w for w in found if w[3] == "teamext.coverage"]


def test_each_gap_is_reported_once_at_the_record_at_fault(built, warnings_of):
    assert coverage_of(warnings_of(built)) == [
        (
            "skills.md",
            7,
            "skill 'unassessed' is assessed by no interview stage",
            "teamext.coverage",
        ),
        (
            "skills.md",
            15,
            "skill 'unused' is used by no role, person or interview stage",
            "teamext.coverage",
        ),
        ("skills.md", 19, "skill 'held' is assessed by no interview stage", "teamext.coverage"),
        ("skills.md", 33, "interview stage 'empty-stage' assesses nothing", "teamext.coverage"),
        (
            "roles.md",
            3,
            "role 'engineer' requires skill 'unassessed', which none of its "
            "interview stages assesses",
            "teamext.coverage",
        ),
        (
            "roles.md",
            3,
            "role 'engineer' requires skill 'elsewhere', which none of its "
            "interview stages assesses",
            "teamext.coverage",
        ),
        ("roles.md", 9, "role 'no-stages' lists no interview stage", "teamext.coverage"),
    ]


def test_unknown_ids_are_not_reported_twice(built, warnings_of):
    found = warnings_of(built)
    # 'ghost' and 'nope' name nothing: teamext.unknown says so, coverage stays quiet
    assert [w[2] for w in found if w[3] == "teamext.unknown"] == [
        "interview stage 'other': :assesses: names unknown skill 'ghost'",
        "role 'engineer': :skills: names unknown skill 'ghost'",
        "role 'engineer': :stages: names unknown interview stage 'nope'",
    ]
    assert not [w for w in coverage_of(found) if "ghost" in w[2] or "nope" in w[2]]
    # a level-0 listing asks for nothing
    assert not [w for w in coverage_of(found) if "requires skill 'held'" in w[2]]
    assert len(found) == 10


@pytest.mark.parametrize(
    "overrides",
    [{"teamext_coverage": "off"}, {"suppress_warnings": ["teamext.coverage"]}],
    ids=["off", "suppressed"],
)
def test_off_or_suppressed(tmp_path, warnings_of, overrides):
    app = build(copy_root("insight-coverage", tmp_path), confoverrides=overrides)
    found = warnings_of(app)
    assert not coverage_of(found)
    assert len(found) == 3  # the unknown ids remain
