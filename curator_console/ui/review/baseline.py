"""What a session is compared with: the baseline chooser and the custom window dialog.

The chooser offers the same hours the day before (the default), the same hours a week before, an
average day of the 28 days before, a custom window (asked in a dialog, in the museum's time zone)
and no baseline. ``changed`` is emitted when the choice changes (never when a custom window dialog
is cancelled: the previous choice comes back).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo

from PySide6.QtCore import QDateTime, QEvent, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from curator_console.documents.formatting import zone_name
from curator_console.documents.review_text import window_label
from curator_console.domain.review_model import AVG_28D, CUSTOM, DAY_BEFORE, WEEK_BEFORE, BaselineSpec, Window
from curator_console.ui import appearance
from curator_console.ui import formatting as fmt
from curator_console.ui.workspace import heading

NONE = "none"
CHOICES = (DAY_BEFORE, WEEK_BEFORE, AVG_28D, CUSTOM, NONE)
DATE_TIME_FORMAT = "yyyy-MM-dd HH:mm"


def qt_zone(zone: tzinfo | None) -> QTimeZone:
    """The Qt time zone of a ``ZoneInfo`` (by its name), UTC otherwise."""
    key = getattr(zone, "key", None)
    if key:
        qtz = QTimeZone(key.encode())
        if qtz.isValid():
            return qtz
    if zone is not None and zone is not timezone.utc:
        offset = datetime.now(zone).utcoffset()
        if offset is not None:
            return QTimeZone(int(offset.total_seconds()))
    return QTimeZone.utc()


def to_qdatetime(at: datetime, zone: tzinfo | None) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(at.timestamp()), qt_zone(zone))


def from_qdatetime(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), timezone.utc)


def previous_month(at: datetime, zone: tzinfo | None) -> Window:
    """The whole calendar month before the one ``at`` falls in (local midnights in ``zone``)."""
    zone = zone or timezone.utc
    local = at.astimezone(zone)
    first = datetime(local.year, local.month, 1, tzinfo=zone)
    last_month = (first - timedelta(days=1)).replace(day=1)
    return Window(last_month.astimezone(timezone.utc), first.astimezone(timezone.utc))


class CustomWindowDialog(QDialog):
    """Two date-times in the museum's zone; OK only when the end comes after the start."""

    def __init__(self, zone: tzinfo | None, initial: Window, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customBaselineDialog")
        self.zone = zone
        self.title = heading()
        self.note = QLabel()
        self.note.setObjectName("customBaselineNote")
        self.note.setWordWrap(True)
        self.start_label = QLabel()
        self.end_label = QLabel()
        self.start_edit = self._editor("customBaselineStart", initial.start)
        self.end_edit = self._editor("customBaselineEnd", initial.end)
        self.start_label.setBuddy(self.start_edit)
        self.end_label.setBuddy(self.end_edit)
        self.problem = QLabel()
        self.problem.setObjectName("customBaselineProblem")
        appearance.styled(self.problem, "color: $error;")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.start_label, self.start_edit)
        form.addRow(self.end_label, self.end_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.start_edit.dateTimeChanged.connect(self._validate)
        self.end_edit.dateTimeChanged.connect(self._validate)
        self.retranslate()
        self._validate()
        self.resize(max(440, self.sizeHint().width()), self.sizeHint().height())

    def _editor(self, name: str, at: datetime) -> QDateTimeEdit:
        edit = QDateTimeEdit()
        edit.setObjectName(name)
        edit.setTimeZone(qt_zone(self.zone))
        edit.setDisplayFormat(DATE_TIME_FORMAT)
        edit.setCalendarPopup(True)
        edit.setDateTime(to_qdatetime(at, self.zone))
        return edit

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Custom baseline"))
        self.title.setText(self.tr("Compare the session with a period of your choice"))
        local = datetime.now(self.zone or timezone.utc)
        self.note.setText(fmt.arg(self.tr(
            "The session's orders are compared with all the orders of this period, as they are (not scaled to the "
            "session's length). Times are in the museum's time zone (%1); the end is not included."),
            zone_name(local)))
        self.start_label.setText(self.tr("&From:"))
        self.end_label.setText(self.tr("&Until:"))
        self._validate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def chosen_window(self) -> Window:
        return Window(from_qdatetime(self.start_edit.dateTime()), from_qdatetime(self.end_edit.dateTime()))

    def is_valid(self) -> bool:
        w = self.chosen_window()
        return w.end > w.start

    def _validate(self) -> None:
        ok = self.is_valid()
        self.problem.setText("" if ok else self.tr("The end must come after the start."))
        self.problem.setVisible(not ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def accept(self) -> None:
        if self.is_valid():
            super().accept()


class BaselineChooser(QComboBox):
    """See the module docstring. ``zone`` and ``session_start`` (set by the page) place the custom
    window dialog's first suggestion: the calendar month before the session."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("baselineChooser")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for key in CHOICES:
            self.addItem("", key)
        self.custom: Window | None = None
        self.zone: tzinfo | None = None
        self.session_start: datetime | None = None
        self.dialog: CustomWindowDialog | None = None
        self._current = DAY_BEFORE
        self.setCurrentIndex(self.findData(DAY_BEFORE))
        self.activated.connect(self._activated)
        self.retranslate()

    # --- state ------------------------------------------------------------------------------
    def choice(self) -> str:
        return self._current

    def spec(self) -> BaselineSpec | None:
        if self._current == NONE:
            return None
        if self._current == CUSTOM:
            return BaselineSpec(CUSTOM, self.custom) if self.custom is not None else None
        return BaselineSpec(self._current)

    def set_choice(self, key: str, custom: Window | None = None) -> None:
        """Choose ``key`` (for CUSTOM, with the window ``custom``) as if the user had."""
        if key == CUSTOM:
            if custom is None:
                raise ValueError("a custom baseline needs its window")
            self.custom = custom
        self._apply(key)

    def _apply(self, key: str) -> None:
        changed = key != self._current or key == CUSTOM
        self._current = key
        self.setCurrentIndex(self.findData(key))
        self.retranslate()
        if changed:
            self.changed.emit()

    # --- the user ---------------------------------------------------------------------------
    def _activated(self, index: int) -> None:
        key = self.itemData(index)
        if key == CUSTOM:
            self.setCurrentIndex(self.findData(self._current))  # until the dialog is accepted
            self.ask_custom()
            return
        self._apply(key)

    def ask_custom(self) -> CustomWindowDialog:
        """Open the custom window dialog (window-modal, non-blocking)."""
        initial = self.custom
        if initial is None:
            initial = previous_month(self.session_start or datetime.now(timezone.utc), self.zone)
        dialog = CustomWindowDialog(self.zone, initial, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self.set_choice(CUSTOM, dialog.chosen_window()))
        self.dialog = dialog
        dialog.open()
        return dialog

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        custom = (fmt.arg(self.tr("Custom: %1"), window_label(self.custom, self.zone)) if self.custom is not None
                  else self.tr("Custom window…"))
        texts = {
            DAY_BEFORE: self.tr("Same hours the day before"),
            WEEK_BEFORE: self.tr("Same hours a week before"),
            AVG_28D: self.tr("Average day of the previous 28 days"),
            CUSTOM: custom,
            NONE: self.tr("No baseline"),
        }
        for i in range(self.count()):
            self.setItemText(i, texts[self.itemData(i)])
        self.setItemData(self.findData(CUSTOM), self.tr("Choose a period to compare with…"),
                         Qt.ItemDataRole.ToolTipRole)
        self.setAccessibleName(self.tr("Compare with"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
