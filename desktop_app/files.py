"""Small file helpers shared by the settings store, the journal and training progress."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


def broken_name(path: Path, now: datetime) -> Path:
    """A free name to set an unreadable file aside under: ``name.broken-YYYYmmdd-HHMMSS[-n]``.

    The file is kept (renamed, never deleted) so nothing the operator had is lost.
    """
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    counter = 2
    while target.exists() or target.is_symlink():
        target = path.with_name(f"{path.name}.broken-{stamp}-{counter}")
        counter += 1
    return target
