"""The "Пациент" block: policy number and birth date (or surname) → the patient's LPU token.

At a desk nobody has a token to paste: the operator knows the patient's policy number (ЕНП,
полис ОМС, 16 digits) and birth date. ``Enter`` in the block asks the registry's authorization
service (``RegistryClient.patient_token``) for the patient's token for the chosen clinic, shows
who was found ("Лебедев А. П., д. р. 12.04.1985") and emits ``identified``. Pasting a token stays
as the fallback ("Вставить токен…"). The same block serves work and training mode: in training
the client is the sandbox's, so trainees practise the real flow.

A token is per clinic: ``lookup_needed_for(lpu_guid)`` says when the identity on show was found
for another clinic (or there is none), and ``identify()`` runs the lookup from code.

The view is ``PatientBlock``; ``PatientLookup`` is the controller that calls the client and words
its errors (``messages.patient_lookup_message``). The policy number and birth date are
registered with ``add_patient_secret`` before they are sent, the token with ``add_secret``.

Wiring (see the class docstrings): ``PatientBlock(lpu_guid=…, lookup=PatientLookup(client,
dialogs, spawn), allow_surname=settings.allow_surname_lookup)``; connect ``identified`` (move the
focus to the Book button) and ``cleared``; read ``identity`` when booking; call ``clear()`` on F2.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.api.errors import ApiError, InvalidRequestError
from desktop_app.api.patient import (
    POLICY_DIGITS,
    PatientName,
    PatientQuery,
    PatientToken,
    normalize_policy,
    policy_display,
)
from desktop_app.settings.redact import add_patient_secret, add_secret

log = logging.getLogger(__name__)

ERROR_COLOUR = "#b3261e"
HINT_COLOUR = "#555555"
FOUND_COLOUR = "#1b6e20"
#: Oldest birth year accepted (older is a typo).
MIN_BIRTH_YEAR = 1900

Spawn = Callable[[Coroutine[Any, Any, Any]], Any]


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold().replace("ё", "е")


def _ddmmyyyy(day: date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


@dataclass(frozen=True)
class PatientIdentity:
    """Who the next booking is for, and the token that lets the desk book them.

    ``display`` is what the card, the journal and the slip's operator copy show
    ("Лебедев А. П., д. р. 12.04.1985"; "полис …3456, д. р. 12.04.1985" when the service
    named nobody; "" for a pasted token with nothing typed). It is Russian in every UI
    language (``desktop_app.api.patient``): the journal keeps it and the slip, a Russian
    document, prints it. ``lpu_guid`` is the clinic the
    token was issued for (None for a pasted token: the desk cannot tell). ``repr`` hides the
    token, the policy and the birth date.
    """

    token: str
    display: str
    birth_date: date | None = None
    policy: str | None = None
    surname: str | None = None
    lpu_guid: str | None = None
    patient: PatientName | None = None
    pasted: bool = False

    def __repr__(self) -> str:
        how = "pasted" if self.pasted else ("policy" if self.policy else "surname")
        return f"PatientIdentity(by={how}, lpu={self.lpu_guid}, token=***)"

    @property
    def patient_key_material(self) -> str | None:
        """What identifies the person across tokens: ``policy:<16 digits>|<birth ISO>``, or
        ``surname:<folded surname>|<birth ISO>``; None for a pasted token alone."""
        if self.birth_date is None:
            return None
        if self.policy:
            return f"policy:{self.policy}|{self.birth_date.isoformat()}"
        if self.surname:
            return f"surname:{_fold(self.surname)}|{self.birth_date.isoformat()}"
        return None

    @property
    def patient_key(self) -> str:
        """The journal's one-way key (64 hex chars): sha256 of ``patient_key_material``, else
        (a pasted token alone) the key derived from the token."""
        material = self.patient_key_material
        if material is None:
            from desktop_app.journal.tokens import patient_key_from_token

            return patient_key_from_token(self.token)
        return hashlib.sha256(material.encode("utf-8")).hexdigest()

    def valid_for(self, lpu_guid: str | None) -> bool:
        """True when this token may be used for ``lpu_guid`` (a pasted token: always)."""
        if self.pasted or self.lpu_guid is None:
            return True
        return bool(lpu_guid) and self.lpu_guid == (lpu_guid or "").strip().lower()


def policy_digits(text: str) -> str:
    """The digits of what was typed (separators dropped), for the live check."""
    return "".join(ch for ch in text if ch.isdigit())


def parse_birth_date(text: str, today: date) -> date | None:
    """``DD.MM.YYYY`` (the mask's blanks and stray spaces ignored) as a date; None when the
    text is incomplete, not a date, in the future or before ``MIN_BIRTH_YEAR``."""
    digits = policy_digits(text)
    if len(digits) != 8:
        return None
    try:
        day = date(int(digits[4:]), int(digits[2:4]), int(digits[:2]))
    except ValueError:
        return None
    if day > today or day.year < MIN_BIRTH_YEAR:
        return None
    return day


class PatientLookup(QObject):
    """Asks the authorization service for a patient's token; its errors become dialogs.

    ``client`` has ``async patient_token(lpu_guid, query) -> PatientToken``; ``dialogs`` is the
    window's ``Dialogs`` (``show``); ``spawn`` runs a coroutine as a kept task (the window's
    ``TaskKeeper.spawn``).
    """

    def __init__(
        self,
        client: Any,
        dialogs: Any,
        spawn: Spawn,
        *,
        log_path: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.dialogs = dialogs
        self.spawn = spawn
        self.log_path = log_path

    async def fetch(self, lpu_guid: str, query: PatientQuery) -> PatientToken | None:
        """The token, or None after the operator was shown what went wrong."""
        from desktop_app.ui.desk.messages import patient_lookup_message

        by_surname = query.surname is not None
        try:
            found = await self.client.patient_token(lpu_guid, query)
        except ApiError as exc:
            log.info("patient lookup failed: %s", type(exc).__name__)
            self.dialogs.show(
                patient_lookup_message(exc, by_surname=by_surname, log_path=self.log_path)
            )
            return None
        except Exception as exc:  # a bug here must not leave the block busy forever
            log.error("patient lookup: unexpected %s", type(exc).__name__, exc_info=exc)
            self.dialogs.show(
                patient_lookup_message(exc, by_surname=by_surname, log_path=self.log_path)
            )
            return None
        add_secret(found.token)
        return found


class _EnterKeys(QObject):
    """Enter / Return in a field of the block runs the block's Enter logic (plain Enter only:
    Ctrl+Enter stays the window's "book")."""

    def __init__(self, block: PatientBlock) -> None:
        super().__init__(block)
        self.block = block

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            mods = event.modifiers()  # type: ignore[attr-defined]
            plain = not (mods & ~Qt.KeyboardModifier.KeypadModifier)
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
                if isinstance(watched, QLineEdit):
                    self.block.enter_pressed(watched)
                    return True
        return super().eventFilter(watched, event)


