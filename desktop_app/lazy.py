# pyright: strict
"""Package exports that are imported on first use (PEP 562), so start-up pays only for what the
main window needs before it paints (bench/bench_startup.py).

A package lists its public names per submodule once::

    __getattr__, __dir__ = lazy_exports(__name__, {"fill": ("ChosenBooking", "clinic_zone")})

and repeats them under ``if TYPE_CHECKING:`` as plain imports, for type checkers and editors.
``from package import name`` and ``package.name`` work as before; the submodule is imported
the first time one of its names is asked for.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable, Mapping, Sequence
from types import ModuleType
from typing import Any

__all__ = ["lazy_exports", "lazy_module"]


def lazy_exports(
    package: str, exports: Mapping[str, Sequence[str]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for ``package``: each name of ``exports[sub]`` comes from
    ``package.sub``. A name that is not listed raises ``AttributeError`` as usual."""
    where = {name: sub for sub, names in exports.items() for name in names}
    # A name equal to a submodule's would be overwritten by the submodule itself whenever
    # that is imported (the import system binds it on the package): not allowed.
    clashes = sorted(set(where) & set(exports))
    if clashes:
        raise ValueError(f"{package}: exported names clash with submodules: {clashes}")

    def __getattr__(name: str) -> Any:
        sub = where.get(name)
        if sub is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{sub}"), name)
        setattr(sys.modules[package], name, value)  # asked once: later reads skip this
        return value

    def __dir__() -> list[str]:
        return sorted(where)

    return __getattr__, __dir__


def lazy_module(name: str) -> ModuleType:
    """``name``, executed on its first attribute read (``importlib.util.LazyLoader``).

    For a module that is needed only when the operator does something (printing), so importing
    the module that uses it costs nothing at start-up. An already imported module is returned
    as it is.
    """
    found = sys.modules.get(name)
    if found is not None:
        return found
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"no module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
