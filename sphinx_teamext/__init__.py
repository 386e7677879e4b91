"""sphinx_teamext: role cards, skill maps and interview-stage cards for team handbooks."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def setup(app: Any) -> dict[str, Any]:
    """Register the extension; each module registers its own pieces."""
    from .checks.colon_fences import setup_colon_fences
    from .checks.empty_sections import setup_empty_sections
    from .config import setup_config
    from .data.export import setup_export
    from .directives.assessment import setup_assessment
    from .directives.growth import setup_growth
    from .directives.ladder import setup_ladder
    from .directives.nested import setup_nested
    from .directives.records import setup_records
    from .directives.scorecard import setup_scorecard
    from .directives.skill_map import setup_skill_map
    from .directives.team_chart import setup_team_chart
    from .directives.team_import import setup_team_import
    from .directives.team_shape import setup_team_shape
    from .directives.xref import setup_xref
    from .domain import TeamDomain
    from .events import setup_events
    from .lines import setup_lines
    from .locale import CATALOG, LOCALE_DIR
    from .render.html import setup_html
    from .render.latex import setup_latex
    from .render.nodes import setup_nodes
    from .render.pictures import setup_pictures
    from .render.resolve import setup_resolve

    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
    setup_config(app)
    setup_nodes(app)
    app.add_domain(TeamDomain)
    setup_xref(app)
    setup_records(app)
    setup_nested(app)
    setup_assessment(app)
    setup_skill_map(app)
    setup_team_import(app)
    setup_export(app)
    # Charts are sphinxcontrib-mermaid nodes; load it so they render with or
    # without the project listing it.
    app.setup_extension("sphinxcontrib.mermaid")
    app.setup_extension("sphinx_teamext.mermaid_assets")  # mermaid served from the site
    setup_pictures(app)  # diagrams drawn as pictures for LaTeX and the EPUB
    setup_team_chart(app)
    setup_team_shape(app)
    setup_scorecard(app)
    setup_ladder(app)
    setup_growth(app)
    setup_empty_sections(app)
    setup_colon_fences(app)
    setup_resolve(app)
    setup_events(app)
    setup_lines(app)
    setup_html(app)
    setup_latex(app)
    return {
        "version": __version__,
        "env_version": 3,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
