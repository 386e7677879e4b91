"""Synthetic handbooks for the benchmark, in five variants with the same records.

``plain``    the same pages with each record written as one plain paragraph:
             no directives, no links, no backlinks (the issue 12 baseline).
``floor``    the same pages written by hand: sphinx-design cards, plain MyST
             links to labels, backlink lists and skill maps as pipe tables.
``needs``    sphinx-needs: one need per record, links between them, and a
             ``needtable`` per skill map (rows x linked skills, no level matrix).
``teamext``  role/person cards, skill and stage records, ``skill-map`` views,
             ``{team:*}`` references: the extension computes backlinks and maps.
``teamext-growth``  ``teamext`` plus growth (issue 18): ``:next:`` on the roles of
             N/50 ladders (8 or 7 rungs, a track split, every other ladder rejoining),
             a ``team-ladder`` per ladder on a map page (``changes`` and ``all`` in
             turn) and one of every ladder, self, manager and peer ``assessment``
             blocks on every fifth person, a ``team-growth`` on each people page.
             Same pages, same records: compared with ``teamext``, never with the peers.

Two configurations (``CONFIGS``): ``alabaster`` (the default theme, and
sphinx-design loaded in every variant: what issue 12's targets apply to) and
``basic`` (theme ``basic``, each variant loads only what it uses: the
configuration of the benchmark before issue 12, reported beside it).

Every ``conf.py`` also loads ``bench/count_nodes.py`` when the environment
variable ``TEAMEXT_BENCH_COUNT`` names a file: only in the separate counting
builds, never in timed ones.

Everything is drawn from ``random.Random(n)`` (growth from a second generator, so
the other variants stay as they were), so a size always gives the same project.
Counts scale with ``n`` roles: ``n/5`` skills, ``n/2`` people, ``n/100`` interview
stages (at least 5), ``n/20`` skill maps.
"""

from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

VARIANTS = ("plain", "floor", "needs", "teamext", "teamext-growth")
CONFIGS = ("alabaster", "basic")
HERE = Path(__file__).resolve().parent
LEVELS = ["none", "learning", "proficient", "fluent", "expert"]
ROLES_PER_PAGE = 10
PEOPLE_PER_PAGE = 10
SKILLS_PER_PAGE = 25
MAP_ROWS = 20
MAP_SKILLS = 8


@dataclass
class Member:
    id: str
    title: str
    page: str
    skills: list[tuple[str, int]]
    reports_to: str = ""
    stages: list[str] = field(default_factory=list)  # roles only
    role: str = ""  # people only
    mentions: list[str] = field(default_factory=list)  # role ids named in the body
    summary: str = ""


@dataclass
class Skill:
    id: str
    title: str
    page: str
    group: str


@dataclass
class Stage:
    id: str
    title: str
    page: str
    order: int
    assesses: list[str]


@dataclass
class SkillMap:
    page: str
    caption: str
    rows: list[str]
    skills: list[str]


@dataclass
class Assessment:
    by: str  # self, manager or a person id
    date: str
    skills: list[tuple[str, int]]


@dataclass
class Growth:
    """What ``teamext-growth`` adds: ladders, views of them, assessments, growth views."""

    next_of: dict[str, list[str]]  # role id -> the posts it leads to
    ladders: list[tuple[str, str, str]]  # (page, start role or "", show)
    assessments: dict[str, list[Assessment]]  # person id -> in document order
    views: list[tuple[str, str, str]]  # (page, person, target role or "")


