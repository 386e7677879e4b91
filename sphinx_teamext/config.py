"""The ``teamext_*`` configuration values, their defaults and rebuild scope."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from .locale import _
from .warnings import warn

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


# -- checking the values ------------------------------------------------------------
#
# A bad value is the user's mistake, not a crash: one teamext.config warning at
# conf.py naming the setting and what it accepts, and the build goes on with the
# default. The checks run before Sphinx's own type check (priority 800), which
# then sees only good values and so never reports the same mistake again.

#: Whether a value is good, given the values checked before it.
Check = Callable[[Any, Config], bool]


def _names(value: Any, config: Config) -> bool:
    if not isinstance(value, (list, tuple)) or len(value) < 2:
        return False
    if not all(isinstance(n, str) and n.strip() for n in value):
        return False
    lowered = [n.strip().lower() for n in value]
    return len(set(lowered)) == len(lowered)


def _depth(value: Any, config: Config) -> bool:
    first = first_number(config)
    return (
        isinstance(value, int)
        and not isinstance(value, bool)
        and first < value < len(config.teamext_levels) + first
    )


def _none_level(value: Any, config: Config) -> bool:
    levels = config.teamext_levels
    return value is None or (
        isinstance(value, str) and value.strip().lower() == str(levels[0]).strip().lower()
    )


def _one_of(*choices: str) -> Check:
    return lambda value, config: value in choices


def _whole_at_least(low: int) -> Check:
    return lambda value, config: (
        isinstance(value, int) and not isinstance(value, bool) and value >= low
    )


def _text(value: Any, config: Config) -> bool:
    return isinstance(value, str)


def _text_or_none(value: Any, config: Config) -> bool:
    return value is None or isinstance(value, str)


def _accepts(name: str, config: Config) -> str:
    """What ``name`` accepts, in words (some depend on the scale)."""
    first = first_number(config)
    levels = list(config.teamext_levels)
    scale = ", ".join(f"{i}={n}" for i, n in enumerate(levels, first))
    words = {
        "teamext_levels": "a list of at least two different, non-empty level names",
        "teamext_depth_level": (
            f"a whole number from {first + 1} to {len(levels) - 1 + first}, a level of "
            f"the scale above its first ({scale})"
        ),
        "teamext_none_level": f"the first level name ({levels[0]!r}) or None",
        "teamext_guidance_label": "a text",
        "teamext_coverage": '"warn" or "off"',
        "teamext_empty_sections": '"warn" or "off"',
        "teamext_calibration_gap": "a whole number of steps, 1 or more",
        "teamext_diagrams": '"auto" or "fallback"',
        "teamext_mermaid_path": "a folder (a text, relative to conf.py) or None",
    }
    return words[name]


#: In this order: later checks read the values checked before them.
CHECKS: dict[str, Check] = {
    "teamext_levels": _names,
    "teamext_none_level": _none_level,
    "teamext_depth_level": _depth,
    "teamext_guidance_label": _text,
    "teamext_coverage": _one_of("warn", "off"),
    "teamext_empty_sections": _one_of("warn", "off"),
    "teamext_calibration_gap": _whole_at_least(1),
    "teamext_diagrams": _one_of("auto", "fallback"),
    "teamext_mermaid_path": _text_or_none,
}


def _default(name: str, config: Config) -> Any:
    value = next(v for v in CONFIG_VALUES if v.name == name)
    default = value.default(config) if callable(value.default) else value.default
    if name == "teamext_depth_level":  # the default 3 may be past the top of a short scale
        default = min(int(default), len(config.teamext_levels) - 1 + first_number(config))
    return list(default) if isinstance(default, list) else default


def conf_location(app: Sphinx, name: str) -> Any:
    """``conf.py`` at the line that sets ``name`` (no line for a ``-D`` value)."""
    confdir = getattr(app, "confdir", None)
    if not confdir:
        return None
    path = Path(confdir) / "conf.py"
    line = 0
    try:
        for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.match(rf"\s*{re.escape(name)}\s*(:[^=]*)?=(?!=)", text):
                line = n  # the last assignment is the one that counts
    except OSError:
        return None
    node = nodes.Element()
    node.source, node.line = str(path), line or None
    return node


def check_config(app: Sphinx, config: Config) -> None:
    """Warn about each bad value and use the default instead."""
    for name, check in CHECKS.items():
        value = config[name]
        if check(value, config):
            continue
        default = _default(name, config)
        warn(
            f"{name} = {_shown(value)} is not accepted: it takes {_accepts(name, config)}; "
            f"the default, {_shown(default)}, is used",
            "config",
            conf_location(app, name),
        )
        setattr(config, name, default)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def setup_config(app: Sphinx) -> None:
    for value in CONFIG_VALUES:
        app.add_config_value(value.name, value.default, value.rebuild, types=value.types)  # type: ignore[arg-type]
    app.connect("config-inited", check_config, priority=400)


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
