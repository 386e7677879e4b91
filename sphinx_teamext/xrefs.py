"""``{team:*}`` cross-references: a record's title, linked to its card."""

from __future__ import annotations

from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.util.nodes import make_refnode

from .model import KINDS, Lookup

#: Cross-reference role name -> record kind.
ROLE_KINDS = {"skill": "skill", "stage": "stage", "role": "role", "person": "person"}


def resolve_one(
    domain: Lookup,
    builder: Builder,
    fromdocname: str,
    typ: str,
    target: str,
    node: pending_xref,
    contnode: Element,
) -> nodes.reference | None:
    record = domain.lookup(ROLE_KINDS.get(typ, typ), target.strip())
    if record is None:
        return None
    if not node.get("refexplicit"):  # `{team:role}`mle`` shows the role's title
        contnode = nodes.inline(record.title, record.title, classes=contnode["classes"])
    return make_refnode(builder, fromdocname, record.docname, record.anchor, contnode, record.title)


def resolve_any(
    domain: Lookup, builder: Builder, fromdocname: str, target: str, contnode: Element
) -> list[tuple[str, nodes.reference]]:
    results = []
    for kind in KINDS:
        record = domain.lookup(kind, target)
        if record is not None:
            ref = make_refnode(
                builder, fromdocname, record.docname, record.anchor, contnode, record.title
            )
            results.append((f"team:{kind}", ref))
    return results
