"""The Qt layer: one folder per feature, views (layout) apart from controllers (behaviour).

See docs/ARCHITECTURE.md. The core packages (``desktop_app.booking``, ``journal``, ``training``,
``settings``, ``printing``, ``api``, ``sandbox``, ``text``) never import Qt; only this package does.
"""