@dataclass
class Handbook:
    n: int
    skills: list[Skill]
    stages: list[Stage]
    roles: list[Member]
    people: list[Member]
    maps: list[SkillMap]
    growth: Growth

    def pages(self) -> list[str]:
        seen: dict[str, None] = {}
        records: list[Skill | Stage | Member | SkillMap] = [
            *self.skills,
            *self.stages,
            *self.roles,
            *self.people,
            *self.maps,
        ]
        for rec in records:
            seen.setdefault(rec.page, None)
        return list(seen)

    def title_of(self, ident: str) -> str:
        return self.by_id()[ident].title

    def by_id(self) -> dict[str, Skill | Stage | Member]:
        records: list[Skill | Stage | Member] = [*self.skills, *self.stages, *self.roles]
        return {r.id: r for r in [*records, *self.people]}

    def pages_showing_role(self, ident: str, growth: bool = False) -> set[str]:
        """Pages whose output shows role ``ident`` (its title or a link to it)."""
        role = next(r for r in self.roles if r.id == ident)
        pages = {role.page}
        pages |= {m.page for m in self.maps if ident in m.rows}
        pages |= {r.page for r in self.roles if ident in (r.reports_to, *r.mentions)}
        pages |= {p.page for p in self.people if ident in (p.reports_to, p.role)}
        pages |= {s.page for s in self.skills if any(sid == s.id for sid, _ in role.skills)}
        pages |= {s.page for s in self.stages if s.id in role.stages}
        if growth:
            g = self.growth
            # next and previous level links on the neighbouring role cards
            near = {*g.next_of.get(ident, [])} | {a for a, nx in g.next_of.items() if ident in nx}
            pages |= {r.page for r in self.roles if r.id in near}
            pages |= {page for page, start, _ in g.ladders if ident in self.ladder(start)}
            role_of = {p.id: p.role for p in self.people}
            for page, person, target in g.views:
                shown = target or g.next_of.get(role_of[person], [""])[0]
                if ident in (role_of[person], shown):
                    pages.add(page)
        return pages

    def ladder(self, start: str) -> set[str]:
        """Every rung reachable from ``start`` (from every ladder's first rung if empty)."""
        nx = self.growth.next_of
        todo = [start] if start else [a for a in nx if not any(a in v for v in nx.values())]
        seen: set[str] = set()
        while todo:
            r = todo.pop()
            if r not in seen:
                seen.add(r)
                todo += nx.get(r, [])
        return seen


