"""Money, times and durations as the documents print them (the same in every language)."""

from __future__ import annotations

from datetime import datetime, tzinfo
from decimal import Decimal

from curator_console.domain.money import Money
from curator_console.domain.timing import format_duration

CURRENCY_SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "HKD": "HK$", "TWD": "NT$"}


def money(amount: Decimal | None, currency: str) -> str:
    """``¥1,280.00``; a currency without a symbol is written after the amount (``12.50 CHF``)."""
    if amount is None:
        return ""
    text = f"{Money(amount, currency or '').quantized():,}"
    symbol = CURRENCY_SYMBOLS.get((currency or "").upper())
    if symbol:
        return f"-{symbol}{text[1:]}" if text.startswith("-") else f"{symbol}{text}"
    return f"{text} {currency}".rstrip()


def zone_name(value: datetime) -> str:
    """``Asia/Shanghai`` for a zoneinfo zone, else the offset (``UTC+08:00``)."""
    key = getattr(value.tzinfo, "key", None)
    if key:
        return key
    offset = value.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    h, m = divmod(abs(minutes), 60)
    return "UTC" if minutes == 0 else f"UTC{sign}{h:02d}:{m:02d}"


def start_time(value: datetime | None, tz: tzinfo | None) -> str:
    """``2026-03-17 19:30 (Asia/Shanghai)``: the planned start in ``tz`` (the computer's when None)."""
    if value is None:
        return "—"
    local = value.astimezone(tz) if tz is not None else value.astimezone()
    return f"{local:%Y-%m-%d %H:%M} ({zone_name(local)})"


def duration(seconds: int | None) -> str:
    return "—" if seconds is None else format_duration(seconds)
