"""The settings dialog: view, page helpers and controller."""
