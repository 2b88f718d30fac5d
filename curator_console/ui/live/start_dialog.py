"""Start a session: which tour, on which connection (the built-in simulator by default, a
rehearsal; any real connection goes LIVE), with autopilot, and how fast a rehearsal runs."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from curator_console.domain.records import ConnectionRow, TourRow
from curator_console.ui import formatting as fmt
from curator_console.ui.platform_names import platform_label
from curator_console.ui.tasks import run_task

BUILT_IN = None  # the connection value of the built-in simulator
MAX_SPEED = 120.0


@dataclass(frozen=True)
class StartChoice:
    tour_id: int
    tour_title: str
    connection: str | None  # None: the built-in simulator
    rehearsal: bool
    autopilot: bool
    speed: float


def session_connections(rows: list[ConnectionRow], simulator_name: str) -> list[ConnectionRow]:
    """The connections a session can run on, besides the built-in simulator: not OBS (scenes
    only) and not the built-in simulator's own row."""
    return [r for r in rows if r.platform != "obs" and r.name != simulator_name]


class StartSessionDialog(QDialog):
    loaded = Signal()

    def __init__(self, context, parent: QWidget | None = None, tour_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startSessionDialog")
        self.context = context
        self._wanted_tour = tour_id
        self.tour = QComboBox()
        self.tour.setObjectName("startTour")
        self.tour.setMinimumContentsLength(36)
        self.connection = QComboBox()
        self.connection.setObjectName("startConnection")
        self.connection.currentIndexChanged.connect(self._mode_changed)
        self.mode = QLabel()
        self.mode.setObjectName("startMode")
        self.mode.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.mode.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.mode.setFont(font)
        self.autopilot = QCheckBox()
        self.speed = QDoubleSpinBox()
        self.speed.setObjectName("startSpeed")
        self.speed.setRange(0.25, MAX_SPEED)
        self.speed.setDecimals(2)
        self.speed.setValue(1.0)
        self.speed.setSuffix(" ×")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.form = QFormLayout()
        self.tour_label, self.connection_label, self.speed_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.tour_label, self.tour)
        self.form.addRow(self.connection_label, self.connection)
        self.form.addRow("", self.mode)
        self.form.addRow("", self.autopilot)
        self.form.addRow(self.speed_label, self.speed)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.start_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.tours_loaded = False
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())
        self.retranslate()
        self._load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Start a live session"))
        self.tour_label.setText(self.tr("&Tour:"))
        self.tour_label.setBuddy(self.tour)
        self.connection_label.setText(self.tr("&Connection:"))
        self.connection_label.setBuddy(self.connection)
        self.speed_label.setText(self.tr("Rehearsal &speed:"))
        self.speed_label.setBuddy(self.speed)
        self.speed.setToolTip(self.tr("How much faster than real time the simulated audience moves (rehearsals only)"))
        self.autopilot.setText(self.tr("&Autopilot: move on when a segment's planned time is up"))
        self.start_button.setText(self.tr("Start"))
        self.note.setText(self.tr("The tour is frozen into the session when it starts: later edits do not change it."))
        self._mode_changed()

    # --- loading ------------------------------------------------------------------------
    def _load(self) -> None:
        from curator_console.services import connections as conn_svc
        from curator_console.services import tours as tours_svc
        from curator_console.services.live_sessions import SIMULATOR_CONNECTION

        uow = self.context.uow
        speed = self.context.settings.reading_speed

        def fetch():
            tours = [t for t in tours_svc.list_tours(uow(), speed) if not t.is_template]
            rows = session_connections(conn_svc.list_connections(uow()), SIMULATOR_CONNECTION)
            return tours, rows

        def done(result) -> None:
            if isValid(self):
                self._fill(*result)

        def failed(exc: BaseException) -> None:
            if isValid(self):
                self.note.setText(str(exc))

        run_task(fetch, done, failed)

    def _fill(self, tours: list[TourRow], connections: list[ConnectionRow]) -> None:
        self.tour.clear()
        for t in tours:
            label = fmt.arg(self.tr("%1 (%2 segments, %3)"), t.title, t.segment_count, fmt.duration(t.planned_seconds))
            self.tour.addItem(label, t.id)
            self.tour.setItemData(self.tour.count() - 1, t.title, Qt.ItemDataRole.UserRole + 1)
        if self._wanted_tour is not None:
            i = self.tour.findData(self._wanted_tour)
            if i >= 0:
                self.tour.setCurrentIndex(i)
        self.connection.clear()
        self.connection.addItem(self.tr("Built-in simulator — rehearsal"), BUILT_IN)
        self.connection.setItemData(0, "simulator", Qt.ItemDataRole.UserRole + 1)
        for c in connections:
            rehearsal = c.platform == "simulator"
            label = fmt.arg(self.tr("%1 — %2 — rehearsal") if rehearsal else self.tr("%1 — %2 — LIVE"),
                            c.name, platform_label(c.platform))
            self.connection.addItem(label, c.name)
            self.connection.setItemData(self.connection.count() - 1, c.platform, Qt.ItemDataRole.UserRole + 1)
        self.connection.setCurrentIndex(0)
        self.start_button.setEnabled(self.tour.count() > 0)
        if not tours:
            self.note.setText(self.tr("There is no tour to run yet: create one in the Tours workspace."))
        self.tours_loaded = True
        self._mode_changed()
        self.loaded.emit()

    # --- state --------------------------------------------------------------------------
    @property
    def rehearsal(self) -> bool:
        platform = self.connection.currentData(Qt.ItemDataRole.UserRole + 1)
        return platform in (None, "simulator")

    def _mode_changed(self, *_args) -> None:
        rehearsal = self.rehearsal
        if rehearsal:
            self.mode.setText(self.tr("REHEARSAL — nothing goes out to viewers"))
            self.mode.setStyleSheet("background: #f9a825; color: #212121; border-radius: 4px; padding: 4px;")
        else:
            self.mode.setText(self.tr("LIVE — featuring reaches real viewers"))
            self.mode.setStyleSheet("background: #d50000; color: white; border-radius: 4px; padding: 4px;")
        self.speed.setEnabled(rehearsal)
        if not rehearsal:
            self.speed.setValue(1.0)

    def choice(self) -> StartChoice | None:
        if self.tour.currentIndex() < 0:
            return None
        return StartChoice(
            tour_id=int(self.tour.currentData()),
            tour_title=str(self.tour.currentData(Qt.ItemDataRole.UserRole + 1) or ""),
            connection=self.connection.currentData(),
            rehearsal=self.rehearsal,
            autopilot=self.autopilot.isChecked(),
            speed=self.speed.value() if self.rehearsal else 1.0,
        )
