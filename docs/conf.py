"""Sphinx configuration for the ML Team Handbook."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import sphinx_teamext

# sphinxext-opengraph prints a line about matplotlib when it is imported, even
# with social cards off; import it quietly so `nox -s docs` stays quiet.
with contextlib.redirect_stdout(io.StringIO()):
    import sphinxext.opengraph  # noqa: F401

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))
from pdf_download import furo_sidebars  # noqa: E402  (docs/_ext, just put on the path)

project = "The ML Team Handbook"
author = "The ML Team Handbook authors"
copyright = f"{date.today().year}, {author}"
version = release = sphinx_teamext.__version__

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.mermaid",
    "sphinx_teamext",
    "teamext_reference",
    "accessible_html",
    "sphinx_sitemap",
    "sphinxext.opengraph",
    "notfound.extension",
]


def full_git_history() -> bool:
    """True in a complete clone; a copy without git (an sdist) or a shallow clone
    (where the plugin would warn) builds without "last updated" dates."""
    git = shutil.which("git")
    if git is None:
        return False
    done = subprocess.run(
        [git, "rev-parse", "--is-shallow-repository"],
        cwd=HERE, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return done.returncode == 0 and done.stdout.strip() == "false"


if full_git_history():
    extensions.append("sphinx_last_updated_by_git")
    # Without the plugin Sphinx would print the build date here: no date is better.
    html_last_updated_fmt = "%Y-%m-%d"

root_doc = "index"
# reference/_generated: tables the reference includes (docs/_ext/teamext_reference.py).
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "reference/_generated"]
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
templates_path = ["_templates"]


# furo's own sidebar, and after its navigation tree the PDF and EPUB when they
# were built (docs/_templates/sidebar/downloads.html, filled by _ext/pdf_download).
html_sidebars = {"**": furo_sidebars()}
html_theme_options = {
    "source_repository": "https://github.com/ml-team-handbook/ml-team-handbook/",
    "source_branch": "main",
    "source_directory": "docs/",
}

# Where the site is published: Read the Docs says so itself; HANDBOOK_BASEURL
# points the links of a local build (the browser tests) at its own server.
PAGES_URL = "https://ml-team-handbook.github.io/ml-team-handbook/"
html_baseurl = os.environ.get(
    "HANDBOOK_BASEURL", os.environ.get("READTHEDOCS_CANONICAL_URL", PAGES_URL)
)
git_last_updated_timezone = "UTC"
sitemap_url_scheme = "{link}"
sitemap_excludes = ["search.html", "genindex.html", "404.html"]
ogp_site_url = html_baseurl
ogp_site_name = project
ogp_social_cards = {"enable": False}
# The 404 page is served for any missing path, so its links are absolute.
notfound_urls_prefix = urlparse(html_baseurl).path or "/"
notfound_context = {
    "title": "Page not found",
    "body": (
        "<h1>Page not found</h1>"
        "<p>This page does not exist, or it has moved. Start again from the "
        f'<a href="{notfound_urls_prefix}index.html">front page</a> or use the search.</p>'
    ),
}

# Diagrams are drawn in the browser; sphinx_teamext serves the mermaid bundle from
# the site (_static/mermaid/), taken from node_modules/mermaid, which `npm ci` fills
# from package-lock.json (teamext_mermaid_path in the reference).
mermaid_output_format = "raw"
mermaid_init_config = {"startOnLoad": False}

# -- PDF (nox -s pdf): Sphinx's LaTeX builder, pdflatex through latexmk --------
# sphinx_teamext ships the LaTeX styles (boxed cards, skill maps, scorecards).
# mermaid-cli draws each diagram as a PDF sized to its content, with Debian's
# Chromium (scripts/puppeteer-config.json). sphinxcontrib-mermaid names each
# output by a hash of its code and options, so an unchanged rebuild draws none.
REPO = HERE.parent
PDF = REPO / "build" / "pdf" / "ml-team-handbook.pdf"
latex_engine = "pdflatex"
latex_documents = [(root_doc, "ml-team-handbook.tex", project, author, "manual")]
latex_domain_indices = ["team-roleindex", "team-skillindex"]
latex_show_urls = "footnote"
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "10pt",
    "releasename": "Version",
    "extraclassoptions": "openany,oneside",  # read on screen: no blank pages
}
mermaid_cmd = str(REPO / "node_modules" / ".bin" / "mmdc")
# The neutral theme prints in grayscale without losing contrast.
mermaid_params = [
    "--pdfFit",
    "--theme",
    "neutral",
    "-p",
    # Debian's Chromium where it exists; else the browser puppeteer installed
    # (Read the Docs, see .readthedocs.yaml).
    str(
        REPO / "scripts" / "puppeteer-config.json"
        if Path("/usr/bin/chromium").exists()
        else REPO / "scripts" / "puppeteer-config-bundled.json"
    ),
]
# sphinx_teamext redraws diagrams when these settings change; pdf_download has
# the HTML offer the PDF and the EPUB once they have been built (in _ext).
extensions += ["pdf_download", "epub_book"]
handbook_pdf = str(PDF) if PDF.is_file() else ""

# -- EPUB (nox -s epub): Sphinx's EPUB 3 builder, checked by EPUBCheck -------------
# E-readers run no scripts: sphinx_teamext draws each diagram as a PNG with
# mermaid-cli (mermaid_params above, on a white background at twice the pixels;
# cached in the book's _images/ like the PDF's drawings), and epub_book turns
# task-list checkboxes into text. The book links to nothing outside itself:
# the downloads of pdf_download are for the site only.
EPUB = REPO / "build" / "epub" / "ml-team-handbook.epub"
handbook_epub = str(EPUB) if EPUB.is_file() else ""
language = "en"
epub_basename = "ml-team-handbook"
epub_title = project
epub_author = author
epub_publisher = author
epub_copyright = copyright
# The book's identifier; the table of contents (toc.ncx) must repeat the same
# text, and Sphinx writes epub_uid there, so the two are one XML name.
epub_uid = epub_identifier = "ml-team-handbook"
epub_description = (
    "How to build a machine-learning team at a startup: structure, the one "
    "engineering role, hiring, onboarding, mindset and stakeholders."
)
epub_show_urls = "no"  # links stay clickable; printed URLs would crowd a small screen
# Files other extensions write into every HTML-like output that are no part of a book.
epub_exclude_files = ["sitemap.xml", "robots.txt", "404.xhtml", "search.xhtml", ".buildinfo.bak"]
