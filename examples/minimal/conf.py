"""A minimal handbook that uses sphinx_teamext."""

project = "Example team handbook"
author = "Example team"

extensions = ["myst_parser", "sphinx_teamext"]
myst_enable_extensions = ["colon_fence"]
nitpicky = True

# Any theme: the tests also build this project with sphinx_book_theme,
# pydata_sphinx_theme and alabaster.
html_theme = "furo"

# The skill scale, and the level from which a skill counts as depth
# (both are the defaults).
teamext_levels = ["none", "learning", "proficient", "fluent", "expert"]
teamext_depth_level = 3
