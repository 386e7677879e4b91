"""Scripted edits: after each one, the incremental build's HTML equals a clean build's.

One project in ``tmp_path`` is edited step by step (add, remove, rename, move
between pages, change a level, change the configuration, ...). After each edit
it is rebuilt incrementally in place, and a copy is built from scratch; every
page must then be the same in both.

What is compared: each page's whole ``<body>``, minus the navigation sidebar.
The sidebar lists every page of the toctree, and Sphinx itself does not
rewrite unchanged pages when a page is added or removed (its own known
limitation, unrelated to this extension). Nothing else is normalised.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

pytestmark = pytest.mark.slow

CONF = """extensions = ["myst_parser", "sphinx_teamext"]
myst_enable_extensions = ["colon_fence"]
html_theme = "basic"
teamext_coverage = "off"
teamext_empty_sections = "off"
"""

PAGES = {
    "index.md": """# Team

```{toctree}
skills
roles
people
```

We hire a {team:role}`mle`; the key skill is {team:skill}`python`.

:::{skill-map}
:rows: roles
:caption: Roles
:::
""",
    "skills.md": """# Skills

:::{skill} python
:title: Python
:group: engineering
:::

:::{skill} ml
:title: Machine learning
:::

:::{skill} sql
:title: SQL
:::

:::{interview-stage} challenge
:title: Coding challenge
:order: 1
:assesses: python, sql
:::
""",
    "roles.md": """# Roles

:::{role-card} lead
:title: ML lead
:skills: ml=4
:::

:::{role-card} mle
:title: Machine learning engineer
:skills: python=3, ml=2
:stages: challenge
:reports-to: lead
:::

:::{role-card} analyst
:title: Analyst
:skills: sql=3
:reports-to: lead
:::
""",
    "people.md": """# People

:::{person-card} ana
:title: Ana
:role: mle
:skills: python=4
:reports-to: lead
:::

See also {team:person}`ana` and {team:role}`analyst`.
""",
}


def replace(name: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(src: Path) -> None:
        path = src / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def write(name: str, text: str) -> Callable[[Path], None]:
    def apply(src: Path) -> None:
        (src / name).write_text(text, encoding="utf-8")

    return apply


def remove(name: str) -> Callable[[Path], None]:
    return lambda src: (src / name).unlink()


def steps(*edits: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(src: Path) -> None:
        for edit in edits:
            edit(src)

    return apply


NEW_ROLE = """
:::{role-card} data-eng
:title: Data engineer
:skills: sql=4, python=2
:reports-to: lead
:::
"""

#: (name, edit) in order; each edit starts from the state the previous ones left.
EDITS: list[tuple[str, Callable[[Path], None]]] = [
    ("add a role", replace("roles.md", "# Roles\n", "# Roles\n" + NEW_ROLE)),
    ("change a level", replace("roles.md", ":skills: python=3, ml=2", ":skills: python=1, ml=2")),
    (
        "retitle a role named only in prose elsewhere",
        replace("roles.md", ":title: Analyst", ":title: Data analyst"),
    ),
    ("retitle a skill", replace("skills.md", ":title: Python", ":title: Python programming")),
    (
        "rename a skill id and its uses",
        steps(
            replace("skills.md", ":::{skill} sql", ":::{skill} sql-db"),
            replace("skills.md", ":assesses: python, sql", ":assesses: python, sql-db"),
            replace("roles.md", ":skills: sql=3", ":skills: sql-db=3"),
            replace("roles.md", ":skills: sql=4, python=2", ":skills: sql-db=4, python=2"),
        ),
    ),
    (
        "move a role to another page",
        steps(
            replace("roles.md", NEW_ROLE.replace("sql=", "sql-db="), ""),
            replace("people.md", "# People\n", "# People\n" + NEW_ROLE.replace("sql=", "sql-db=")),
        ),
    ),
    ("remove a person", replace("people.md", PAGES["people.md"].split("See also")[0][9:], "")),
    (
        "change reports-to",
        replace(
            "roles.md",
            ":skills: sql-db=3\n:reports-to: lead",
            ":skills: sql-db=3\n:reports-to: mle",
        ),
    ),
    (
        "add a page with a skill map",
        steps(
            write(
                "maps.md", "# Maps\n\n:::{skill-map}\n:rows: mle, analyst\n:skills: python\n:::\n"
            ),
            replace("index.md", "people\n```", "people\nmaps\n```"),
        ),
    ),
    (
        "add a stage that assesses a skill",
        replace(
            "skills.md",
            "# Skills\n",
            """# Skills

