extensions = ["sphinx_teamext"]
nitpicky = True
teamext_coverage = "off"
