"""A small handbook whose records come from a data file (team.yaml)."""

project = "Example team handbook (imported data)"
author = "Example team"

extensions = ["myst_parser", "sphinx_teamext"]
myst_enable_extensions = ["colon_fence"]
nitpicky = True

# The skill scale, and the level from which a skill counts as depth
# (both are the defaults).
teamext_levels = ["none", "learning", "proficient", "fluent", "expert"]
teamext_depth_level = 3
