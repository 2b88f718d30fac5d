"""Exchange rates for a session whose orders are in more than one currency.

The dialog asks, for every other currency, how much of the report's currency one unit is worth
(``1 USD = [7.10] CNY``). The rates are kept by the page per session, in memory, for as long as the
workspace is open; nothing is saved.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from curator_console.ui import appearance
from curator_console.ui import formatting as fmt
from curator_console.ui.workspace import heading

MAX_RATE = Decimal("1000000000")


def parse_rate(text: str) -> Decimal | None:
    """A positive rate typed the way the user writes numbers ("7.10" or "1,234.5"; "7,10" where the
    decimal point is a comma); None when it is not one."""
    text = (text or "").strip().replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if QLocale().decimalPoint() == ",":
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", "")
    try:
        rate = Decimal(text)
    except InvalidOperation:
        return None
    if not rate.is_finite() or rate <= 0 or rate > MAX_RATE:
        return None
    return rate


class ExchangeRatesDialog(QDialog):
    """One field per currency; OK once every field holds a positive number."""

    def __init__(self, report_currency: str, currencies: Sequence[str], given: Mapping[str, Decimal],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangeRatesDialog")
        self.report_currency = report_currency
        self.currencies = list(currencies)
        self.title = heading()
        self.note = QLabel()
        self.note.setObjectName("exchangeRatesNote")
        self.note.setWordWrap(True)
        self.fields: dict[str, QLineEdit] = {}
        self.prefixes: dict[str, QLabel] = {}
        grid = QGridLayout()
        for row, code in enumerate(self.currencies):
            prefix = QLabel()
            field = QLineEdit()
            field.setObjectName(f"rate_{code}")
            if code in given:
                field.setText(QLocale().toString(float(given[code]), "f", max(2, -given[code].as_tuple().exponent)))
            field.textChanged.connect(self._validate)
            prefix.setBuddy(field)
            grid.addWidget(prefix, row, 0)
            grid.addWidget(field, row, 1)
            grid.addWidget(QLabel(report_currency), row, 2)
            self.fields[code] = field
            self.prefixes[code] = prefix
        self.problem = QLabel()
        self.problem.setObjectName("exchangeRatesProblem")
        appearance.styled(self.problem, "color: $error;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addLayout(grid)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(max(420, self.sizeHint().width()), self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Exchange rates"))
        self.title.setText(self.tr("Add up the revenue in one currency"))
        self.note.setText(fmt.arg(self.tr(
            "Some orders are not in %1. Give the rate for each other currency: how much %1 one unit is worth. "
            "The rates are used for this session until you close the app; they are not saved."),
            self.report_currency))
        for code, prefix in self.prefixes.items():
            prefix.setText(fmt.arg(self.tr("1 %1 ="), code))
            self.fields[code].setPlaceholderText(self.tr("e.g. 7.10"))
        self._validate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def rates(self) -> dict[str, Decimal]:
        """The rates typed so far that are valid."""
        out = {}
        for code, field in self.fields.items():
            rate = parse_rate(field.text())
            if rate is not None:
                out[code] = rate
        return out

    def _validate(self) -> None:
        bad = [code for code, field in self.fields.items() if parse_rate(field.text()) is None]
        typed_bad = [code for code in bad if self.fields[code].text().strip()]
        self.problem.setText(fmt.arg(self.tr("Not a positive number: %1"), ", ".join(typed_bad)) if typed_bad else "")
        self.problem.setVisible(bool(typed_bad))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not bad)

    def accept(self) -> None:
        if len(self.rates()) == len(self.fields):
            super().accept()
