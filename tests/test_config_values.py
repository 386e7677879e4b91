"""A bad ``teamext_*`` value is the user's mistake, not a crash: one
``teamext.config`` warning at its line of conf.py, naming the setting and what
it accepts, and the build goes on with the default (issue 20, item 10)."""

from __future__ import annotations

import subprocess
import sys

from conftest import has_warning, parse_warnings
from helpers import MYST_CONF, build

from sphinx_teamext.config import CHECKS, CONFIG_VALUES

BAD = """\
teamext_levels = ["none", "some", "lots"]
teamext_depth_level = "2"
teamext_coverage = "loud"
teamext_calibration_gap = 0
teamext_diagrams = "never"
teamext_none_level = "lots"
teamext_empty_sections = False
teamext_guidance_label = 7
teamext_mermaid_path = 3
"""

PAGE = """# Map

:::{skill} sql
:title: SQL
:::

:::{role-card} analyst
:title: Analyst
:skills: sql=lots
:::

:::{skill-map}
:::
"""


def project(tmp_path, settings: str):
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "conf.py").write_text(MYST_CONF + settings, encoding="utf-8")
    (tmp_path / "index.md").write_text(PAGE, encoding="utf-8")
    return tmp_path


def test_each_bad_value_is_one_located_warning_and_the_default_is_used(tmp_path):
    app = build(project(tmp_path, BAD))
    found = parse_warnings(app.warning.getvalue())
    base = MYST_CONF.count("\n")
    expected = [
        (2, "teamext_depth_level = '2' is not accepted: it takes a whole number from 1 to 2"),
        (3, 'teamext_coverage = \'loud\' is not accepted: it takes "warn" or "off"'),
        (4, "teamext_calibration_gap = 0 is not accepted: it takes a whole number of steps"),
        (5, 'teamext_diagrams = \'never\' is not accepted: it takes "auto" or "fallback"'),
        (6, "teamext_none_level = 'lots' is not accepted: it takes the first level name ('none')"),
        (7, "teamext_empty_sections = False is not accepted"),
        (8, "teamext_guidance_label = 7 is not accepted: it takes a text"),
        (9, "teamext_mermaid_path = 3 is not accepted"),
    ]
    for line, message in expected:
        assert has_warning(found, "conf.py", base + line, message, "teamext.config"), found
    # once each: Sphinx's own type check does not report them a second time
    # (coverage is back on, by default, and finds its gaps)
    assert [f for f in found if f[3] != "teamext.coverage"] == [
        f for f in found if f[3] == "teamext.config"
    ]
    assert len([f for f in found if f[3] == "teamext.config"]) == len(expected), found
    assert "The config value" not in app.warning.getvalue()
    # the defaults are in force: depth 3 clamped to the top of this short scale
    config = app.config
    assert config.teamext_depth_level == 2
    assert config.teamext_coverage == "warn"
    assert config.teamext_calibration_gap == 2
    assert config.teamext_diagrams == "auto"
    assert config.teamext_none_level == "none"
    assert config.teamext_guidance_label == "suggested"
    assert config.teamext_mermaid_path is None
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "</strong> 0 none, 1 some, 2 lots. Cells at depth (level 2 of 2 or more)" in html


def test_bad_levels_fall_back_to_the_default_scale(tmp_path):
    app = build(project(tmp_path, 'teamext_levels = ["one"]\n'))
    found = parse_warnings(app.warning.getvalue())
    line = MYST_CONF.count("\n") + 1
    assert has_warning(
        found,
        "conf.py",
        line,
        "teamext_levels = ['one'] is not accepted: it takes a list of at least two different, "
        "non-empty level names; the default, ['none', 'learning', 'proficient', 'fluent', "
        "'expert'], is used",
        "teamext.config",
    ), found
    # sql=lots is then an unknown level, reported as such
    assert [f[3] for f in found if f[3] != "teamext.coverage"] == [
        "teamext.config",
        "teamext.level",
    ], found


def test_no_traceback_and_no_crash_report(tmp_path):
    src = project(tmp_path / "src", 'teamext_depth_level = "deep"\nteamext_levels = "a,b"\n')
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(src), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Traceback" not in output and "sphinx-doc" not in output
    assert "teamext_levels = 'a,b' is not accepted" in output
    assert "teamext_depth_level = 'deep' is not accepted" in output


def test_every_setting_is_checked():
    assert set(CHECKS) == {v.name for v in CONFIG_VALUES}
