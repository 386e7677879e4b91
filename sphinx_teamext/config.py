"""The ``teamext_*`` configuration values, their defaults and rebuild scope."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from .locale import _

DEFAULT_LEVELS = ["none", "learning", "proficient", "fluent", "expert"]


class FirstLevel:
    """Default of ``teamext_none_level``: the scale's first name (today's meaning of 0)."""

    def __call__(self, config: Config) -> str | None:
        levels = config.teamext_levels
        return str(levels[0]) if levels else None

    def __repr__(self) -> str:
        return "the first name of teamext_levels"


@dataclass(frozen=True)
class ConfigValue:
    name: str
    default: Any
    rebuild: str
    types: tuple[type, ...]
    doc: str


#: Published in the reference appendix; registered by :func:`setup`.
CONFIG_VALUES: tuple[ConfigValue, ...] = (
    ConfigValue(
        "teamext_levels",
        DEFAULT_LEVELS,
        "env",
        (list, tuple),
        "Names of the levels of the skill scale; the index of a name is its level.",
    ),
    ConfigValue(
        "teamext_depth_level",
        3,
        "env",
        (int,),
        "The level from which a skill counts as depth in a T-shape (marked in skill maps).",
    ),
    ConfigValue(
        "teamext_none_level",
        FirstLevel(),
        "env",
        (str, type(None)),
        'The level of the scale that means "nothing": its first name by default (level 0 '
        "asks for nothing, coverage skips it). ``None`` when the scale has no such level "
        "(a ladder such as junior, mid, senior, staff): every name is then a real level.",
    ),
    ConfigValue(
        "teamext_guidance_label",
        "suggested",
        "env",
        (str,),
        "The label of the marker (†) on values that ``:guidance:`` marks as the authors' "
        "suggestion; the default is translated.",
    ),
    ConfigValue(
        "teamext_coverage",
        "warn",
        "env",
        (str,),
        '``"warn"`` reports gaps between roles, skills and stages; ``"off"`` does not.',
    ),
    ConfigValue(
        "teamext_empty_sections",
        "warn",
        "env",
        (str,),
        '``"warn"`` reports sections with no content of their own; ``"off"`` does not.',
    ),
    ConfigValue(
        "teamext_calibration_gap",
        2,
        "env",
        (int,),
        "How many steps a self and a manager assessment of one skill may differ before "
        "a ``team-growth`` table flags the skill for calibration.",
    ),
    ConfigValue(
        "teamext_diagrams",
        "auto",
        "env",
        (str,),
        '``"auto"`` draws org charts and team shapes as pictures for LaTeX and the EPUB '
        "when mermaid-cli (``mermaid_cmd``) is at hand, else shows the fallback (a "
        'reporting tree or a table) with one ``teamext.diagram`` warning; ``"fallback"`` '
        "always shows the fallback there, without a warning.",
    ),
    ConfigValue(
        "teamext_mermaid_path",
        None,
        "html",
        (str, type(None)),
        "The mermaid npm package (its folder or its ``dist`` folder, relative to conf.py) "
        "that HTML pages load diagrams from, copied into ``_static/mermaid/``. ``None``: "
        "``node_modules/mermaid`` next to conf.py or in a folder above it, else a public CDN "
        "(one info line says so). A ``mermaid_use_local`` set by the project wins.",
    ),
)


def check_config(app: Sphinx, config: Config) -> None:
    """Reject values that would make every page wrong, with a message naming the fix."""
    levels = config.teamext_levels
    if len(levels) < 2 or not all(isinstance(n, str) and n.strip() for n in levels):
        raise ConfigError(_("teamext_levels must list at least two non-empty level names"))
    lowered = [n.strip().lower() for n in levels]
    if len(set(lowered)) != len(lowered):
        raise ConfigError(_("teamext_levels has a name twice: %r") % (list(levels),))
    depth = config.teamext_depth_level
    first = first_number(config)
    if isinstance(depth, bool) or not first < depth < len(levels) + first:
        raise ConfigError(
            _("teamext_depth_level must be a level between %(low)d and %(high)d")
            % {"low": first + 1, "high": len(levels) - 1 + first}
        )
    none = config.teamext_none_level
    if none is not None and (not isinstance(none, str) or none.strip().lower() != lowered[0]):
        raise ConfigError(
            _("teamext_none_level must be the first level name (%(first)r) or None, not %(value)r")
            % {"first": levels[0], "value": none}
        )
    for name in ("teamext_coverage", "teamext_empty_sections"):
        if config[name] not in ("warn", "off"):
            raise ConfigError(_('%s must be "warn" or "off", not %r') % (name, config[name]))


def setup_config(app: Sphinx) -> None:
    for value in CONFIG_VALUES:
        app.add_config_value(value.name, value.default, value.rebuild, types=value.types)  # type: ignore[arg-type]
    app.connect("config-inited", check_config)


def has_none(config: Config) -> bool:
    """Whether level 0 means "nothing" (True unless ``teamext_none_level = None``)."""
    return config.teamext_none_level is not None


def first_number(config: Config) -> int:
    """The number the scale's first level has in the source and on the page:
    0 when it means "nothing", else 1 (a ladder: junior is 1)."""
    return 0 if has_none(config) else 1


def depth_index(config: Config) -> int:
    """``teamext_depth_level`` as an index into ``teamext_levels``: the setting
    counts as the pages do (from 1 on a scale without a none level)."""
    return int(config.teamext_depth_level) - first_number(config)


def guidance_label(config: Config) -> str:
    """The marker's label: the configured text, or the translated default."""
    label = str(config.teamext_guidance_label or "").strip()
    return _("suggested") if label in ("", "suggested") else label
