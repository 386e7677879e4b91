"""YAML anchors and merge keys (``<<: *base``) in data files, with lines kept
(issue 20, item 7)."""

from __future__ import annotations

import pytest
from conftest import has_warning, parse_warnings
from helpers import MYST_CONF, build

from sphinx_teamext.data.loader import LoadError, load_yaml

DATA = """\
version: 2
x-base: &base
  role: analyst
  skills: {sql: fluent, py: wizard}
x-title: &titled
  title: From the anchor
  reports-to: lead
skills:
  - id: sql
    title: SQL
  - id: py
    title: Python
roles:
  - id: analyst
    title: Analyst
    skills: sql=proficient
  - id: lead
    title: Lead
people:
  - <<: [*base, *titled]
    id: ana
    title: Ana
  - <<: *base
    id: bo
    title: Bo
    skills: {sql: expert}
"""

PAGE = """# People

```{team-import} team.yaml
```
"""


def test_merged_keys_are_read_and_the_record_overrides_them(tmp_path):
    (tmp_path / "conf.py").write_text(MYST_CONF + 'teamext_coverage = "off"\n', encoding="utf-8")
    (tmp_path / "index.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "team.yaml").write_text(DATA, encoding="utf-8")
    app = build(tmp_path)
    found = parse_warnings(app.warning.getvalue())
    # the bad level in the merged skills: at the anchor's line, where it is written
    # (once for ana; bo gives skills of its own, which win without "given twice")
    assert has_warning(
        found,
        "team.yaml",
        4,
        "team.yaml: people[0].skills.py: unknown level 'wizard'",
        "teamext.level",
    ), found
    assert len(found) == 1, found
    assert "unknown key '<<'" not in app.warning.getvalue()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    ana = html[html.index('id="team-person-ana"') :][:3000]
    assert "Analyst" in ana and "fluent (3/4)" in ana and "Lead" in ana
    bo = html[html.index('id="team-person-bo"') :][:3000]
    assert "expert (4/4)" in bo and "fluent (3/4)" not in bo
    # the record's own title wins over the anchor's
    assert "From the anchor" not in html


def test_merge_order_and_lines():
    root = load_yaml("a: &a {k: 1, m: 2}\nb: &b {k: 3, n: 4}\nc:\n  <<: [*a, *b]\n  m: 5\n")
    c = dict(root.value)["c"]
    values = {key: (datum.value, datum.line) for key, datum in c.value}
    assert values == {"k": ("1", 1), "m": ("5", 5), "n": ("4", 2)}
    assert len(c.value) == 3  # nothing twice: the reader reports no duplicate


def test_a_merge_of_a_non_mapping_is_a_located_error():
    with pytest.raises(LoadError, match="merge key") as info:
        load_yaml("a: &a [1, 2]\nb:\n  <<: *a\n")
    assert info.value.line == 3  # the merge key's line
