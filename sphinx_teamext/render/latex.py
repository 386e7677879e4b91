"""LaTeX polish: the style file, boxed cards and skill maps that fit the page.

Sphinx's LaTeX writer wraps every container in ``sphinxuseclass`` for each of
its classes, which opens the environment ``sphinxclass<class>`` when one is
defined. ``static/sphinxteamext.sty`` defines those environments; this module
ships the file with every LaTeX build and reshapes the doctree being written
(never the stored one, so HTML is untouched) where the writer needs help.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from .html import STATIC

PACKAGE = "sphinxteamext"
STYLE_FILE = STATIC / f"{PACKAGE}.sty"

#: Card classes that say what a card holds; they must open before the box does.
KIND_CLASSES = ("teamext-skill", "teamext-stage", "teamext-role", "teamext-person")

#: Skill maps with more skill columns than this get a smaller font.
WIDE_MAP = 5


def ship_style(app: Sphinx) -> None:
    """Copy the style file next to the .tex file, for this project or any other."""
    if app.builder.format != "latex":
        return
    files = [str(f) for f in app.config.latex_additional_files]
    if str(STYLE_FILE) not in files:
        # An absolute path: Sphinx joins it to the conf dir, which keeps it as is.
        app.config.latex_additional_files = [*files, str(STYLE_FILE)]


def map_colspec(skills: int) -> str:
    """Column widths that add up to the line width: the row head, then equal skill columns."""
    head = 0.28 if skills <= 3 else 0.2 if skills <= WIDE_MAP else 0.16
    each = (1 - head) / skills
    col = r">{\raggedright\arraybackslash}\Y{%.3f}"
    return col % head + (col % each) * skills


class LatexCards(SphinxPostTransform):
    """Prepare cards and skill maps for the environments of ``sphinxteamext.sty``."""

    default_priority = 6  # after ResolveViews (5) filled the cards and maps
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(nodes.container)):
            classes: list[str] = node["classes"]
            if "teamext-card" in classes:
                self.card(node, classes)
            elif "teamext-skill-map" in classes:
                self.skill_map(node)
            self.anchor(node)

    def anchor(self, node: nodes.container) -> None:
        """Give a container's ids a label: the writer drops ids on containers,
        which would leave every link to a card without a target. A table that
        opens the container takes them (the writer labels tables itself, and
        skips a target just before one)."""
        if not node["ids"]:
            return
        first = node.children[0] if node.children else None
        if isinstance(first, nodes.table) and not first["ids"]:
            first["ids"] = node["ids"]
        else:
            node.insert(0, nodes.target("", "", ids=node["ids"]))
        node["ids"] = []

    def card(self, node: nodes.container, classes: list[str]) -> None:
        # The kind's environment sets the colour the box then draws with.
        kinds = [c for c in classes if c in KIND_CLASSES]
        rest = [c for c in classes if c not in KIND_CLASSES and c != "teamext-card"]
        node["classes"] = [*rest, *kinds, "teamext-card"]
        # A paragraph has no class hook in LaTeX: wrap the title in a container.
        first = node.children[0] if node.children else None
        if isinstance(first, nodes.paragraph) and "teamext-card-title" in first["classes"]:
            title = nodes.container(classes=["teamext-card-title"])
            node.replace(first, title)
            title += first

    def skill_map(self, node: nodes.container) -> None:
        for table in list(node.findall(nodes.table)):
            if "teamext-skill-map-table" not in table["classes"]:
                continue
            tgroup = next(table.findall(nodes.tgroup), None)
            if tgroup is None or int(tgroup["cols"]) < 2:
                continue
            skills = int(tgroup["cols"]) - 1
            spec = addnodes.tabular_col_spec()
            spec["spec"] = map_colspec(skills)
            table.parent.insert(table.parent.index(table), spec)
            if skills > WIDE_MAP:
                node["classes"].append("teamext-skill-map-wide")


def setup_latex(app: Sphinx) -> None:
    app.add_latex_package(PACKAGE)
    app.connect("builder-inited", ship_style)
    app.add_post_transform(LatexCards)
