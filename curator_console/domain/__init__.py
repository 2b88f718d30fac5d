"""Plain data and rules of the product. Imports only the standard library (checked by import-linter)."""
