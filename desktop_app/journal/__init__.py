"""The shift journal: every booking attempt at this desk, in a local SQLite file (Qt-free)."""

from desktop_app.journal.shift_journal import (
    JOURNAL_FILE_NAME,
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
    "JournalCorruptError",
    "JournalEntry",
    "JournalError",
    "JournalTooNewError",
    "ShiftJournal",
    "Status",
    "jwt_claims",
    "patient_key_from_token",
    "token_expiry",
]
