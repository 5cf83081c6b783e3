"""Sandbox settings: which validations run, and which wire variants the server speaks.

The real registry's behaviour differs between regions (validations switched off by regional
settings) and is partly undocumented (key casing, number vs string codes, …). The client must be
lenient about all of it, so the sandbox can imitate each variant on demand. The model is mutable
and validated on assignment, so a test can flip one switch (``sb.config.pascal_case = True``) and a
remote test can do the same through ``POST /sandbox/config``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["CHECK_NAMES", "SELF_BOOKING_CHANNELS", "SandboxConfig"]

#: The switchable validations, in the order the engine runs them. The token check, 4036, 404 and
#: the Offline 503 are not switchable: a real server cannot skip them either.
CHECK_NAMES: tuple[str, ...] = (
    "past_date",  # 400/4090 (sandbox-only code)
    "children_clinic",  # 4005
    "age_limits",  # 4029
    "self_booking",  # 4007, message 1
    "dispensary",  # 4007, message 2
    "one_per_speciality",  # 4008
    "time_taken",  # 4009
)

#: Token channels through which a patient books *by themselves*; check 4007/self-booking applies
#: only to these ("через интернет или инфомат", as the server's message says).
SELF_BOOKING_CHANNELS: frozenset[str] = frozenset({"internet", "infomat"})


def _all_checks_on() -> dict[str, bool]:
    return dict.fromkeys(CHECK_NAMES, True)


class SandboxConfig(BaseModel):
    """Every knob of the sandbox. Defaults give a strict, fast, camelCase server."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    #: HS256 signing secret. Fixed so that tokens are reproducible between runs.
    secret: str = "desktop-app-sandbox-secret-not-for-production"
    #: Seed of the data set (GUIDs, names, rooms). Read when the Sandbox is built.
    seed: int = 2026
    #: Path prefix of every route, e.g. "/api". Read by ``create_app`` when no prefix is passed.
    prefix: str = ""
    #: Channel written into tokens issued without an explicit one (and without a channel of
    #: the patient's own, ``Patient.token_channel``). "registry": training is the reception
    #: desk, so tickets say "Регистратура" as they will at work. The patient barred from
    #: self-booking carries "internet" (his token is from the portal) and still reaches 4007.
    default_channel: str = "registry"

    #: Validation switches, all on by default; missing names are filled in as on.
    checks: dict[str, bool] = Field(default_factory=_all_checks_on)

    # --- wire variants ---
    pascal_case: bool = False  # every key of every response in PascalCase
    numeric_message_code: bool = False  # "message_code": 4009 instead of "4009"
    short_response_omit: bool = False  # fullResponse=false: omit fields instead of null
    extra_fields: bool = False  # unknown extra fields in every object
    busy_type_form: Literal["object", "int", "string"] = "object"  # string = the name
    ping_as_string: bool = False  # "ping": "9"
    datetime_style: Literal["offset", "naive", "millis"] = "offset"
    #: Delay before answering API routes. The request is processed first, so a booking whose
    #: answer the client gave up waiting for has been made (the "outcome unknown" case).
    slow_seconds: float = Field(default=0.0, ge=0)
    drop_connection: bool = False  # booking made, then the connection dies without an answer
    html_errors: bool = False  # error answers as a proxy's HTML page (text/html)
    #: Break the body of a *successful* booking answer (the booking is made).
    fault: Literal["html_200", "empty_body", "truncated_json"] | None = None

    @field_validator("checks")
    @classmethod
    def _known_checks(cls, value: dict[str, bool]) -> dict[str, bool]:
        unknown = sorted(set(value) - set(CHECK_NAMES))
        if unknown:
            raise ValueError(f"unknown checks {unknown}; known: {list(CHECK_NAMES)}")
        return {**_all_checks_on(), **value}

    def check_on(self, name: str) -> bool:
        """Whether validation ``name`` runs (a typo'd name raises, it is not silently on)."""
        if name not in CHECK_NAMES:
            raise KeyError(name)
        return self.checks.get(name, True)
