"""Money as Decimal with its currency; never floats."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# ISO 4217 minor units for currencies a museum shop is likely to use; default 2.
_MINOR_UNITS = {"JPY": 0, "KRW": 0, "TWD": 2, "KWD": 3, "BHD": 3}


def minor_units(currency: str) -> int:
    return _MINOR_UNITS.get(currency.upper(), 2)


def parse_amount(text: str | int | Decimal) -> Decimal:
    """Parse a decimal amount such as ``"25.00"`` or ``"1,280.50"``; raises ValueError on anything else."""
    if isinstance(text, (float, bool)):
        raise ValueError(f"money must be given as text or Decimal, not {type(text).__name__}: {text!r}")
    if isinstance(text, Decimal):
        value = text
    elif isinstance(text, int):
        value = Decimal(text)
    else:
        cleaned = str(text).strip().replace(",", "").replace("\u00a0", "").replace(" ", "")
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise ValueError(f"not an amount of money: {text!r}") from None
    if not value.is_finite():
        raise ValueError(f"not an amount of money: {text!r}")
    return value


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str

    def quantized(self) -> Decimal:
        exp = Decimal(1).scaleb(-minor_units(self.currency))
        return self.amount.quantize(exp, rounding=ROUND_HALF_UP)

    def __str__(self) -> str:
        return f"{self.quantized():,} {self.currency}"
