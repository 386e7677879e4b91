"""Records and views -> plain docutils nodes, with HTML and LaTeX polish on top."""