class PatientBlock(QWidget):
    """Policy + birth date (or surname + birth date) → the patient's token; or a pasted token.

    * ``lpu_guid()`` gives the chosen clinic (None: none chosen → "Сначала выберите
      поликлинику" and no lookup).
    * ``lookup`` (``PatientLookup``) runs the call; ``set_lookup`` replaces it.
    * Signals: ``identified(PatientIdentity)`` after a successful lookup or Enter in the pasted
      token field; ``cleared()`` when the identity on show is dropped (a field edited, ``clear``).
    * ``identity`` — the current ``PatientIdentity`` or None; ``lookup_needed_for(lpu)``;
      ``identify()`` — awaitable lookup from code; ``clear()`` — wipes every field and the
      token (F2); ``fill(policy, birth_date, surname)`` — put values in (training cards);
      ``set_token(token)`` — a token given from outside (``DESKTOP_APP_TOKEN``).
    * ``today`` pins "today" for the birth-date check (the sandbox's clock in training).
    """

    identified = Signal(object)  # PatientIdentity
    cleared = Signal()
    busy_changed = Signal(bool)
    result_shown = Signal()  # the result line changed: a scrolled form brings it into view

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        lpu_guid: Callable[[], str | None] = lambda: None,
        lookup: PatientLookup | None = None,
        allow_surname: bool = False,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("patientBlock")
        self._lpu_guid = lpu_guid
        self._lookup = lookup
        self._today = today
        self._allow_surname = allow_surname
        self._found: PatientIdentity | None = None
        self._busy = False
        #: Bumped by every edit: a lookup whose fields changed meanwhile is dropped.
        self._generation = 0
        self._announced_paste: str | None = None
        self._paste_allowed = True

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.policy_edit = QLineEdit(self)
        self.policy_edit.setObjectName("patientPolicy")
        self.policy_edit.setAccessibleName(self.tr("Полис ОМС (ЕНП), 16 цифр"))
        self.policy_edit.setPlaceholderText(self.tr("16 цифр, можно с пробелами"))
        self.policy_edit.setMaxLength(32)
        self.policy_edit.setValidator(
            QRegularExpressionValidator(
                QRegularExpression("[0-9 \\-\u00a0\u2010-\u2014]*"), self.policy_edit
            )
        )
        self.policy_hint = QLabel(self)
        self.policy_hint.setObjectName("patientPolicyHint")
        self.policy_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.policy_hint.hide()
        policy_label = QLabel(self.tr("Поли&с ОМС (ЕНП):"), self)
        policy_label.setBuddy(self.policy_edit)
        policy_box = QVBoxLayout()
        policy_box.setSpacing(2)
        policy_box.addWidget(self.policy_edit)
        policy_box.addWidget(self.policy_hint)
        form.addRow(policy_label, policy_box)

        self.surname_edit = QLineEdit(self)
        self.surname_edit.setObjectName("patientSurname")
        self.surname_edit.setAccessibleName(self.tr("Фамилия пациента"))
        self.surname_edit.setPlaceholderText(self.tr("если нет полиса"))
        self.surname_edit.setMaxLength(100)
        self.surname_label = QLabel(self.tr("&Фамилия:"), self)
        self.surname_label.setBuddy(self.surname_edit)
        form.addRow(self.surname_label, self.surname_edit)

        self.birth_edit = QLineEdit(self)
        self.birth_edit.setObjectName("patientBirthDate")
        self.birth_edit.setAccessibleName(self.tr("Дата рождения, ДД.ММ.ГГГГ"))
        self.birth_edit.setInputMask("99.99.9999;_")
        self.birth_edit.setToolTip(self.tr("ДД.ММ.ГГГГ — точки ставятся сами"))
        self.birth_hint = QLabel(self)
        self.birth_hint.setObjectName("patientBirthHint")
        self.birth_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.birth_hint.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.birth_hint.hide()
        birth_label = QLabel(self.tr("Дата рождени&я:"), self)
        birth_label.setBuddy(self.birth_edit)
        birth_box = QVBoxLayout()
        birth_box.setSpacing(2)
        birth_box.addWidget(self.birth_edit)
        birth_box.addWidget(self.birth_hint)
        form.addRow(birth_label, birth_box)

        self.result_label = QLabel(self)
        self.result_label.setObjectName("patientResult")
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setWordWrap(True)
        # Top-aligned: should its box come out short, the surname line is the one kept whole.
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.result_label.setAccessibleName(self.tr("Найденный пациент"))
        self.paste_button = QPushButton(self.tr("Вставить то&кен…"), self)
        self.paste_button.setObjectName("patientPasteToken")
        self.paste_button.setAccessibleName(self.tr("Вставить токен пациента вручную"))
        self.paste_button.setFlat(True)
        self.paste_button.setAutoDefault(False)
        self.paste_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.paste_button.setStyleSheet("color: #0b57d0; text-decoration: underline;")
        result_row = QHBoxLayout()
        result_row.addWidget(self.result_label, 1)
        result_row.addWidget(self.paste_button)
        form.addRow("", result_row)

        self.token_edit = QLineEdit(self)
        self.token_edit.setObjectName("patientToken")
        self.token_edit.setAccessibleName(self.tr("Токен пациента"))
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(self.tr("вставьте токен (Ctrl+V) и нажмите Enter"))
        self.token_label = QLabel(self.tr("Токен:"), self)
        self.token_label.setBuddy(self.token_edit)
        form.addRow(self.token_label, self.token_edit)
        self._form = form
        self._set_token_visible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)

        self._enter_keys = _EnterKeys(self)
        for edit in (self.policy_edit, self.surname_edit, self.birth_edit, self.token_edit):
            edit.installEventFilter(self._enter_keys)
        self.policy_edit.textEdited.connect(self._on_query_edited)
        self.surname_edit.textEdited.connect(self._on_query_edited)
        self.birth_edit.textEdited.connect(self._on_query_edited)
        self.token_edit.textChanged.connect(self._on_token_changed)
        self.paste_button.clicked.connect(self.show_token_field)
        self.policy_edit.editingFinished.connect(lambda: self._check_policy(final=True))

        self.set_allow_surname(allow_surname)
        QWidget.setTabOrder(self.policy_edit, self.surname_edit)
        QWidget.setTabOrder(self.surname_edit, self.birth_edit)
        QWidget.setTabOrder(self.birth_edit, self.paste_button)
        QWidget.setTabOrder(self.paste_button, self.token_edit)

    # -- configuration -------------------------------------------------------------------------

    def set_sources(self, *, lpu_guid: Callable[[], str | None], today: Callable[[], date]) -> None:
        """Where the chosen clinic and the clinic's today come from (the window's form)."""
        self._lpu_guid = lpu_guid
        self._today = today

    def set_lookup(self, lookup: PatientLookup | None) -> None:
        self._lookup = lookup

    def set_allow_surname(self, allowed: bool) -> None:
        """Show the surname field (the site allows surname + birth date lookups)."""
        self._allow_surname = allowed
        self._form.setRowVisible(self.surname_edit, allowed)
        if not allowed:
            self.surname_edit.clear()

    @property
    def allow_surname(self) -> bool:
        return self._allow_surname

    def first_field(self) -> QLineEdit:
        """Where typing a patient starts (for the window's tab order and focus)."""
        return self.policy_edit

    def last_field(self) -> QWidget:
        return self.token_edit if self.token_edit.isVisible() else self.paste_button

    # -- state ---------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """A lookup is under way."""
        return self._busy

    @property
    def identity(self) -> PatientIdentity | None:
        """Who the next booking is for: the patient found, else a pasted token, else None."""
        if self._found is not None:
            return self._found
        token = self.token_edit.text().strip()
        if not token:
            return None
        birth = parse_birth_date(self.birth_edit.text(), self._today())
        policy = self._policy_or_none()
        surname = " ".join(self.surname_edit.text().split()) or None
        display = ""
        if birth is not None and policy:
            display = policy_display(policy, birth)
        elif birth is not None and surname:
            display = PatientName(surname, birth_date=birth).display()
        return PatientIdentity(
            token=token,
            display=display,
            birth_date=birth,
            policy=policy,
            surname=None if policy else surname,
            pasted=True,
        )

    def lookup_needed_for(self, lpu_guid: str | None) -> bool:
        """True when there is no identity, or it was found for another clinic (a token is per
        clinic: a new clinic needs a new lookup). A pasted token is taken as it is."""
        identity = self.identity
        return identity is None or not identity.valid_for(lpu_guid)

    def has_query(self) -> bool:
        """Policy (or surname) and birth date are typed well enough to run a lookup."""
        return self._query() is not None

    # -- clearing and filling ------------------------------------------------------------------

    def clear(self) -> None:
        """F2: wipe every field, the pasted token and the identity; the focus is left alone."""
        had = self.identity is not None
        self._generation += 1
        self._found = None
        self._announced_paste = None
        for edit in (self.policy_edit, self.surname_edit, self.birth_edit, self.token_edit):
            edit.clear()
        self._set_token_visible(False)
        self.policy_hint.hide()
        self.birth_hint.hide()
        self._show_result("", HINT_COLOUR)
        if had:
            self.cleared.emit()

    def forget_found(self) -> None:
        """The registry refused the token found: the fields stay, the next booking looks the
        patient up again (a pasted token stays in its field to be corrected)."""
        if self._found is None:
            return
        self._generation += 1
        self._found = None
        self._show_result(self.tr("Токен отклонён — найдите пациента снова."), ERROR_COLOUR)

    def fill(self, policy: str | None, birth_date: date | None, surname: str | None = None) -> None:
        """Put a patient's policy, birth date (and surname) in the fields; nothing is looked up
        yet (press Enter or call ``identify``)."""
        self.clear()
        self.policy_edit.setText(policy or "")
        if birth_date is not None:
            self.birth_edit.setText(_ddmmyyyy(birth_date))
        if surname and self._allow_surname:
            self.surname_edit.setText(surname)
        self._check_policy(final=False)

    def set_token(self, token: str | None) -> None:
        """Put a token in the pasted-token field (``DESKTOP_APP_TOKEN`` for the first booking
        after start); ``clear()`` wipes it like a pasted one. Emits ``identified``."""
        self.clear()
        if token and token.strip():
            self._set_token_visible(True)
            self.token_edit.setText(token.strip())
            self._announce_pasted()

    def show_token_field(self) -> None:
        """ "Вставить токен…": reveal the password field for a pasted token and focus it."""
        self._set_token_visible(True)
        self.token_edit.setFocus()

    def _set_token_visible(self, visible: bool) -> None:
        self._form.setRowVisible(self.token_edit, visible)
        self.paste_button.setVisible(not visible and self._paste_allowed)

    def set_paste_allowed(self, allowed: bool) -> None:
        """Training hides "Вставить токен…": trainees practise the lookup."""
        self._paste_allowed = allowed
        self.paste_button.setVisible(allowed and not self.token_edit.isVisibleTo(self))

    # -- typing --------------------------------------------------------------------------------

    def _policy_or_none(self) -> str | None:
        try:
            return normalize_policy(self.policy_edit.text())
        except InvalidRequestError:
            return None

    def _check_policy(self, *, final: bool) -> bool:
        """The live format check; ``final`` (Enter, leaving the field) turns a short number
        red. True when the field is empty or holds 16 digits."""
        count = len(policy_digits(self.policy_edit.text()))
        if count in (0, POLICY_DIGITS):
            self.policy_hint.hide()
            return True
        if count < POLICY_DIGITS and not final:
            self.policy_hint.setText(self.tr("{0} из 16 цифр").format(count))
            self.policy_hint.setStyleSheet(f"color: {HINT_COLOUR};")
        else:
            self.policy_hint.setText(self.tr("Полис — 16 цифр, введено {0}").format(count))
            self.policy_hint.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.policy_hint.show()
        return False

    def _check_birth(self) -> date | None:
        """The birth date, or None with a red hint saying what is wrong."""
        text = self.birth_edit.text()
        birth = parse_birth_date(text, self._today())
        if birth is not None:
            self.birth_hint.hide()
            return birth
        if len(policy_digits(text)) < 8:
            self.birth_hint.setText(self.tr("Введите дату рождения: ДД.ММ.ГГГГ"))
        else:
            self.birth_hint.setText(self.tr("Нет такой даты рождения — проверьте цифры"))
        self.birth_hint.show()
        return None

    def _on_query_edited(self, _text: str) -> None:
        self._generation += 1
        if self.sender() is self.policy_edit:
            self._check_policy(final=False)
        if self.sender() is self.birth_edit:
            self.birth_hint.hide()
        if self._found is not None:
            self._found = None
            self._show_result("", HINT_COLOUR)
            self.cleared.emit()

    def _on_token_changed(self, text: str) -> None:
        if text.strip():
            add_secret(text.strip())
            if not self.token_edit.isVisibleTo(self):
                self._set_token_visible(True)  # a token put in by any means is shown as one
        elif self._announced_paste is not None and self._found is None:
            self._announced_paste = None
            self.cleared.emit()

    def _query(self) -> PatientQuery | None:
        birth = parse_birth_date(self.birth_edit.text(), self._today())
        if birth is None:
            return None
        policy = self._policy_or_none()
        surname = " ".join(self.surname_edit.text().split()) if self._allow_surname else ""
        try:
            if policy:
                return PatientQuery(birth_date=birth, policy=policy)
            if surname:
                return PatientQuery(birth_date=birth, surname=surname)
        except InvalidRequestError:
            return None
        return None

    def enter_pressed(self, field: QLineEdit) -> None:
        """Enter in a field: look the patient up when the data are complete, else move to
        (or mark) what is missing."""
        if field is self.token_edit:
            self._announce_pasted()
            return
        if self._busy:
            return
        policy_typed = bool(policy_digits(self.policy_edit.text()))
        surname_typed = self._allow_surname and bool(self.surname_edit.text().strip())
        if policy_typed and not self._check_policy(final=True):
            self.policy_edit.setFocus()
            return
        if not policy_typed and not surname_typed:
            if field is self.birth_edit and self._check_birth() is None:
                return
            target = self.policy_edit
            self.policy_hint.setText(
                self.tr("Введите полис ОМС или фамилию")
                if self._allow_surname
                else self.tr("Введите полис ОМС (16 цифр)")
            )
            self.policy_hint.setStyleSheet(f"color: {ERROR_COLOUR};")
            self.policy_hint.show()
            target.setFocus()
            return
        if parse_birth_date(self.birth_edit.text(), self._today()) is None:
            if field is self.birth_edit:
                self._check_birth()
            else:
                self.birth_hint.hide()
            self.birth_edit.setFocus()
            if not policy_digits(self.birth_edit.text()):
                self.birth_edit.setCursorPosition(0)  # typing starts at the day
            return
        self.start_lookup()

    def _announce_pasted(self) -> None:
        identity = self.identity
        token = self.token_edit.text().strip()
        if identity is None or not token:
            return
        self._announced_paste = token
        self._show_result(
            identity.display or self.tr("Токен вставлен вручную"),
            FOUND_COLOUR,
            found=True,
        )
        self.identified.emit(identity)

    # -- the lookup ----------------------------------------------------------------------------

    def start_lookup(self) -> bool:
        """Run the lookup in the background (``lookup.spawn``); False when it cannot start
        (no clinic, incomplete data, no lookup, one already running)."""
        if self._busy or self._lookup is None:
            return False
        prepared = self._prepare()
        if prepared is None:
            return False
        self._lookup.spawn(self._run(*prepared))
        return True

    async def identify(self) -> PatientIdentity | None:
        """Look the patient up for the chosen clinic now and wait for it; the identity (also
        emitted as ``identified``) or None (nothing to look up, or the lookup failed: the
        operator was told why)."""
        if self._busy or self._lookup is None:
            return None
        prepared = self._prepare()
        if prepared is None:
            return None
        return await self._run(*prepared)

    def _prepare(self) -> tuple[str, PatientQuery, int] | None:
        query = self._query()
        if query is None:
            if self._check_birth() is not None:
                self._check_policy(final=True)
            return None
        lpu = (self._lpu_guid() or "").strip().lower()
        if not lpu:
            from desktop_app.ui.desk.messages import no_clinic_for_lookup

            assert self._lookup is not None
            self._lookup.dialogs.show(no_clinic_for_lookup())
            return None
        return lpu, query, self._generation

    async def _run(self, lpu: str, query: PatientQuery, generation: int) -> PatientIdentity | None:
        assert self._lookup is not None
        add_patient_secret(query.policy, query.birth_date)
        self._set_busy(True)
        self._show_result(self.tr("Поиск пациента…"), HINT_COLOUR)
        try:
            found = await self._lookup.fetch(lpu, query)
        finally:
            self._set_busy(False)
        if generation != self._generation:
            log.info("patient lookup: the fields changed meanwhile, answer dropped")
            return None
        if found is None:
            self._show_result(self.tr("Пациент не найден"), ERROR_COLOUR)
            (self.policy_edit if query.policy else self.surname_edit).setFocus()
            return None
        identity = self._identity_of(found, lpu, query)
        self._found = identity
        self._show_result(identity.display, FOUND_COLOUR, found=True)
        log.info("patient lookup: patient identified for clinic %s", lpu)
        self.identified.emit(identity)
        return identity

    def _identity_of(self, found: PatientToken, lpu: str, query: PatientQuery) -> PatientIdentity:
        patient = found.patient
        if patient is not None and patient.birth_date is None:
            patient = PatientName(
                patient.surname, patient.first_name, patient.patronymic, query.birth_date
            )
        if patient is not None and patient.surname.strip():
            display = patient.display()
        elif query.policy:
            display = policy_display(query.policy, query.birth_date)
        else:
            display = PatientName(query.surname or "", birth_date=query.birth_date).display()
        return PatientIdentity(
            token=found.token,
            display=display,
            birth_date=query.birth_date,
            policy=query.policy,
            surname=query.surname,
            lpu_guid=lpu,
            patient=patient,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)

    def _show_result(self, text: str, colour: str, *, found: bool = False) -> None:
        # Bold through the font, not the style sheet: the wrapped line's height is then
        # measured with the font it is drawn in (a style sheet's font arrives later and clipped
        # the last line at 125 %).
        font = self.result_label.font()
        font.setBold(found)
        self.result_label.setFont(font)
        self.result_label.setStyleSheet(f"color: {colour};")
        self.result_label.setText(f"✔ {text}" if found and text else text)
        self.result_shown.emit()


__all__ = [
    "PatientBlock",
    "PatientIdentity",
    "PatientLookup",
    "parse_birth_date",
    "policy_digits",
]
