"""Lazy package exports and lazy modules (desktop_app/lazy.py): what start-up leaves for later
must still be there, the same objects, when it is asked for."""

from __future__ import annotations

import importlib
import subprocess
import sys
import textwrap
import types

import pytest

from desktop_app.lazy import lazy_exports, lazy_module

LAZY_PACKAGES = ("desktop_app.printing", "desktop_app.training")


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_every_exported_name_resolves_to_its_submodules_object(package: str) -> None:
    module = importlib.import_module(package)
    names = list(module.__all__)
    assert sorted(names) == dir(module) == sorted(set(names))
    for name in names:
        value = getattr(module, name)
        owners = [
            m
            for key, m in sys.modules.items()
            if key.startswith(package + ".") and getattr(m, name, None) is value
        ]
        assert owners, f"{package}.{name} does not come from one of its submodules"


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_importing_the_package_imports_none_of_its_submodules(package: str) -> None:
    code = f"""
        import sys
        import {package}
        loaded = sorted(m for m in sys.modules if m.startswith("{package}."))
        print(loaded)
        """
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_an_unknown_name_is_an_attribute_error_and_a_clash_is_refused() -> None:
    getattr_, dir_ = lazy_exports("desktop_app.printing", {"fill": ("clinic_zone",)})
    assert dir_() == ["clinic_zone"]
    from desktop_app.printing.fill import clinic_zone

    assert getattr_("clinic_zone") is clinic_zone
    with pytest.raises(AttributeError, match="no_such_thing"):
        getattr_("no_such_thing")
    # A name equal to a submodule's would be replaced by the submodule on its import.
    with pytest.raises(ValueError, match="day_list"):
        lazy_exports("desktop_app.journal", {"day_list": ("day_list",)})


def test_a_lazy_module_runs_on_its_first_attribute_read() -> None:
    code = """
        import sys
        from desktop_app.lazy import lazy_module
        mod = lazy_module("desktop_app.ui.printing.slip_printer")
        before = "PySide6.QtPrintSupport" in sys.modules
        value = mod.AUTO_LAYOUT
        after = "PySide6.QtPrintSupport" in sys.modules
        again = lazy_module("desktop_app.ui.printing.slip_printer")
        print(before, after, bool(value), again is mod)
        """
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True", "True", "True"]


def test_lazy_module_returns_an_imported_module_and_refuses_a_missing_one() -> None:
    assert lazy_module("json") is importlib.import_module("json")
    assert isinstance(lazy_module("json"), types.ModuleType)
    with pytest.raises(ModuleNotFoundError):
        lazy_module("desktop_app.no_such_module")
