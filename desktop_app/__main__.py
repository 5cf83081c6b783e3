"""Entry point: ``python -m desktop_app`` / ``desktop-app`` / the frozen ``DeskBooking.exe``."""

import sys


def _self_test_out(argv: list[str]) -> str | None:
    """``--self-test-out DIR`` or ``--self-test-out=DIR``; None when absent."""
    for index, arg in enumerate(argv):
        if arg == "--self-test-out" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--self-test-out="):
            return arg.split("=", 1)[1]
    return None


def main() -> int:
    argv = sys.argv[1:]
    if "--self-test" in argv:
        # Before the UI is imported: the self-test must work where the window would not.
        from pathlib import Path

        from desktop_app.selftest import run_self_test

        out = _self_test_out(argv)
        return run_self_test(Path(out) if out else None)

    from desktop_app.ui.platform.app import run

    return run()


if __name__ == "__main__":
    raise SystemExit(main())
