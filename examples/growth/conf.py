"""A worked example of ladders and growth with sphinx_teamext (see the
own-handbook guide): a ladder with two tracks, a person, and a filled form."""

project = "Example growth framework"
author = "Example team"

extensions = ["myst_parser", "sphinx_teamext"]
myst_enable_extensions = ["colon_fence"]
nitpicky = True
html_theme = "alabaster"

# A ladder of job levels has no "nothing" level: every name is a real step,
# and numbers count from 1 (junior=1 ... staff=4).
teamext_levels = ["junior", "mid", "senior", "staff"]
teamext_none_level = None
teamext_depth_level = 3
# Self and manager views this far apart (in steps) are flagged for calibration.
teamext_calibration_gap = 2
# An example has no interview stages to check against.
teamext_coverage = "off"
