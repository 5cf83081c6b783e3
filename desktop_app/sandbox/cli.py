"""``desktop-app-sandbox``: run the sandbox as a real HTTP server (training, manual testing).

Example::

    desktop-app-sandbox --host 127.0.0.1 --port 8080 --prefix /api --pascal-case

It prints the patient roster (with each patient's policy number and birth date, for the
patient lookup) with a ready token for each patient and the GUIDs of the landmark
clinics and doctors, then serves until Ctrl+C.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date

import uvicorn

from .app import create_app, normalize_prefix
from .bigdata import generate_directory
from .config import CHECK_NAMES, SandboxConfig
from .engine import Sandbox
from .server import install_log_filter

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="desktop-app-sandbox",
        description="Учебный сервер: имитация API регионального регистра (вымышленные данные).",
    )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--prefix", default="", help='path prefix, e.g. "/api"')
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--secret", default=None, help="token signing secret")
    p.add_argument(
        "--default-channel",
        default="registry",
        help="channel of tokens issued without one (registry, internet, infomat…); "
        "a patient with a channel of their own keeps it",
    )
    p.add_argument(
        "--disable-check",
        action="append",
        default=[],
        choices=CHECK_NAMES,
        metavar="CHECK",
        help=f"switch a validation off (repeatable): {CHECK_NAMES}",
    )
    p.add_argument("--pascal-case", action="store_true", help="PascalCase JSON keys")
    p.add_argument("--numeric-codes", action="store_true", help="message_code as a number")
    p.add_argument(
        "--short-omit", action="store_true", help="fullResponse=false omits fields instead of null"
    )
    p.add_argument("--extra-fields", action="store_true", help="unknown extra fields everywhere")
    p.add_argument("--busy-type", choices=("object", "int", "string"), default="object")
    p.add_argument("--ping-as-string", action="store_true")
    p.add_argument("--datetime-style", choices=("offset", "naive", "millis"), default="offset")
    p.add_argument(
        "--slow", type=float, default=0.0, metavar="SECONDS", help="delay every API answer"
    )
    p.add_argument(
        "--drop-connection",
        action="store_true",
        help="drop the connection after each booking (the booking is made)",
    )
    p.add_argument("--html-errors", action="store_true", help="errors as an HTML proxy page")
    p.add_argument(
        "--fault",
        choices=("html_200", "empty_body", "truncated_json"),
        default=None,
        help="break the body of successful booking answers",
    )
    p.add_argument(
        "--big-directory",
        nargs=2,
        type=int,
        metavar=("CLINICS", "RESOURCES"),
        help="add a generated directory, e.g. 3000 100000",
    )
    p.add_argument("--quiet", action="store_true", help="do not print the roster and tokens")
    return p


def config_from_args(args: argparse.Namespace) -> SandboxConfig:
    fields = {
        "seed": args.seed,
        "prefix": normalize_prefix(args.prefix),
        "default_channel": args.default_channel,
        "checks": {name: False for name in args.disable_check},
        "pascal_case": args.pascal_case,
        "numeric_message_code": args.numeric_codes,
        "short_response_omit": args.short_omit,
        "extra_fields": args.extra_fields,
        "busy_type_form": args.busy_type,
        "ping_as_string": args.ping_as_string,
        "datetime_style": args.datetime_style,
        "slow_seconds": args.slow,
        "drop_connection": args.drop_connection,
        "html_errors": args.html_errors,
        "fault": args.fault,
    }
    if args.secret:
        fields["secret"] = args.secret
    return SandboxConfig(**fields)


def years(n: int) -> str:
    """``1 год``, ``2 года``, ``5 лет``, ``41 год``, ``11 лет``."""
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} год"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return f"{n} года"
    return f"{n} лет"


def _print_banner(sandbox: Sandbox, base_url: str) -> None:
    print(f"Песочница API регистра: {base_url}")
    print("Пациенты (вымышленные) и токены (действуют 8 часов):")
    for patient in sandbox.patients():
        print(f"  {patient['id']:<14} {patient['name']} ({years(patient['age'])})")
        birth = date.fromisoformat(patient["birthDate"]).strftime("%d.%m.%Y")
        policy = " ".join(patient["policy"][i : i + 4] for i in range(0, 16, 4))
        print(f"      полис {policy}, д. р. {birth}")
        print(f"      {patient['note']}")
        print(f"      для наставника: {patient['scenario']}")
        print(f"      токен: {sandbox.issue_token(patient['id'])}")
    print("Ориентиры (GUID):")
    for name, guid in sandbox.landmarks().to_dict().items():
        print(f"  {name:<20} {guid}")


def main(argv: Sequence[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    config = config_from_args(args)
    if args.big_directory:
        clinics, resources = generate_directory(*args.big_directory, seed=args.seed)
        sandbox = Sandbox.with_directory(clinics, resources, config)
    else:
        sandbox = Sandbox(config)
    if not args.quiet:
        _print_banner(sandbox, f"http://{args.host}:{args.port}{config.prefix}")
    install_log_filter()
    uvicorn.run(create_app(sandbox), host=args.host, port=args.port, log_level="info")


if __name__ == "__main__":
    main()
