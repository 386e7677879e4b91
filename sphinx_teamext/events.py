"""Sphinx event handlers: the derived-data phase between reading and writing,
and which pages each output must rewrite.

A page shows data from other pages, so it is out of date when that data
changes even though its source did not. What a page showed when it was last
written belongs to that output (the html folder, the text folder, ...), not
to the environment they share: each output keeps its own record, written
only after a build of it succeeded, so a builder that runs in between, or a
write that fails half-way, never makes another output look up to date.
"""

from __future__ import annotations

import gc
import hashlib
import json
from pathlib import Path
from typing import cast

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .checks import hint, location, message, run_checks
from .domain import TeamDomain
from .views import digest
from .warnings import warn
from .xrefs import ROLE_KINDS

#: Under the doctree folder: one small file per output (builder and folder).
STATE_DIR = "teamext"


def team_domain(env: BuildEnvironment) -> TeamDomain:
    return cast(TeamDomain, env.get_domain("team"))


class OutputDigests:
    """Digests of what each page of one output showed when it was written."""

    def __init__(self) -> None:
        self.held: dict[str, str] = {}  # what the output holds, as last saved
        self.now: dict[str, str] | None = None  # what each page shows now
        self.written: set[str] = set()  # pages written by this build

    @staticmethod
    def path(app: Sphinx) -> Path:
        out = str(Path(app.outdir).resolve())
        key = hashlib.sha1(out.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
        return Path(app.doctreedir) / STATE_DIR / f"{app.builder.name}-{key}.json"

    def load(self, app: Sphinx) -> dict[str, str]:
        try:
            data = json.loads(self.path(app).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def pages_to_rewrite(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """Pages whose views show different data from what this output holds."""
        domain = team_domain(env)
        self.held = self.load(app)
        self.now = {doc: digest(domain, views) for doc, views in domain.views_by_doc().items()}
        self.written = set()
        return sorted(doc for doc, value in self.now.items() if self.held.get(doc) != value)

    def note_written(self, app: Sphinx, doctree: nodes.document, docname: str) -> None:
        self.written.add(docname)

    def save(self, app: Sphinx, exception: Exception | None) -> None:
        """Remember what was written, once the whole build has succeeded.

        A page this build did not write (``sphinx-build ... one-page.md`` writes
        only the pages named) keeps what the output held, so the next build
        still rewrites it. Builders that make one book write every page."""
        if exception is not None or self.now is None or app.builder is None:
            return
        book = isinstance(app.builder.get_outdated_docs(), str)  # "all documents"
        saved = {
            doc: value
            for doc, value in self.now.items()
            if book or doc in self.written or self.held.get(doc) == value
        }
        saved.update({doc: old for doc, old in self.held.items() if doc not in saved})
        path = self.path(app)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(saved, sort_keys=True), encoding="utf-8")
        self.now = None


def check_project(app: Sphinx, env: BuildEnvironment) -> None:
    """Report every project-wide problem; runs whenever any page was re-read."""
    domain = team_domain(env)
    for finding in run_checks(domain):
        warn(message(domain, finding), finding.subtype, location(domain, finding))


def unknown_reference(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Node | None:
    """A ``{team:*}`` reference to nothing: warn (nitpicky or not), keep the text."""
    if node.get("refdomain") != "team":
        return None
    kind = node.get("reftype", "")
    target = str(node["reftarget"])
    domain = team_domain(env)
    more = hint(domain, ROLE_KINDS.get(kind, kind), target.strip(), role=True)
    warn(f"{{team:{kind}}} reference to unknown {kind} {target!r}{more}", "unknown", node)
    return contnode


def freeze_heap(app: Sphinx, env: BuildEnvironment) -> None:
    """Before ``-j`` forks its writers: take what the environment holds out of
    the collector's scans, so collections in the forked writers neither walk
    nor touch (and so copy) the pages they share with the main process.
    Measured on the benchmark (N=500): ``-j 2`` 5.73 -> 5.40 s. Not for a
    serial build, where frozen garbage would outlive its page (more memory,
    and slower there). Undone when the build ends."""
    if app.parallel > 1:
        gc.collect()
        gc.freeze()


def freeze_loaded(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """An incremental build starts from the pickled environment, which lives to
    the end of the build: keep the collector's full collections off it (on the
    benchmark, N=500, an edit's rebuild net of the no-change one: 0.98 -> 0.84 s
    in three alternating rounds; the same peak memory). Undone when the build ends."""
    gc.collect()
    gc.freeze()


def thaw_heap(app: Sphinx, exception: Exception | None) -> None:
    gc.unfreeze()


def setup_events(app: Sphinx) -> None:
    digests = OutputDigests()  # one per application: outputs never share it
    app.connect("env-get-updated", digests.pages_to_rewrite)
    app.connect("doctree-resolved", digests.note_written)
    app.connect("build-finished", digests.save)
    app.connect("env-check-consistency", check_project)
    app.connect("missing-reference", unknown_reference)
    app.connect("env-check-consistency", freeze_heap, priority=900)
    app.connect("env-before-read-docs", freeze_loaded, priority=900)
    app.connect("build-finished", thaw_heap, priority=900)
