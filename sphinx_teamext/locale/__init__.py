"""Translatable labels: every string a reader sees goes through ``_``."""

from __future__ import annotations

from pathlib import Path

from sphinx.locale import get_translation

CATALOG = "sphinx_teamext"
LOCALE_DIR = Path(__file__).parent

_ = get_translation(CATALOG)
