"""First run: the welcome page and the guided path (Help → Getting started)."""
