"""Reader-facing labels are translatable, and the shipped catalogue is current."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

PACKAGE = Path(__file__).parent.parent / "sphinx_teamext"


def test_pot_catalogue_lists_every_label():
    with (PACKAGE / "locale" / "sphinx_teamext.pot").open("rb") as f:
        shipped = {m.id for m in read_po(f) if m.id}
    found = {
        msg
        for _file, _line, msg, _comments, _ctx in extract_from_dir(PACKAGE, keywords={"_": None})
    }
    assert found, "no labels found: is the keyword still _?"
    assert found == shipped, "run `nox -s pot` to refresh sphinx_teamext/locale/sphinx_teamext.pot"
