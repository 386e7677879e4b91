extensions = ["myst_parser", "sphinx_teamext"]
myst_enable_extensions = ["colon_fence"]
nitpicky = True
teamext_coverage = "off"
