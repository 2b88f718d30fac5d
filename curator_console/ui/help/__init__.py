"""The Help menu: getting started, keyboard shortcuts, the user guide and About."""
