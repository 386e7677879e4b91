"""Every kind of bad input: a located ``teamext.*`` warning and a graceful fallback."""

from __future__ import annotations

import pytest
from conftest import has_warning, parse_warnings
from helpers import build, copy_root

from sphinx_teamext.warnings import SUBTYPES, warn

#: Each problem at the line of the option it is about (an unknown id in a list:
#: the option's line; a reports-to cycle: the :reports-to: where the chart breaks
#: it); problems with no option (a bad id, a missing option) at the directive.
EXPECTED = [
    ("index.md", 13, "role-card: level 9 is outside the scale 0-4", "teamext.level"),
    ("index.md", 13, "role-card: unknown level 'guru'", "teamext.level"),
    (
        "index.md",
        21,
        "person-card: expected skill=level in skills, got 'api-design'",
        "teamext.option",
    ),
    (
        "index.md",
        32,
        "interview-stage: order must be a whole number, got 'first'",
        "teamext.option",
    ),
    ("index.md", 33, "interview-stage: empty item in assesses list", "teamext.option"),
    ("index.md", 36, "skill: malformed skill id 'Bad_Id'", "teamext.option"),
    ("index.md", 40, "skill: missing required option :title:", "teamext.option"),
    ("index.md", 45, "skill: unknown option :grup: (did you mean :group:?)", "teamext.option"),
    ("index.md", 54, "skill-map: option :rows: is empty", "teamext.option"),
    (
        "other.md",
        3,
        "duplicate skill id 'api-design': defined here and at index.md:7",
        "teamext.duplicate",
    ),
    ("index.md", 13, "role 'mle': :skills: names unknown skill 'ghost-skill'", "teamext.unknown"),
    (
        "index.md",
        15,
        "role 'mle': :reports-to: names unknown role or person 'ghost-boss'",
        "teamext.unknown",
    ),
    (
        "index.md",
        14,
        "role 'mle': :stages: names unknown interview stage 'ghost-stage'",
        "teamext.unknown",
    ),
    (
        "index.md",
        20,
        "person 'person-a': :role: names unknown role 'ghost-role'",
        "teamext.unknown",
    ),
    (
        "index.md",
        33,
        "interview stage 'intro': :assesses: names unknown skill 'ghost-skill'",
        "teamext.unknown",
    ),
    ("index.md", 49, "skill-map: :rows: names unknown role or person 'nobody'", "teamext.unknown"),
    ("index.md", 50, "skill-map: :skills: names unknown skill 'ghost-skill'", "teamext.unknown"),
    ("index.md", 22, "reports-to cycle: person-a -> person-b -> person-a", "teamext.cycle"),
    ("index.md", 57, "{team:skill} reference to unknown skill 'missing-skill'", "teamext.unknown"),
]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return build(copy_root("core-warnings", tmp_path_factory.mktemp("warn")))


@pytest.mark.parametrize(("file", "line", "message", "subtype"), EXPECTED)
def test_each_mistake_is_reported_with_location_and_subtype(app, file, line, message, subtype):
    found = parse_warnings(app.warning.getvalue())
    assert has_warning(found, file, line, message, subtype), (
        f"missing {file}:{line} {message!r} [{subtype}] in:\n{app.warning.getvalue()}"
    )


def test_no_other_warnings_and_no_traceback(app):
    from conftest import parse_warnings

    text = app.warning.getvalue()
    assert app.statuscode == 0 and "build succeeded" in app.status.getvalue()
    found = parse_warnings(text)
    assert len(found) == len(EXPECTED), text
    assert all(sub.startswith("teamext.") for *_, sub in found)


def test_fallbacks_keep_the_page_readable(app):
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "team-role-mle" in html  # the card still renders
    assert 'class="teamext-ref teamext-ref-skill teamext-unresolved"' in html  # unknown id as text
    assert "missing-skill" in html  # unknown reference keeps its text
    assert "Bad" in html  # a card with a malformed id still shows its title


@pytest.mark.parametrize("subtype", sorted({s for *_, s in EXPECTED}))
def test_suppress_warnings_silences_each_subtype(tmp_path, subtype):
    from conftest import parse_warnings

    app = build(
        copy_root("core-warnings", tmp_path), confoverrides={"suppress_warnings": [subtype]}
    )
    found = parse_warnings(app.warning.getvalue())
    assert found, "the other subtypes are still reported"
    assert all(sub != subtype for *_, sub in found)


def test_subtypes_are_declared_once_and_undeclared_ones_are_rejected():
    assert {"unknown", "duplicate", "level", "option", "cycle"} <= set(SUBTYPES)
    with pytest.raises(ValueError, match="undeclared"):
        warn("x", "nonsense", "index")
