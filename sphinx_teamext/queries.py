"""Questions the records answer across pages about growth: the posts a
ladder steps to and from, and a person's assessments in document order."""

from __future__ import annotations

from .domain import TeamDomain
from .model import Assessment, Person, Role


def next_posts(domain: TeamDomain, role: Role) -> list[Role]:
    """The posts ``role``'s ``:next:`` names, in its order (unknown ids and
    profiles are reported elsewhere and left out)."""
    found = (domain.lookup("role", ident) for ident in role.next)
    return [r for r in found if isinstance(r, Role) and not r.is_profile and r is not role]


def previous_posts(domain: TeamDomain, role: Role) -> list[Role]:
    """Every post whose ``:next:`` leads to ``role``, in document order."""
    memo = domain.memo("previous-posts")
    if "index" not in memo:
        index: dict[str, list[Role]] = {}
        for post in domain.all_roles():
            if not post.is_profile:
                for target in next_posts(domain, post):
                    index.setdefault(target.id, []).append(post)
        memo["index"] = index
    found: list[Role] = memo["index"].get(role.id, [])
    return list(found)


def assessments_of(domain: TeamDomain, person: Person) -> list[Assessment]:
    """The person's assessments, from the card and from imported forms, in
    document order (a person's own card first within its page)."""
    imported = [a for a in domain.imported_assessments() if a.person == person.id]
    return in_order(domain, [*person.assessments, *imported])


def all_assessments(domain: TeamDomain) -> list[Assessment]:
    """Every assessment, of known people or not, in document order."""
    every = [a for p in domain.all_people() for a in p.assessments]
    return in_order(domain, every + domain.imported_assessments())


def in_order(domain: TeamDomain, items: list[Assessment]) -> list[Assessment]:
    memo = domain.memo("doc-rank")
    if "order" not in memo:
        memo["order"] = {doc: i for i, doc in enumerate(domain.doc_order())}
    order: dict[str, int] = memo["order"]
    return sorted(
        items, key=lambda a: (order.get(a.docname, len(order)), a.docname, a.lineno, a.seq)
    )
