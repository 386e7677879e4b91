extensions = ["myst_parser", "sphinxcontrib.mermaid", "sphinx_teamext"]
myst_enable_extensions = ["colon_fence"]
nitpicky = True
teamext_coverage = "off"
