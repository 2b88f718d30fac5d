"""When a colleague saved the same part of a tour first (shared database): both versions side by
side, and the user chooses which one stays. Nothing is overwritten without that choice."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from curator_console.domain.tour_plan import CueInfo, ProductLink
from curator_console.ui import formatting as fmt


def describe_value(value: object) -> str:
    """A stored value as text a person can compare."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(describe_value(v) for v in value)
    if isinstance(value, ProductLink):
        price = "" if value.live_price is None else f" · {value.live_price}"
        auto = " · auto" if value.auto_feature else ""
        return f"#{value.product_id}{price}{auto} {value.pitch}".strip()
    if isinstance(value, CueInfo):
        return f"[{value.kind}] {value.text}"
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return fmt.local_datetime(value)  # type: ignore[arg-type]
    return str(value)


class ConflictDialog(QDialog):
    """``exec()`` returns Accepted when the user keeps *their own* version (``keep_mine``)."""

    def __init__(self, what: str, mine: object, theirs: object, parent=None,
                 describe=describe_value) -> None:
        super().__init__(parent)
        self.setObjectName("tourConflictDialog")
        self.setWindowTitle(self.tr("Someone else changed this"))
        self.keep_mine = False
        intro = QLabel(fmt.arg(self.tr(
            "%1 was changed by someone else after you opened it. Your change has not been saved. "
            "Choose which version to keep."), what))
        intro.setWordWrap(True)
        self.mine_view = QPlainTextEdit(describe(mine))
        self.theirs_view = QPlainTextEdit(describe(theirs))
        for view, name in ((self.mine_view, self.tr("Your version")), (self.theirs_view, self.tr("Their version (saved)"))):
            view.setReadOnly(True)
            view.setAccessibleName(name)
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>%s</b>" % self.tr("Your version")), 0, 0)
        grid.addWidget(QLabel("<b>%s</b>" % self.tr("Their version (saved)")), 0, 1)
        grid.addWidget(self.mine_view, 1, 0)
        grid.addWidget(self.theirs_view, 1, 1)
        buttons = QDialogButtonBox()
        self.mine_button = QPushButton(self.tr("Keep mine"))
        self.mine_button.setObjectName("keepMineButton")
        self.theirs_button = QPushButton(self.tr("Keep theirs"))
        self.theirs_button.setObjectName("keepTheirsButton")
        buttons.addButton(self.mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.theirs_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.theirs_button.setDefault(True)
        self.mine_button.clicked.connect(self._mine)
        self.theirs_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def _mine(self) -> None:
        self.keep_mine = True
        self.accept()
