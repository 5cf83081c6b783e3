"""Entry point: ``python -m desktop_app`` / ``desktop-app``."""


def main() -> int:
    from desktop_app.ui.app import run

    return run()


if __name__ == "__main__":
    raise SystemExit(main())
