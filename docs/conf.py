"""Sphinx configuration for the ML Team Handbook."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import sphinx_teamext

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))

project = "The ML Team Handbook"
author = "The ML Team Handbook authors"
copyright = f"{date.today().year}, {author}"  # noqa: A001
version = release = sphinx_teamext.__version__

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.mermaid",
    "sphinx_teamext",
    "local_mermaid",
]

root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
nitpicky = True

myst_enable_extensions = [
    "colon_fence",
    "deflist",
    "fieldlist",
    "attrs_inline",
    "attrs_block",
    "substitution",
    "tasklist",
    "smartquotes",
]
myst_heading_anchors = 3

html_theme = "furo"
html_title = "The ML Team Handbook"
html_static_path = ["_static"]
html_theme_options = {
    "source_repository": "https://github.com/ml-team-handbook/ml-team-handbook/",
    "source_branch": "main",
    "source_directory": "docs/",
}

# Diagrams are drawn in the browser; the bundle comes from node_modules (see _ext).
mermaid_output_format = "raw"
mermaid_init_config = {"startOnLoad": False}
