"""A lint at read time: MyST pages with ``:::{role-card}`` blocks that MyST
reads as plain text, because its ``colon_fence`` extension is off.

Each page's first such block is noted when its source is read (kept per page,
purged and merged like the domain's data); :func:`colon_fences` reports them
once for the project, with the other project-wide checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from docutils.parsers.rst import directives as rst_directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import FiletypeNotFoundError
from sphinx.util import get_filetype

from ..domain import TeamDomain
from ..warnings import Finding

FENCES_ATTR = "teamext_unparsed_fences"
COLON_FENCE = re.compile(r"^\s{0,3}:{3,}\s*\{([A-Za-z][\w:-]*)\}")


def _fences(env: BuildEnvironment) -> dict[str, tuple[int, str]]:
    store: dict[str, tuple[int, str]] | None = getattr(env, FENCES_ATTR, None)
    if store is None:
        store = {}
        setattr(env, FENCES_ATTR, store)
    return store


def colon_fence_off(app: Sphinx) -> bool:
    """MyST reads the pages, but its ``colon_fence`` extension is off."""
    if "myst_parser" not in app.extensions:
        return False
    enabled = getattr(app.config, "myst_enable_extensions", None) or ()
    return "colon_fence" not in set(enabled)


def note_unparsed_fences(app: Sphinx, docname: str, source: list[str]) -> None:
    """Remember the first ``:::{directive}`` block of a MyST page that MyST will
    not read as a directive (``source-read``)."""
    if not colon_fence_off(app):
        return
    try:
        if get_filetype(app.config.source_suffix, app.env.doc2path(docname)) != "markdown":
            return
    except FiletypeNotFoundError:
        return
    for n, line in enumerate(source[0].splitlines(), start=1):
        m = COLON_FENCE.match(line)
        if m and is_team_directive(m[1]):
            _fences(app.env)[docname] = (n, m[1])
            return


def is_team_directive(name: str) -> bool:
    """Whether ``name`` is one of the extension's directives (any registered now);
    they say so with a class attribute, so this layer needs not import them."""
    found = getattr(rst_directives, "_directives", {}).get(name)
    return isinstance(found, type) and bool(getattr(found, "teamext_directive", False))


def unparsed_fences(env: BuildEnvironment, order: Sequence[str]) -> list[tuple[str, int, str]]:
    """``(docname, line, directive)`` of each page's first unread block, in ``order``."""
    fences = _fences(env)
    rank = {doc: i for i, doc in enumerate(order)}
    docs = sorted(fences, key=lambda d: (rank.get(d, len(rank)), d))
    return [(doc, *fences[doc]) for doc in docs]


def colon_fences(domain: TeamDomain) -> Iterator[Finding]:
    """MyST pages with ``:::{role-card}`` blocks that MyST reads as text, because
    its ``colon_fence`` extension is off: one warning for the project."""
    found = unparsed_fences(domain.env, domain.doc_order())
    if not found:
        return
    docname, line, name = found[0]
    others = len(found) - 1
    more = f" (and on {others} other page{'s' if others > 1 else ''})" if others else ""
    yield Finding(
        "config",
        (docname, line),
        what=f"':::{{{name}}}' block{more} shown as plain text: MyST's colon_fence extension "
        'is off; add "colon_fence" to myst_enable_extensions in conf.py, or write the '
        f"blocks as backtick fences (```{{{name}}}```)",
        exact=True,
    )


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _fences(env).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: Iterable[str], other: Any) -> None:
    fences, theirs = _fences(env), _fences(other)
    for docname in docnames:
        if docname in theirs:
            fences[docname] = theirs[docname]


def setup_colon_fences(app: Sphinx) -> None:
    app.connect("source-read", note_unparsed_fences)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
