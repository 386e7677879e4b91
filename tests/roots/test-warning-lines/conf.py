extensions = ["myst_parser", "sphinx_design", "sphinx_teamext"]
myst_enable_extensions = ["colon_fence"]
teamext_coverage = "off"
teamext_empty_sections = "off"
