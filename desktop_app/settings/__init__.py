"""Settings, credentials and network rules (Qt-free).

Import the submodules directly (``desktop_app.settings.model``, ``.store``, ``.secrets``,
``.network``, ``.redact``): this package imports nothing itself, so that ``desktop_app.logs``
can use ``redact`` without pulling keyring and truststore into start-up.
"""
