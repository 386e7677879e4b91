"""Warnings at the line of the mistake: the option (or the item within a value that
runs over several lines) in MyST colon and backtick fences, MyST's YAML block and
reStructuredText; nested blocks inside notes, tabs and dropdowns at their own line;
a ``{team:*}`` role at its own line inside a MyST paragraph; a wrapped option that
MyST silently dropped, named with its fix; MyST without ``colon_fence``, said once.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import has_warning, parse_warnings
from helpers import build, copy_root

from sphinx_teamext.lines import body_offset, find_opening, option_places

EXPECTED = [
    # colon fence: each option at its line, the context after the message
    ("index.md", 18, "role-card: level 9 is outside the scale", "teamext.level"),
    ("index.md", 18, "role 'colon': :skills: names unknown skill 'sqll'; did you mean 'sql'?",
     "teamext.unknown"),
    ("index.md", 19, "role 'colon': :stages: names unknown interview stage 'ghost'",
     "teamext.unknown"),
    # backtick fence
    ("index.md", 24, "role-card: unknown level 'guru'", "teamext.level"),
    ("index.md", 25, "role-card: unknown option :colour:", "teamext.option"),
    # YAML block: at the key's line, and at the continuation line that holds the item
    ("index.md", 32, "role 'yaml': :skills: names unknown skill 'nope'", "teamext.unknown"),
    ("index.md", 33, "role 'yaml': :reports-to: names unknown role or person 'anna'; "
     "did you mean 'ana'?", "teamext.unknown"),
    # a wrapped option: the cut value, and the option MyST turned into body text
    ("index.md", 39, "role-card: empty item in skills list 'sql=3,' (role 'wrapped')",
     "teamext.option"),
    ("index.md", 41, "role-card: :stages: is body text, not an option", "teamext.option"),
    # nested in a note, a tab, a dropdown (MyST alone numbers these late)
    ("index.md", 47, "role-card: level 7 is outside the scale", "teamext.level"),
    ("index.md", 55, "skill-level: level 9 is outside the scale", "teamext.level"),
    ("index.md", 65, "interview-stage: order must be a whole number, got 'first' "
     "(interview stage 'in-dropdown')", "teamext.option"),
    ("index.md", 67, "red-flags: red-flags has no content", "teamext.option"),
    # roles in a three-line MyST paragraph, each at its line
    ("index.md", 72, "{team:role} reference to unknown role 'ana'; 'ana' is a person: "
     "use {team:person}", "teamext.unknown"),
    ("index.md", 73, "{team:skill} reference to unknown skill 'sq'; did you mean 'sql'?",
     "teamext.unknown"),
    ("index.md", 74, "{team:skill} reference to unknown skill 'sq'", "teamext.unknown"),
    # reStructuredText: a value continued on the next line, the item at its own line
    ("other.rst", 7, "role-card: level 9 is outside the scale", "teamext.level"),
    ("other.rst", 8, "role 'rst': :stages: names unknown interview stage 'nope'",
     "teamext.unknown"),
    ("other.rst", 10, "{team:role} reference to unknown role 'zed'", "teamext.unknown"),
]  # fmt: skip


@pytest.fixture(scope="module")
def warnings(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, int, str, str]]:
    app = build(copy_root("warning-lines", tmp_path_factory.mktemp("lines")))
    assert app.statuscode == 0
    return parse_warnings(app.warning.getvalue())


@pytest.mark.parametrize(("file", "line", "message", "subtype"), EXPECTED)
def test_each_warning_is_at_its_line(warnings, file, line, message, subtype):
    assert has_warning(warnings, file, line, message, subtype), (
        f"missing {file}:{line} {message!r} in {warnings}"
    )


def test_nothing_else_is_reported(warnings):
    # in particular, field-like lines after a body's first line that are no option
    # of the directive, or later in the body, are the author's text
    assert len(warnings) == len(EXPECTED), warnings


def test_a_wrapped_option_names_the_fix(warnings):
    (lost,) = [w for w in warnings if "is body text" in w[2]]
    assert "write each option on one line" in lost[2] and "YAML block" in lost[2]


def test_myst_and_rst_give_the_same_lines_for_the_same_card(tmp_path):
    """One card written three ways: the warning names the same line of each."""
    (tmp_path / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_teamext"]\n'
        'myst_enable_extensions = ["colon_fence"]\nteamext_coverage = "off"\n',
        encoding="utf-8",
    )
    card = "{}\n:title: T\n:summary: S\n:skills: x=1\n:stages: s\n{}\n"
    (tmp_path / "index.md").write_text(
        "# A\n\n" + card.format(":::{role-card} a", ":::") + "\n```{toctree}\nb\nc\n```\n",
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text(
        "# B\n\n" + card.format("```{role-card} b", "```"), encoding="utf-8"
    )
    rst = card.format(".. role-card:: c", "").replace("\n:", "\n   :")
    (tmp_path / "c.rst").write_text("C\n=\n\n" + rst, encoding="utf-8")
    app = build(tmp_path)
    found = sorted((f, line, msg.split(":")[1].strip()) for f, line, msg, _ in
                   parse_warnings(app.warning.getvalue()))  # fmt: skip
    assert [(f, line) for f, line, _ in found] == [
        ("b.md", 6), ("b.md", 7), ("c.rst", 7), ("c.rst", 8), ("index.md", 6), ("index.md", 7)
    ]  # fmt: skip


def test_option_places_in_each_syntax():
    rst = ".. role-card:: x\n   :title: T\n   :skills: a=1,\n      b=2\n   :stages: s\n\n   Body\n"
    places = {p.name: (p.offset, len(p.lines)) for p in option_places(rst)}
    assert places == {"title": (1, 1), "skills": (2, 2), "stages": (4, 1)}
    yaml = ":::{role-card} x\n---\ntitle: T\nskills: a=1,\n  b=2\nreports-to: r\n---\nBody\n:::\n"
    places = {p.name: (p.offset, len(p.lines)) for p in option_places(yaml)}
    assert places == {"title": (2, 1), "skills": (3, 2), "reports-to": (5, 1)}
    myst = ":::{skill} x\n:title: T\n:::{skill-level} 2\nA\n:::\n:::\n"
    assert [p.name for p in option_places(myst)] == ["title"]  # a nested fence is body
    assert body_offset(yaml, ["Body"]) == 7


def test_find_opening_prefers_the_parsers_line_and_corrects_a_late_one():
    lines = ["::::{note}", ":::{skill} a", ":title: A", ":::", "::::"]
    assert find_opening(lines, 2, ":::{skill} a") == 2
    assert find_opening(lines, 3, ":::{skill} a") == 2  # one line late: corrected
    assert find_opening(lines, 3, ":::{skill} nowhere") == 3  # unconfirmed: kept


def _colon_fence_project(root: Path, extensions: str) -> Path:
    root.mkdir()
    (root / "conf.py").write_text(
        f'extensions = ["myst_parser", "sphinx_teamext"]\nmyst_enable_extensions = {extensions}\n'
        'teamext_coverage = "off"\n',
        encoding="utf-8",
    )
    (root / "index.md").write_text(
        "# Home\n\nText.\n\n:::{role-card} a\n:title: A\n:::\n\n```{toctree}\nb\n```\n",
        encoding="utf-8",
    )
    (root / "b.md").write_text("# B\n\n::::{skill} s\n:title: S\n::::\n", encoding="utf-8")
    return root


def test_colon_fences_without_the_myst_extension_are_reported_once(tmp_path):
    app = build(_colon_fence_project(tmp_path / "off", "[]"))
    found = parse_warnings(app.warning.getvalue())
    assert [(f, line, sub) for f, line, _m, sub in found] == [("index.md", 5, "teamext.config")]
    message = found[0][2]
    assert "':::{role-card}' block (and on 1 other page) shown as plain text" in message
    assert '"colon_fence" to myst_enable_extensions' in message
    app = build(_colon_fence_project(tmp_path / "on", '["colon_fence"]'))
    assert parse_warnings(app.warning.getvalue()) == []
