"""Sphinx event handlers: the derived-data phase between reading and writing."""

from __future__ import annotations

from typing import cast

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .checks import run_checks
from .domain import TeamDomain
from .views import digest
from .warnings import warn


def team_domain(env: BuildEnvironment) -> TeamDomain:
    return cast(TeamDomain, env.get_domain("team"))


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages whose views now show different data from what they were written with."""
    domain = team_domain(env)
    changed = []
    for docname, views in sorted(domain.views_by_doc().items()):
        new = digest(domain, views)
        if domain.digests.get(docname) != new:
            domain.digests[docname] = new
            changed.append(docname)
    return changed


def check_project(app: Sphinx, env: BuildEnvironment) -> None:
    """Report every project-wide problem; runs whenever any page was re-read."""
    for subtype, message, location in run_checks(team_domain(env)):
        warn(message, subtype, location)


def unknown_reference(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Node | None:
    """A ``{team:*}`` reference to nothing: warn (nitpicky or not), keep the text."""
    if node.get("refdomain") != "team":
        return None
    kind = node.get("reftype", "")
    warn(f"{{team:{kind}}} reference to unknown {kind} {node['reftarget']!r}", "unknown", node)
    return contnode


def setup_events(app: Sphinx) -> None:
    app.connect("env-get-updated", pages_to_rewrite)
    app.connect("env-check-consistency", check_project)
    app.connect("missing-reference", unknown_reference)
