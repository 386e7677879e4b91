"""Registry of the insight views (org chart, team shape, scorecards).

Each insight module registers the function that computes its data here, so
:func:`sphinx_teamext.views.view_data` can digest and render it like any view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sphinx.application import Sphinx

INSIGHT_DATA: dict[str, Callable[..., object]] = {}

#: view name -> renderer(data, view, transform) -> list of nodes.
INSIGHT_RENDER: dict[str, Callable[..., list[Any]]] = {}

#: Extra project-wide checks: (domain) -> iterable of (subtype, message, location).
INSIGHT_CHECKS: list[Callable[..., Iterable[tuple[str, str, tuple[str, int]]]]] = []


def setup_insights(app: Sphinx) -> None:
    """Register the insight directives and their checks."""
    # Late imports: the insight modules build on views and directives, which
    # import this registry.
    from .coverage import setup_coverage
    from .empty_sections import setup_empty_sections
    from .scorecard import setup_scorecard
    from .team_chart import setup_team_chart
    from .team_shape import setup_team_shape

    # Charts are sphinxcontrib-mermaid nodes; load it so they render with or
    # without the project listing it.
    app.setup_extension("sphinxcontrib.mermaid")
    setup_team_chart(app)
    setup_team_shape(app)
    setup_scorecard(app)
    setup_coverage(app)
    setup_empty_sections(app)
