"""Money and UTC times behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import func, insert, select, text
from sqlalchemy.exc import StatementError

from curator_console.persistence.models import Order, OrderLine, Product
from curator_console.persistence.models import Connection as PlatformConnection

EXACT_AMOUNTS = ["0.1", "123456789012.3456", "19.90", "0", "-42.5", "0.0001", "99999999999999.9999"]


def _read_prices(db) -> dict[str, Decimal]:
    with db.session() as s:
        return dict(s.execute(select(Product.sku, Product.price)).all())


def test_money_round_trips_decimals_exactly(db):
    with db.session() as s:
        s.add_all(Product(sku=f"SKU-{i}", price=Decimal(a)) for i, a in enumerate(EXACT_AMOUNTS))
        s.add(Product(sku="NO-PRICE", price=None))
        s.commit()

    prices = _read_prices(db)

    for i, amount in enumerate(EXACT_AMOUNTS):
        value = prices[f"SKU-{i}"]
        assert type(value) is Decimal
        assert value == Decimal(amount)
    assert prices["NO-PRICE"] is None


def test_money_round_trips_through_core_and_order_lines(db):
    with db.session() as s:
        conn = PlatformConnection(name="shop", platform="simulator")
        s.add(conn)
        s.flush()
        order = Order(connection_id=conn.id, platform_order_id="A-1", created_at=datetime.now(timezone.utc))
        order.lines = [
            OrderLine(line_no=n, sku="X", quantity=3, unit_price=Decimal(a)) for n, a in enumerate(EXACT_AMOUNTS, 1)
        ]
        s.add(order)
        s.commit()

    with db.engine.connect() as c:
        got = c.execute(select(OrderLine.__table__.c.line_no, OrderLine.__table__.c.unit_price)).all()
    assert {n: v for n, v in got} == {n: Decimal(a) for n, a in enumerate(EXACT_AMOUNTS, 1)}
    assert all(type(v) is Decimal for _, v in got)


def test_money_accepts_int_and_decimal_text(db):
    with db.session() as s:
        s.add_all([Product(sku="INT", price=25), Product(sku="STR", price="19.90")])
        s.commit()

    prices = _read_prices(db)

    assert prices["INT"] == Decimal(25)
    assert prices["STR"] == Decimal("19.90")


def test_money_refuses_float_and_writes_nothing(db):
    with db.session() as s:
        s.add(Product(sku="FLOAT", price=0.1))
        with pytest.raises(StatementError) as excinfo:
            s.flush()
        s.rollback()
    assert isinstance(excinfo.value.orig, TypeError)
    assert "float" in str(excinfo.value.orig)

    with db.engine.begin() as c:
        with pytest.raises(StatementError) as core_excinfo:
            c.execute(insert(Product.__table__).values(sku="FLOAT2", price=19.9, version=1,
                                                       created_at=datetime.now(timezone.utc),
                                                       updated_at=datetime.now(timezone.utc)))
    assert isinstance(core_excinfo.value.orig, TypeError)

    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Product)) == 0


def test_money_is_stored_as_exact_text_on_sqlite(sqlite_url, open_db):
    db = open_db(sqlite_url)
    with db.session() as s:
        s.add(Product(sku="A", price=Decimal("123456789012.3456")))
        s.commit()
    with db.engine.connect() as c:
        assert c.execute(text("SELECT typeof(price), price FROM product")).one() == ("text", "123456789012.3456")


def test_utc_datetime_returns_aware_utc_for_the_same_instant(db):
    beijing = timezone(timedelta(hours=8))
    new_york = timezone(timedelta(hours=-5))
    moments = {
        "BJ": datetime(2026, 3, 14, 17, 30, 15, 123456, tzinfo=beijing),
        "NY": datetime(2026, 1, 1, 0, 0, 0, tzinfo=new_york),
        "UTC": datetime(2026, 12, 31, 23, 59, 59, 999999, tzinfo=timezone.utc),
    }
    with db.session() as s:
        s.add_all(Product(sku=k, synced_at=v) for k, v in moments.items())
        s.commit()

    with db.session() as s:
        got = dict(s.execute(select(Product.sku, Product.synced_at)).all())
        created = s.execute(select(Product.created_at)).scalars().all()

    for sku, moment in moments.items():
        value = got[sku]
        assert value == moment  # the same instant
        assert value.tzinfo is timezone.utc
        assert value.utcoffset() == timedelta(0)
    assert got["BJ"].hour == 9  # 17:30 in Beijing is 09:30 UTC
    assert all(c.tzinfo is timezone.utc for c in created)  # defaults too


def test_utc_datetime_stores_naive_utc(db):
    with db.session() as s:
        s.add(Product(sku="A", synced_at=datetime(2026, 3, 14, 17, 30, tzinfo=timezone(timedelta(hours=8)))))
        s.commit()
    with db.engine.connect() as c:
        raw = c.execute(text("SELECT synced_at FROM product")).scalar_one()
    if isinstance(raw, str):  # SQLite keeps the ISO text
        raw = datetime.fromisoformat(raw)
    assert raw == datetime(2026, 3, 14, 9, 30)
    assert raw.tzinfo is None


def test_utc_datetime_refuses_naive_datetimes(db):
    with db.session() as s:
        s.add(Product(sku="NAIVE", synced_at=datetime(2026, 3, 14, 9, 30)))
        with pytest.raises(StatementError) as excinfo:
            s.flush()
        s.rollback()

    assert isinstance(excinfo.value.orig, ValueError)
    assert "naive" in str(excinfo.value.orig)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Product)) == 0
