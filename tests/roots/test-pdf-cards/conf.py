extensions = ["sphinx_design", "sphinx_teamext"]
project = "PDF cards"
latex_documents = [("index", "cards.tex", "PDF cards", "Test", "manual")]
latex_domain_indices = ["team-roleindex", "team-skillindex"]
teamext_coverage = "off"
