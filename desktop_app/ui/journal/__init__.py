"""The shift journal window: table model, view and controller."""
