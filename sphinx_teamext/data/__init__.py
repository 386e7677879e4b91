"""Competency data in and out: the import format (YAML or JSON), the JSON
export at the output's root, and the CSV file of each skill map."""
