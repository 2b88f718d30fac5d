"""Money as Decimal, never float (curator_console.domain.money)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from curator_console.domain.money import Money, minor_units, parse_amount

finite_decimals = st.decimals(allow_nan=False, allow_infinity=False)
shop_amounts = st.decimals(min_value=-(10**12), max_value=10**12, places=4, allow_nan=False, allow_infinity=False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25.00", Decimal("25.00")),
        ("1,280.50", Decimal("1280.50")),
        ("  19.90 ", Decimal("19.90")),
        ("1 280.50", Decimal("1280.50")),
        ("1\u00a0280.50", Decimal("1280.50")),
        ("-3.5", Decimal("-3.5")),
        ("0", Decimal("0")),
        ("0.0001", Decimal("0.0001")),
        ("123456789012.3456", Decimal("123456789012.3456")),
    ],
)
def test_parse_amount_reads_decimal_text(text, expected):
    value = parse_amount(text)
    assert type(value) is Decimal
    assert value == expected


def test_parse_amount_keeps_trailing_zeros():
    assert str(parse_amount("19.90")) == "19.90"


def test_parse_amount_passes_ints_and_decimals_through_as_decimal():
    assert parse_amount(25) == Decimal(25) and type(parse_amount(25)) is Decimal
    d = Decimal("12.3400")
    assert parse_amount(d) is d


@pytest.mark.parametrize(
    "garbage",
    ["", "   ", "abc", "12abc", "1.2.3", "$5", "5 USD", "--5", "1e", "0x10", "\x00", "五十", "½"],
)
def test_parse_amount_rejects_garbage(garbage):
    with pytest.raises(ValueError, match="not an amount of money"):
        parse_amount(garbage)


@pytest.mark.parametrize(
    "not_finite",
    ["nan", "NaN", "-nan", "sNaN", "inf", "-inf", "Infinity", "-Infinity", "INF",
     Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity")],
)
def test_parse_amount_rejects_nan_and_infinity(not_finite):
    with pytest.raises(ValueError):
        parse_amount(not_finite)


@given(st.text(max_size=40))
def test_parse_amount_returns_a_finite_decimal_or_raises_value_error(text):
    try:
        value = parse_amount(text)
    except ValueError:
        return
    assert type(value) is Decimal
    assert value.is_finite()


@given(finite_decimals)
def test_parse_amount_round_trips_every_finite_decimal(value):
    parsed = parse_amount(str(value))
    assert type(parsed) is Decimal
    assert parsed == value


@given(shop_amounts)
def test_parse_amount_reads_thousands_separators(value):
    parsed = parse_amount(f"{value:,f}")
    assert type(parsed) is Decimal
    assert parsed == value


@given(st.integers(min_value=-(10**18), max_value=10**18))
def test_parse_amount_of_int_is_exact(value):
    parsed = parse_amount(value)
    assert type(parsed) is Decimal and parsed == value


# --- Money ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("currency", "units"),
    [("CNY", 2), ("USD", 2), ("JPY", 0), ("jpy", 0), ("KRW", 0), ("KWD", 3), ("BHD", 3), ("XYZ", 2)],
)
def test_minor_units(currency, units):
    assert minor_units(currency) == units


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        ("1280.5", "CNY", "1,280.50 CNY"),
        ("1280.5", "JPY", "1,281 JPY"),
        ("2.345", "USD", "2.35 USD"),  # half up, not banker's rounding
        ("2.5", "JPY", "3 JPY"),
        ("0.0005", "KWD", "0.001 KWD"),
        ("-1234567.125", "CNY", "-1,234,567.13 CNY"),
        ("0", "CNY", "0.00 CNY"),
    ],
)
def test_money_display_is_quantized_to_the_currency(amount, currency, text):
    assert str(Money(Decimal(amount), currency)) == text


@given(shop_amounts, st.sampled_from(["CNY", "JPY", "KWD", "USD"]))
def test_quantized_is_a_decimal_within_half_a_minor_unit(amount, currency):
    q = Money(amount, currency).quantized()
    assert type(q) is Decimal
    assert q.as_tuple().exponent == -minor_units(currency)
    assert abs(q - amount) <= Decimal(1).scaleb(-minor_units(currency)) / 2
