"""Build helpers for tests that share one build across a module."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from sphinx_teamext.render.nodes import team_view
from sphinx_teamext.render.resolve import expand

ROOTS = Path(__file__).parent / "roots"

#: The handbook's chapters in reading order (the reference appendix comes after).
CHAPTERS = [
    "who-this-is-for",
    "not-doing",
    "team-structure",
    "one-role",
    "levels",
    "hiring",
    "onboarding",
    "mindset",
    "stakeholders",
    "outcomes",
    "hindsight",
    "templates",
    "prep-guide/index",
]


def copy_root(name: str, dest: Path) -> Path:
    """Copy ``tests/roots/test-<name>`` to ``dest`` and return the copy."""
    target = dest / f"test-{name}"
    shutil.copytree(ROOTS / f"test-{name}", target)
    return target


def build(srcdir: Path, buildername: str = "html", **kwargs: Any) -> SphinxTestApp:
    """Build ``srcdir`` once; the app keeps its status and warning streams."""
    app = SphinxTestApp(buildername, srcdir=srcdir, status=StringIO(), warning=StringIO(), **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


MYST_CONF = (
    'extensions = ["myst_parser", "sphinx_teamext"]\n'
    'myst_enable_extensions = ["colon_fence"]\n'
    "nitpicky = True\n"
)


def build_pages(dest: Path, pages: dict[str, str], **kwargs: Any) -> SphinxTestApp:
    """Build a MyST project in ``dest`` whose index lists ``pages`` (name -> body)."""
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "conf.py").write_text(MYST_CONF, encoding="utf-8")
    toctree = "```{toctree}\n" + "\n".join(pages) + "\n```\n"
    (dest / "index.md").write_text("# Examples\n\n" + toctree, encoding="utf-8")
    for name, body in pages.items():
        (dest / f"{name}.md").write_text(f"# {name}\n\n{body}\n", encoding="utf-8")
    return build(dest, **kwargs)


def resolved(app: SphinxTestApp, docname: str) -> nodes.document:
    """``docname``'s tree as the writer sees it: resolved, and with the views
    that HTML builders expand only while writing expanded the same way."""
    doctree = app.env.get_and_resolve_doctree(docname, app.builder)
    for node in list(doctree.findall(team_view)):
        expand(node, app.builder)
    return doctree