:::{interview-stage} onsite
:title: On-site
:order: 2
:assesses: ml
:::
""",
        ),
    ),
    (
        "introduce a duplicate id",
        replace("people.md", "# People\n", "# People\n\n:::{skill} ml\n:title: ML again\n:::\n"),
    ),
    (
        "reorder pages (the first definition wins)",
        replace("index.md", "skills\nroles\npeople\n", "people\nskills\nroles\n"),
    ),
    ("remove a page", steps(remove("maps.md"), replace("index.md", "maps\n```", "```"))),
    # Honest records: kinds and guidance are shown by other pages too.
    (
        "make a role a depth profile",
        replace(
            "roles.md",
            ":title: Data analyst\n",
            ":title: Data analyst\n:kind: profile\n:profile-of: mle\n",
        ),
    ),
    ("change whose profile it is", replace("roles.md", ":profile-of: mle", ":profile-of: lead")),
    (
        "mark a field as guidance",
        replace("roles.md", ":stages: challenge\n", ":stages: challenge\n:guidance: skills\n"),
    ),
    ("make the profile a post again", replace("roles.md", ":kind: profile\n", "")),
    (
        "change the depth level (config)",
        replace("conf.py", "teamext_coverage", "teamext_depth_level = 2\nteamext_coverage"),
    ),
    (
        "rename the levels (config)",
        replace(
            "conf.py",
            "teamext_coverage",
            'teamext_levels = ["zero", "aware", "working", "strong", "leading"]\nteamext_coverage',
        ),
    ),
]

BODY = re.compile(r'<div class="body" role="main">(.*?)<div class="sphinxsidebar"', re.S)


def build(src: Path, out: Path, fresh: bool) -> str:
    app = SphinxTestApp(
        "html", srcdir=src, builddir=out, freshenv=fresh, status=StringIO(), warning=StringIO()
    )
    try:
        app.build()
    finally:
        app.cleanup()
    warnings = app.warning.getvalue()
    assert app.statuscode == 0 and "build succeeded" in app.status.getvalue()
    return warnings


def pages(out: Path, docs: set[str]) -> dict[str, str]:
    found = {}
    for doc in sorted(docs):
        html = (out / "html" / f"{doc}.html").read_text(encoding="utf-8")
        match = BODY.search(html)
        assert match, doc
        found[doc] = match[1]
    return found


def test_edit_list_is_long_enough() -> None:
    assert len(EDITS) >= 12


def test_incremental_builds_equal_clean_builds(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    for name, text in PAGES.items():
        (src / name).write_text(text, encoding="utf-8")
    inc_out = tmp_path / "inc"
    build(src, inc_out, fresh=True)
    failures = []
    for i, (name, edit) in enumerate(EDITS):
        edit(src)
        build(src, inc_out, fresh=False)
        clean_src = tmp_path / f"clean-src-{i}"
        shutil.copytree(src, clean_src)
        clean_out = tmp_path / f"clean-{i}"
        build(clean_src, clean_out, fresh=True)
        docs = {p.stem for p in src.glob("*.md")}
        inc, clean = pages(inc_out, docs), pages(clean_out, docs)
        for doc in sorted(docs):
            if inc[doc] != clean[doc]:
                failures.append(f"after {name!r}: {doc}.html differs")
        shutil.rmtree(clean_out)
        shutil.rmtree(clean_src)
    assert not failures, "\n".join(failures)
