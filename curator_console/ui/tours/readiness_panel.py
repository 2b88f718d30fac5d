"""The readiness check before going live: one line per problem; activating a line jumps to it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QStyle, QVBoxLayout, QWidget

from curator_console.ui import appearance
from curator_console.ui import formatting as fmt

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 20
ERROR_COLOUR = QColor("#b3261e")  # the light palette's; shown in appearance.colour("error") etc.
WARNING_COLOUR = QColor("#8a5a00")
OK_COLOUR = QColor("#2e7d32")


class ReadinessPanel(QWidget):
    problem_activated = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("readinessPanel")
        self.problems: list = []
        self.detail = None
        self.header = QLabel()
        self.header.setObjectName("readinessHeader")
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.list = QListWidget()
        self.list.setObjectName("readinessList")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.list, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Readiness check"))
        self.list.setToolTip(self.tr("Click a line to go to the problem"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._render()  # the lines' colours follow a switch between light and dark
        super().changeEvent(event)

    def set_problems(self, problems: list, detail) -> None:
        self.problems = list(problems)
        self.detail = detail
        self._render()

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    def _render(self) -> None:
        self.list.clear()
        if self.detail is None:
            self.header.setText(self.tr("Readiness check"))
            appearance.styled(self.header, "")
            return
        errors, warnings = self.errors, len(self.problems) - self.errors
        if not self.problems:
            self.header.setText(self.tr("Readiness check: ready to go live"))
            appearance.styled(self.header, "color: $ahead;")
        else:
            self.header.setText(fmt.arg(self.tr("Readiness check — problems: %1 · warnings: %2"), errors, warnings))
            appearance.styled(self.header, "color: $error;" if errors else "color: $warning;")
        style = self.style()
        for p in self.problems:
            item = QListWidgetItem(self.describe(p))
            error = p.severity == "error"
            item.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical if error
                                            else QStyle.StandardPixmap.SP_MessageBoxWarning))
            item.setForeground(QBrush(appearance.colour("error" if error else "warning")))
            item.setData(PROBLEM_ROLE, p)
            self.list.addItem(item)

    def _where(self, p) -> str:
        if p.segment_index is None:
            return ""
        title = p.subject if p.kind in ("no_script", "script_too_long") else ""
        if self.detail is not None and 0 <= p.segment_index < len(self.detail.segments):
            title = self.detail.segments[p.segment_index].title
        return fmt.arg(self.tr("Segment %1 “%2”"), p.segment_index + 1, title)

    def describe(self, p) -> str:
        """One plain sentence for a ``ReadinessProblem``."""
        where = self._where(p)
        subject = p.subject
        texts = {
            "no_segments": self.tr("The tour has no segments yet."),
            "no_script": fmt.arg(self.tr("%1: no script written."), where),
            "script_too_long": fmt.arg(self.tr("%1: the script needs about %2 to say, longer than planned."), where,
                                       fmt.duration(_int(p.detail))),
            "object_no_image": fmt.arg(self.tr("%1: object %2 has no image."), where, subject),
            "object_rights": fmt.arg(self.tr("%1: the image rights of object %2 are not cleared (%3)."), where, subject,
                                     p.detail or self.tr("not recorded")),
            "product_out_of_stock": fmt.arg(self.tr("%1: product %2 is out of stock."), where, subject),
            "product_no_price": fmt.arg(self.tr("%1: product %2 has no price."), where, subject),
            "product_not_active": fmt.arg(self.tr("%1: product %2 is not on sale (%3)."), where, subject, p.detail),
            "overrun": fmt.arg(self.tr("The tour overruns its slot by %1."), fmt.duration(_int(p.detail))),
        }
        return texts.get(p.kind, f"{where}: {p.kind} {subject} {p.detail}".strip(": "))

    def _activated(self, item: QListWidgetItem) -> None:
        p = item.data(PROBLEM_ROLE)
        if p is not None:
            self.problem_activated.emit(p)


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