def make(n: int) -> Handbook:
    rng = random.Random(n)
    n_skills = max(10, n // 5)
    n_people = n // 2
    n_stages = max(5, n // 100)
    n_maps = max(2, n // 20)
    groups = ["engineering", "research", "product", "operations"]
    skills = [
        Skill(
            f"s{i:04d}",
            f"Skill {i} of the team",
            f"skills/p{i // SKILLS_PER_PAGE:03d}",
            groups[i % len(groups)],
        )
        for i in range(n_skills)
    ]
    sids = [s.id for s in skills]
    stages = [
        Stage(f"t{i:04d}", f"Interview stage {i}", "stages", i + 1, rng.sample(sids, 10))
        for i in range(n_stages)
    ]
    roles: list[Member] = []
    for i in range(n):
        picked = rng.sample(sids, 5)
        roles.append(
            Member(
                id=f"r{i:04d}",
                title=f"Role {i}",
                page=f"roles/p{i // ROLES_PER_PAGE:03d}",
                skills=[(s, rng.randint(1, 4)) for s in picked],
                reports_to=f"r{(i - 1) // 10:04d}" if i else "",
                stages=sorted(rng.sample([t.id for t in stages], 2)),
                mentions=[f"r{rng.randrange(n):04d}" for _ in range(2)],
                summary=f"Owns area {i} of the product from idea to production.",
            )
        )
    people = [
        Member(
            id=f"p{i:04d}",
            title=f"Person {i}",
            page=f"people/p{i // PEOPLE_PER_PAGE:03d}",
            skills=[(s, rng.randint(1, 4)) for s in rng.sample(sids, 4)],
            reports_to=f"r{rng.randrange(n):04d}",
            role=f"r{rng.randrange(n):04d}",
        )
        for i in range(n_people)
    ]
    maps = [
        SkillMap(
            f"maps/m{i:03d}",
            f"Skill map {i}",
            [r.id for r in rng.sample(roles, MAP_ROWS)],
            rng.sample(sids, MAP_SKILLS),
        )
        for i in range(n_maps)
    ]
    return Handbook(n, skills, stages, roles, people, maps, make_growth(n, roles, people, maps))


def make_growth(n: int, roles: list[Member], people: list[Member], maps: list[SkillMap]) -> Growth:
    """Ladders on disjoint roles (so no loop), views of them, assessments, growth views."""
    rng = random.Random(n * 18 + 6)
    pool = [r.id for r in roles]
    rng.shuffle(pool)
    next_of: dict[str, list[str]] = {}
    ladders: list[tuple[str, str, str]] = []
    for k in range(max(2, n // 50)):
        rejoin = k % 2 == 0
        a, b, c, d, e, m1, m2, f = pool[8 * k : 8 * k + 8]
        # a -> b -> c, then an individual-contributor track c -> d -> e and a
        # manager track c -> m1 -> m2; every other ladder rejoins at f.
        steps = {a: [b], b: [c], c: [d, m1], d: [e], m1: [m2]}
        if rejoin:
            steps |= {e: [f], m2: [f]}
        next_of |= steps
        ladders.append((maps[k % len(maps)].page, a, "changes" if k % 2 == 0 else "all"))
    ladders.append((maps[0].page, "", "changes"))  # every ladder, on one page
    rungs = sorted({r for k in next_of for r in (k, *next_of[k])})
    assessments: dict[str, list[Assessment]] = {}
    for i, p in enumerate(people):
        if i % 5:
            continue

        def jitter(skills: list[tuple[str, int]]) -> list[tuple[str, int]]:
            return [(s, min(4, max(1, lv + rng.randint(-1, 1)))) for s, lv in skills]

        month = 1 + i % 12
        found = [
            Assessment("self", f"2026-{month:02d}-10", jitter(p.skills)),
            Assessment("manager", f"2026-{month:02d}-20", jitter(p.skills)),
        ]
        if i % 10 == 0 and i:  # a peer, named by id
            found.append(Assessment(people[i - 1].id, f"2026-{month:02d}-25", jitter(p.skills)))
        assessments[p.id] = found
    views = []
    for i in range(0, len(people), PEOPLE_PER_PAGE):
        p = people[i]  # assessed: i is a multiple of 5
        target = "" if p.role in next_of else rng.choice(rungs)
        views.append((p.page, p.id, target))
    return Growth(next_of, ladders, assessments, views)


# -- shared page furniture ---------------------------------------------------------


def _conf(variant: str, config: str = "alabaster") -> str:
    own = {
        "plain": [],
        "floor": ["sphinx_design"],  # its cards are sphinx-design cards
        "needs": ["sphinx_needs"],
        "teamext": ["sphinx_teamext"],
        "teamext-growth": ["sphinx_teamext"],
    }[variant]
    if config == "alabaster":
        extensions = ["myst_parser", *own]
        if "sphinx_design" not in extensions:
            extensions.append("sphinx_design")
        theme = "alabaster"  # Sphinx's default theme
    elif config == "basic":
        extensions = ["myst_parser", *own]
        theme = "basic"  # no global-toc sidebar
    else:
        raise ValueError(config)
    lines = [
        f"extensions = {extensions!r}",
        "project = 'Synthetic handbook'",
        f"html_theme = {theme!r}",
        "myst_enable_extensions = ['colon_fence']",
        "suppress_warnings = ['myst.header']",
    ]
    if variant.startswith("teamext"):
        lines.append("teamext_coverage = 'off'")
        lines.append("teamext_empty_sections = 'off'")
    elif variant == "needs":
        lines += [
            "needs_types = [",
            *(
                f"    dict(directive='n{kind}', title='{kind.title()}', prefix='{prefix}'),"
                for kind, prefix in (
                    ("role", "R_"),
                    ("person", "P_"),
                    ("skill", "S_"),
                    ("stage", "T_"),
                )
            ),
            "]",
            "needs_fields = {k: {'nullable': True}",
            "                for k in ('summary', 'levels', 'group', 'format', 'order')}",
            "needs_links = {",
            "    'skills': {'incoming': 'required by', 'outgoing': 'skills'},",
            "    'stages': {'incoming': 'taken by', 'outgoing': 'interview stages'},",
            "    'assesses': {'incoming': 'assessed in', 'outgoing': 'assesses'},",
            "    'reports_to': {'incoming': 'reports', 'outgoing': 'reports to'},",
            "    'role': {'incoming': 'held by', 'outgoing': 'role'},",
            "}",
        ]
    lines += [
        "",
        "# Element counting, only in the benchmark's separate counting builds.",
        "import os as _os, sys as _sys",
        "if _os.environ.get('TEAMEXT_BENCH_COUNT'):",
        f"    _sys.path.append({str(HERE)!r})",
        "    extensions.append('count_nodes')",
    ]
    return "\n".join(lines) + "\n"


def _index(hb: Handbook) -> str:
    pages = "\n".join(hb.pages())
    return f"# Synthetic handbook\n\n```{{toctree}}\n:maxdepth: 1\n\n{pages}\n```\n"


def _level(value: int) -> str:
    return f"{LEVELS[value]} ({value}/{len(LEVELS) - 1})"


# -- teamext ------------------------------------------------------------------------


def _teamext_pages(hb: Handbook, growth: bool = False) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    g = hb.growth

    def add(page: str, text: str) -> None:
        out.setdefault(page, [f"# {page.replace('/', ' ').title()}\n"]).append(text)

    for s in hb.skills:
        add(
            s.page,
            f":::{{skill}} {s.id}\n:title: {s.title}\n:group: {s.group}\n\n"
            f"What {s.title.lower()} means in day-to-day work.\n:::\n",
        )
    for t in hb.stages:
        add(
            t.page,
            f":::{{interview-stage}} {t.id}\n:title: {t.title}\n:format: Video call\n"
            f":order: {t.order}\n:assesses: {', '.join(t.assesses)}\n:::\n",
        )
    for r in hb.roles:
        skills = ", ".join(f"{s}={lv}" for s, lv in r.skills)
        reports = f":reports-to: {r.reports_to}\n" if r.reports_to else ""
        if growth and r.id in g.next_of:
            reports += f":next: {', '.join(g.next_of[r.id])}\n"
        refs = " and ".join(f"{{team:role}}`{m}`" for m in r.mentions)
        add(
            r.page,
            f":::{{role-card}} {r.id}\n:title: {r.title}\n:summary: {r.summary}\n"
            f":skills: {skills}\n:stages: {', '.join(r.stages)}\n{reports}\n"
            f"Works closely with {refs}.\n:::\n",
        )
    for p in hb.people:
        skills = ", ".join(f"{s}={lv}" for s, lv in p.skills)
        found = g.assessments.get(p.id, []) if growth else []
        fence = ":::" + ":" * bool(found) * 2  # nested blocks need a longer outer fence
        add(
            p.page,
            f"{fence}{{person-card}} {p.id}\n:title: {p.title}\n:role: {p.role}\n"
            f":skills: {skills}\n:reports-to: {p.reports_to}\n"
            + "".join(_assessment(a) for a in found)
            + f"{fence}\n",
        )
    for m in hb.maps:
        add(
            m.page,
            f":::{{skill-map}}\n:rows: {', '.join(m.rows)}\n"
            f":skills: {', '.join(m.skills)}\n:caption: {m.caption}\n:::\n\n"
            f"The first row is {{team:role}}`{m.rows[0]}`.\n",
        )
    if growth:
        for page, start, show in g.ladders:
            opt = f":start: {start}\n" if start else ""
            add(page, f":::{{team-ladder}}\n{opt}:show: {show}\n:::\n")
        for page, person, target in g.views:
            opt = f":target: {target}\n" if target else ""
            add(page, f":::{{team-growth}}\n:person: {person}\n{opt}:::\n")
    return out


def _assessment(a: Assessment) -> str:
    skills = ", ".join(f"{s}={lv}" for s, lv in a.skills)
    first = a.skills[0][0]
    return (
        f"\n::::{{assessment}}\n:by: {a.by}\n:date: {a.date}\n:skills: {skills}\n\n"
        f"Delivered the quarter's goals ({a.by}).\n\n"
        f":::{{evidence}} {first}\nShipped a change that needed {first}.\n:::\n::::\n"
    )


def _teamext_growth_pages(hb: Handbook) -> dict[str, list[str]]:
    return _teamext_pages(hb, growth=True)


# -- floor: the same content written by hand ----------------------------------------


def _floor_pages(hb: Handbook) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    by_id = hb.by_id()

    def add(page: str, text: str) -> None:
        out.setdefault(page, [f"# {page.replace('/', ' ').title()}\n"]).append(text)

    def link(ident: str) -> str:
        return f"[{by_id[ident].title}](team-{ident})"

    def bullets(items: list[str]) -> str:
        return "\n".join(f"- {i}" for i in items) if items else "none"

    for s in hb.skills:
        needed = [
            f"{link(r.id)} — {_level(lv)}" for r in hb.roles for sid, lv in r.skills if sid == s.id
        ]
        held = [
            f"{link(p.id)} — {_level(lv)}" for p in hb.people for sid, lv in p.skills if sid == s.id
        ]
        assessed = ", ".join(link(t.id) for t in hb.stages if s.id in t.assesses) or "none"
        add(
            s.page,
            f"(team-{s.id})=\n::::{{card}} {s.title}\n**Group:** {s.group}\n\n"
            f"What {s.title.lower()} means in day-to-day work.\n\n"
            f"**Required by roles:**\n\n{bullets(needed)}\n\n"
            f"**Held by people:**\n\n{bullets(held)}\n\n"
            f"**Assessed in:** {assessed}\n::::\n",
        )
    for t in hb.stages:
        taken = ", ".join(link(r.id) for r in hb.roles if t.id in r.stages) or "none"
        add(
            t.page,
            f"(team-{t.id})=\n::::{{card}} {t.title}\n"
            f"**Stage:** {t.order}\n\n**Format:** Video call\n\n"
            f"**Assesses:** {', '.join(link(s) for s in t.assesses)}\n\n"
            f"**Roles that go through it:** {taken}\n::::\n",
        )
    for r in hb.roles:
        skills = bullets([f"{link(s)} — {_level(lv)}" for s, lv in r.skills])
        reports = f"**Reports to:** {link(r.reports_to)}\n\n" if r.reports_to else ""
        refs = " and ".join(link(m) for m in r.mentions)
        add(
            r.page,
            f"(team-{r.id})=\n::::{{card}} {r.title}\n{r.summary}\n\n"
            f"**Skills:**\n\n{skills}\n\n"
            f"**Interview stages:**\n\n{bullets([link(t) for t in r.stages])}\n\n"
            f"{reports}Works closely with {refs}.\n::::\n",
        )
    for p in hb.people:
        skills = bullets([f"{link(s)} — {_level(lv)}" for s, lv in p.skills])
        add(
            p.page,
            f"(team-{p.id})=\n::::{{card}} {p.title}\n"
            f"**Role:** {link(p.role)}\n\n**Skills:**\n\n{skills}\n\n"
            f"**Reports to:** {link(p.reports_to)}\n::::\n",
        )
    for m in hb.maps:
        head = "| Role | " + " | ".join(link(s) for s in m.skills) + " |"
        rule = "|" + " --- |" * (1 + len(m.skills))
        rows = []
        for rid in m.rows:
            levels = dict(next(r for r in hb.roles if r.id == rid).skills)
            cells = []
            for sid in m.skills:
                lv = levels.get(sid)
                cells.append(
                    "–" if lv is None else (f"**{_level(lv)}**" if lv >= 3 else _level(lv))
                )
            rows.append(f"| **{link(rid)}** | " + " | ".join(cells) + " |")
        add(
            m.page,
            f"**{m.caption}**\n\n{head}\n{rule}\n" + "\n".join(rows) + "\n\n"
            f"**Scale:** 0 none, 1 learning, 2 proficient, 3 fluent, 4 expert. "
            f"Cells at depth are in bold; a dash means not listed.\n\n"
            f"The first row is {link(m.rows[0])}.\n",
        )
    return out


# -- plain: the records as plain paragraphs ------------------------------------------


def _plain_pages(hb: Handbook) -> dict[str, list[str]]:
    """Each record as one paragraph of text: no directives, no links, no backlinks."""
    out: dict[str, list[str]] = {}
    by_id = hb.by_id()

    def add(page: str, text: str) -> None:
        out.setdefault(page, [f"# {page.replace('/', ' ').title()}\n"]).append(text)

    def names(idents: list[str]) -> str:
        return ", ".join(by_id[i].title for i in idents)

    def levels(skills: list[tuple[str, int]]) -> str:
        return ", ".join(f"{by_id[s].title} at {_level(lv)}" for s, lv in skills)

    for s in hb.skills:
        add(
            s.page,
            f"{s.title} ({s.id}), group {s.group}. "
            f"What {s.title.lower()} means in day-to-day work.\n",
        )
    for t in hb.stages:
        add(
            t.page,
            f"{t.title} ({t.id}), stage {t.order}, video call. Assesses {names(t.assesses)}.\n",
        )
    for r in hb.roles:
        reports = f" Reports to {by_id[r.reports_to].title}." if r.reports_to else ""
        add(
            r.page,
            f"{r.title} ({r.id}). {r.summary} Skills: {levels(r.skills)}. "
            f"Interview stages: {names(r.stages)}.{reports} "
            f"Works closely with {' and '.join(by_id[m].title for m in r.mentions)}.\n",
        )
    for p in hb.people:
        add(
            p.page,
            f"{p.title} ({p.id}), {by_id[p.role].title}. Skills: {levels(p.skills)}. "
            f"Reports to {by_id[p.reports_to].title}.\n",
        )
    for m in hb.maps:
        add(
            m.page,
            f"{m.caption}: roles {names(m.rows)}; skills {names(m.skills)}.\n\n"
            f"The first row is {by_id[m.rows[0]].title}.\n",
        )
    return out


# -- sphinx-needs ---------------------------------------------------------------------


def _nid(ident: str) -> str:
    return {"s": "S_", "t": "T_", "r": "R_", "p": "P_"}[ident[0]] + ident[1:]


def _needs_pages(hb: Handbook) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}

    def add(page: str, text: str) -> None:
        out.setdefault(page, [f"# {page.replace('/', ' ').title()}\n"]).append(text)

    def ids(idents: list[str]) -> str:
        return ", ".join(_nid(i) for i in idents)

    for s in hb.skills:
        add(
            s.page,
            f":::{{nskill}} {s.title}\n:id: {_nid(s.id)}\n:group: {s.group}\n\n"
            f"What {s.title.lower()} means in day-to-day work.\n:::\n",
        )
    for t in hb.stages:
        add(
            t.page,
            f":::{{nstage}} {t.title}\n:id: {_nid(t.id)}\n:format: Video call\n"
            f":order: {t.order}\n:assesses: {ids(t.assesses)}\n:::\n",
        )
    for r in hb.roles:
        levels = ", ".join(f"{_nid(s)}={lv}" for s, lv in r.skills)
        reports = f":reports_to: {_nid(r.reports_to)}\n" if r.reports_to else ""
        refs = " and ".join(f"{{need}}`{_nid(m)}`" for m in r.mentions)
        add(
            r.page,
            f":::{{nrole}} {r.title}\n:id: {_nid(r.id)}\n:summary: {r.summary}\n"
            f":skills: {ids([s for s, _ in r.skills])}\n:levels: {levels}\n"
            f":stages: {ids(r.stages)}\n{reports}\n"
            f"Works closely with {refs}.\n:::\n",
        )
    for p in hb.people:
        levels = ", ".join(f"{_nid(s)}={lv}" for s, lv in p.skills)
        add(
            p.page,
            f":::{{nperson}} {p.title}\n:id: {_nid(p.id)}\n:role: {_nid(p.role)}\n"
            f":skills: {ids([s for s, _ in p.skills])}\n:levels: {levels}\n"
            f":reports_to: {_nid(p.reports_to)}\n:::\n",
        )
    for m in hb.maps:
        wanted = ", ".join(f'"{_nid(r)}"' for r in m.rows)
        add(
            m.page,
            f":::{{needtable}} {m.caption}\n:filter: id in [{wanted}]\n"
            f":columns: id, title, skills, levels\n:style: table\n:::\n\n"
            f"The first row is {{need}}`{_nid(m.rows[0])}`.\n",
        )
    return out


PAGE_MAKERS = {
    "plain": _plain_pages,
    "teamext": _teamext_pages,
    "teamext-growth": _teamext_growth_pages,
    "floor": _floor_pages,
    "needs": _needs_pages,
}


def write(hb: Handbook, variant: str, root: Path, config: str = "alabaster") -> Path:
    """Write the ``variant`` project of ``hb`` into ``root`` (emptied first)."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    (root / "conf.py").write_text(_conf(variant, config), encoding="utf-8")
    (root / "index.md").write_text(_index(hb), encoding="utf-8")
    for page, parts in PAGE_MAKERS[variant](hb).items():
        path = root / f"{page}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(parts), encoding="utf-8")
    return root


def retitle_role(hb: Handbook, variant: str, root: Path, ident: str, title: str) -> Path:
    """Edit one role card's title in the written source (what an author would do)."""
    role = next(r for r in hb.roles if r.id == ident)
    path = root / f"{role.page}.md"
    text = path.read_text(encoding="utf-8")
    old = {
        "plain": f"{role.title} ({ident}). ",
        "teamext": f":::{{role-card}} {ident}\n:title: {role.title}\n",
        "teamext-growth": f":::{{role-card}} {ident}\n:title: {role.title}\n",
        "floor": f"::::{{card}} {role.title}\n",
        "needs": f":::{{nrole}} {role.title}\n:id: {_nid(ident)}\n",
    }[variant]
    assert old in text, (variant, ident)
    path.write_text(text.replace(old, old.replace(role.title, title), 1), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of roles")
    parser.add_argument("out", type=Path, help="folder to write (emptied first)")
    parser.add_argument("--variant", choices=VARIANTS, default="teamext")
    parser.add_argument("--config", choices=CONFIGS, default="alabaster")
    args = parser.parse_args()
    write(make(args.n), args.variant, args.out, args.config)
    print(f"wrote {args.out} ({args.variant}, {args.config}, {args.n} roles)")


if __name__ == "__main__":
    main()
