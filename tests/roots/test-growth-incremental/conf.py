extensions = ["myst_parser", "sphinx_teamext"]
myst_enable_extensions = ["colon_fence"]
html_theme = "basic"
teamext_coverage = "off"
teamext_empty_sections = "off"
