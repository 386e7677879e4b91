extensions = ["myst_parser", "sphinx_teamext"]
myst_enable_extensions = ["colon_fence"]
nitpicky = True
teamext_coverage = "off"
project = "Pictures"
version = release = "1.0"
copyright = "2026, the test suite"
