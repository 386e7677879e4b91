"""What the EPUB needs that the HTML site does not: a book has no form controls.

MyST's task lists are ``<input type="checkbox">`` elements, which an EPUB may
not hold as written (an unclosed ``<input>`` makes the chapter unreadable XML)
and which an e-reader could not tick anyway. In the EPUB each box becomes text,
"☐ " or "☑ ", in front of its item. The site keeps the real (disabled)
checkboxes, which accessible_html names for screen readers.

Diagrams become pictures in sphinx_teamext itself; the download links of
pdf_download stay out of the book (the PDF is not in it).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

CHECKBOX = '<input class="task-list-item-checkbox"'
EMPTY, TICKED = "☐ ", "☑ "


class TaskListAsText(SphinxPostTransform):
    # Before accessible_html names the checkboxes (900): none is left to name.
    default_priority = 850
    builders = ("epub",)

    def run(self, **kwargs: Any) -> None:
        for raw in list(self.document.findall(nodes.raw)):
            html = raw.astext()
            if not html.startswith(CHECKBOX):
                continue
            ticked = 'checked="checked"' in html or " checked" in html.split(">")[0]
            raw.replace_self(nodes.Text(TICKED if ticked else EMPTY))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_post_transform(TaskListAsText)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
