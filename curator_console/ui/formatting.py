"""Numbers, money, dates and durations shown in the user's chosen locale."""

from __future__ import annotations

import re

from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QDateTime, QLocale, QTimeZone

from curator_console.domain.money import Money
from curator_console.domain.timing import format_duration

CURRENCY_SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "HKD": "HK$", "TWD": "NT$"}


def number(n: int | None) -> str:
    return "" if n is None else QLocale().toString(int(n))


def money(amount: Decimal | None, currency: str) -> str:
    if amount is None:
        return ""
    q = Money(amount, currency).quantized()
    loc = QLocale()
    # Format the Decimal itself (never through float), then use the locale's separators.
    text = f"{q:,}".replace(",", "\0").replace(".", loc.decimalPoint()).replace("\0", loc.groupSeparator())
    symbol = CURRENCY_SYMBOLS.get(currency.upper())
    return f"{symbol}{text}" if symbol else f"{text} {currency}"


def local_datetime(value: datetime | None) -> str:
    """A UTC datetime shown in the computer's local time zone, in the locale's short format."""
    if value is None:
        return ""
    qdt = QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.systemTimeZone())
    return QLocale().toString(qdt, QLocale.FormatType.ShortFormat)


def duration(seconds: int | None) -> str:
    return "" if seconds is None else format_duration(seconds)


_PLACEHOLDER = re.compile(r"%([1-9])")


def arg(template: str, *values: object) -> str:
    """Fill ``%1``…``%9`` in one pass (like QString.arg), so a value that itself contains ``%2``
    (a percent-encoded URL, say) is never substituted again."""
    return _PLACEHOLDER.sub(lambda m: str(values[int(m.group(1)) - 1]) if int(m.group(1)) <= len(values) else m.group(0), template)
