"""The training dock of training mode: panel (view) and controller."""
