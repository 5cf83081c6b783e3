"""The shift journal: every booking attempt at this desk, in a local SQLite file (Qt-free)."""

from desktop_app.journal.day_list import (
    DayRow,
    DoctorDay,
    day_list,
    day_list_html,
    write_day_csv,
)
from desktop_app.journal.shift_journal import (
    JOURNAL_FILE_NAME,
    CancelState,
    JournalCorruptError,
    JournalEntry,
    JournalError,
    JournalTooNewError,
    ShiftJournal,
    Status,
)
from desktop_app.journal.tokens import jwt_claims, patient_key_from_token, token_expiry

__all__ = [
    "JOURNAL_FILE_NAME",
    "CancelState",
    "DayRow",
    "DoctorDay",
    "JournalCorruptError",
    "JournalEntry",
    "JournalError",
    "JournalTooNewError",
    "ShiftJournal",
    "Status",
    "day_list",
    "day_list_html",
    "jwt_claims",
    "patient_key_from_token",
    "token_expiry",
    "write_day_csv",
]
