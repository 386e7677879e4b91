extensions = ["myst_parser", "sphinx_teamext"]
myst_enable_extensions = ["colon_fence"]
nitpicky = True
latex_documents = [("index", "honest.tex", "Honest records", "Tests", "manual")]
