"""Registry of the insight views (org chart, team shape, scorecards).

Each insight module registers the function that computes its data here, so
:func:`sphinx_teamext.views.view_data` can digest and render it like any view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sphinx.application import Sphinx

INSIGHT_DATA: dict[str, Callable[..., object]] = {}

#: view name -> renderer(data, view, transform) -> list of nodes.
INSIGHT_RENDER: dict[str, Callable[..., list[object]]] = {}

#: Extra project-wide checks: (domain) -> iterable of (subtype, message, location).
INSIGHT_CHECKS: list[Callable[..., Iterable[tuple[str, str, tuple[str, int]]]]] = []


def setup_insights(app: Sphinx) -> None:
    """Register the insight directives and their checks."""
