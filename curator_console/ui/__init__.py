"""Everything that imports Qt lives here (checked by import-linter)."""
