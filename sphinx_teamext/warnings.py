"""The one warning type of the extension, its subtypes, and a helper to emit them.

Every problem the extension reports goes through :func:`warn`, so each one
carries a location and a ``teamext.<subtype>`` that ``suppress_warnings`` can
silence. The reference appendix prints :data:`SUBTYPES` as its warning table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sphinx.util import logging

TYPE = "teamext"

#: Subtype -> what it reports. The single place where subtypes are declared.
SUBTYPES: dict[str, str] = {
    "unknown": "An id that names nothing, in a directive option or a cross-reference.",
    "duplicate": "An id defined twice for the same kind of record; both places are named.",
    "level": "A level outside the configured scale, or a level name the scale does not have.",
    "option": (
        "A malformed id or list, a missing or empty required option, an unknown option, "
        "or a malformed ``:rows:``, ``:order:`` or other option value."
    ),
    "cycle": (
        "A chain of ``:reports-to:`` fields, or of ``:next:`` levels, that loops back on "
        "itself (charts and ladders break it where it is reported)."
    ),
    "coverage": (
        "A gap between roles, skills and interview stages: a required skill no stage "
        "assesses, a stage that assesses nothing, a role with no stage, an unused skill."
    ),
    "empty_section": "A section with no content of its own and no subsection.",
    "diagram": (
        "A diagram the PDF or the EPUB cannot show as a picture because its drawing tool "
        "(``mermaid_cmd``, mermaid-cli) is missing (reported once per build) or failed "
        "on it: a chart is shown as a reporting tree, a shape as its table, another "
        'diagram by its description. ``teamext_diagrams = "fallback"`` chooses that '
        "without a warning."
    ),
    "config": (
        "A ``teamext_*`` value the extension does not accept, reported at its line of "
        "conf.py with what it accepts (the default is used instead); or a project setting "
        "that turns the extension's blocks into plain text: MyST pages "
        "with ``:::{role-card}``-style blocks while MyST's ``colon_fence`` extension is "
        "off. Reported once per project."
    ),
}

logger = logging.getLogger("sphinx_teamext")


@dataclass(frozen=True)
class Finding:
    """A project-wide problem as data: what is wrong, with whom, where.

    Views and checks yield findings; :mod:`.checks.words` words them, adds the
    did-you-mean or wrong-kind hint and finds the line, in one place.
    """

    subtype: str
    #: Where the subject stands: ``(docname, line)`` as the parser gave it (the
    #: option's line is worked out from it), or ``"path:line"`` in a data file.
    location: tuple[str, int] | str
    #: Whose problem: a record (its kind and id, and the data file and key path
    #: it came from) ...
    kind: str = ""
    ident: str = ""
    origin: str = ""
    #: ... or what a message names instead (``skill-map``, ``role-card 'x': expectation``).
    label: str = ""
    #: The option it is about, and the item within it (an id that names nothing).
    option: str = ""
    item: str = ""
    #: For an unknown id: the kind it should name (``org`` for a role or a person),
    #: and the keywords the option also takes (a typo of one gets a hint).
    wanted: str = ""
    keywords: tuple[str, ...] = ()
    #: How the unknown id is introduced (``unknown`` for a directive's argument).
    phrase: str = "names unknown"
    #: What is wrong, in words; after an unknown id, a note on what it takes.
    what: str = ""
    #: The location is exact: an imported record's directive or a file's line.
    exact: bool = False


def warn(message: str, subtype: str, location: Any) -> None:
    """Emit ``message`` as a ``teamext.<subtype>`` warning at ``location``.

    ``location`` is a node, a ``(docname, lineno)`` pair or a docname.
    """
    if subtype not in SUBTYPES:  # a programming error, not a user one
        raise ValueError(f"undeclared teamext warning subtype: {subtype}")
    logger.warning(message, type=TYPE, subtype=subtype, location=location)
