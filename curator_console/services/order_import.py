"""Order import: a store's order export (CSV, one row per order line) into the store's orders,
in one transaction, exactly once.

Reading is ``importers.csv_orders`` (the collection import's CSV machinery with order fields;
rows grouped into orders there). The rules follow the product import:

- **Target connection** (orders are keyed by (connection, platform order id)): ``connection=NAME``
  must exist and be a store-type connection (platform simulator, rest, shopify or file). Without a
  name: the one store-type connection when there is exactly one; when there is none, a connection
  "Imported orders" (platform ``file``) is created inside the import's transaction (a refused,
  cancelled or dry-run import leaves none); when there are several, ``ConnectionChoiceError``
  lists them and asks which one.
- **Exactly once**: an order whose id the target connection already holds (imported before, or
  synced from the platform) is not stored again; it is counted in ``report.unchanged`` ("already
  there"). Re-importing a file adds nothing.
- **Times**: a time without an offset is read in the museum's time zone (``Museum.timezone`` of
  the database's first museum; UTC when there is no museum) and every time is stored in UTC.
- **Currency**: the currency column, else the symbol or code in the unit price, else the museum
  default — the app has no per-museum currency setting, so it is CNY (as for new products) unless
  ``default_currency`` says otherwise. A line in another currency is kept as given (no conversion).
- **Problems** (``ImportReport.rejected``, file row and field named): no order id, SKU, time,
  quantity or unit price; a time, quantity (whole number ≥ 1), price or currency that cannot be
  read; a price and a currency column that disagree; rows of one order that disagree on the time
  or currency (naming both rows); undecodable or ragged rows. An order with any bad row is skipped
  **whole** (its other rows say so), so no order is stored with lines missing. ``strict=True``
  refuses the whole file instead (``StrictImportError``, nothing written).
- The whole import is ONE transaction: ``cancelled()`` is asked between batches, and a cancel or
  any error rolls everything back (``ImportCancelled``) — every table exactly as before.
  ``dry_run=True`` does all of it and rolls back at the end: the report says what would be stored.
- Lines are linked to the product with their SKU when the store has one (``product_id``); a line
  whose SKU the store does not know is kept with its SKU, price and quantity.

Saved mappings are kept with ``kind="orders"``; the report CSV names its key column ``order_id``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from curator_console.domain.records import ConnectionRow
from curator_console.importers.csv_orders import (
    DEFAULT_CURRENCY,
    ORDERS,
    OrderCsvImport,
    OrderRecord,
    group_orders,
    open_orders_csv,
    preview_orders_csv,
)
from curator_console.importers.mapping import MappingError
from curator_console.importers.records import ImportFileError, ImportProgress, ImportReport, Preview, RowProblem
from curator_console.persistence import models as m
from curator_console.persistence.unit_of_work import ConcurrentEditError, UnitOfWork
from curator_console.services import collection_import as ci
from curator_console.services import museum
from curator_console.services.collection_import import ImportCancelled, SavedMapping, StrictImportError

__all__ = [
    "BATCH", "DEFAULT_CONNECTION", "STORE_PLATFORMS", "ConcurrentEditError", "ConnectionChoiceError",
    "ImportCancelled", "ImportFileError", "ImportProgress", "ImportReport", "MAPPING_KIND", "MappingError",
    "OrderImportReport", "Preview", "RowProblem", "SavedMapping", "StrictImportError", "TargetConnection",
    "delete_mapping", "get_mapping", "import_connections", "import_orders", "list_mappings", "museum_time_zone",
    "parse_map_option", "preview", "save_mapping", "target_connection", "write_report_csv",
]

BATCH = 500  # orders per INSERT batch (cancel is asked between batches)
MAPPING_KIND = "orders"
REPORT_KEY = "order_id"
STORE_PLATFORMS = ("simulator", "rest", "shopify", "file")  # connections orders can be imported into
DEFAULT_CONNECTION = "Imported orders"
DEFAULT_PLATFORM = "file"


class ConnectionChoiceError(Exception):
    """The orders' connection cannot be chosen: it does not exist, is not a store, or several could
    be meant. The message lists the store connections there are."""


@dataclass
class OrderImportReport(ImportReport):
    """An ``ImportReport`` whose ``imported`` counts new orders and ``unchanged`` the orders the
    connection already held (``already there``); ``updated`` stays 0 (orders are never changed)."""

    lines: int = 0  # order lines stored (or, in a dry run, that would be)
    connection: str = ""
    connection_created: bool = False
    time_zone: str = ""
    dry_run: bool = False

    @property
    def already_there(self) -> int:
        return self.unchanged

    def summary_line(self) -> str:
        return (f"imported={self.imported} lines={self.lines} already_there={self.unchanged} "
                f"rejected={self.rejected_rows}")


@dataclass(frozen=True)
class TargetConnection:
    """Where the orders go: an existing connection (``id``), or one to create (``id`` None)."""

    name: str
    platform: str
    id: int | None = None

    @property
    def created(self) -> bool:
        return self.id is None


# --- sources, preview, mappings, report ------------------------------------------------------


def open_source(path: Path | str, encoding: str | None = None, delimiter: str | None = None,
                mapping: Mapping[str, str] | None = None,
                require_mapping_headers: bool | Iterable[str] = False) -> OrderCsvImport:
    return open_orders_csv(path, encoding, delimiter, mapping, require_mapping_headers)


def preview(path: Path | str, encoding: str | None = None, delimiter: str | None = None, limit: int = 20,
            format: str | None = None, mapping: Mapping[str, str] | None = None) -> Preview:
    """The header, the first ``limit`` rows and the automatic order mapping (CSV only)."""
    if format not in (None, "csv"):
        raise ImportFileError(f"orders are imported from CSV files, not “{format}”.")
    return preview_orders_csv(path, encoding, delimiter, limit, mapping)


_KIND = ci.ImportKind(MAPPING_KIND, ORDERS, REPORT_KEY)
parse_map_option = _KIND.parse_map_option
write_report_csv = _KIND.write_report_csv
save_mapping = _KIND.save_mapping
list_mappings = _KIND.list_mappings
get_mapping = _KIND.get_mapping
delete_mapping = _KIND.delete_mapping


# --- connection and time zone ----------------------------------------------------------------


def _row(c: m.Connection) -> ConnectionRow:
    return ConnectionRow(id=c.id, name=c.name, platform=c.platform, base_url=c.base_url, room=c.room)


def import_connections(uow: UnitOfWork) -> list[ConnectionRow]:
    """The connections orders can be imported into (store-type platforms), by name."""
    with uow:
        return _store_connections(uow)


def _store_connections(uow: UnitOfWork) -> list[ConnectionRow]:
    rows = [_row(c) for c in uow.repos.connections.all() if c.platform in STORE_PLATFORMS]
    return sorted(rows, key=lambda r: r.name.casefold())


def _names(rows: list[ConnectionRow]) -> str:
    return ", ".join(f"“{r.name}”" for r in rows) or "none"


def _choose(uow: UnitOfWork, name: str | None) -> TargetConnection:
    """The rule in the module docstring, inside an open unit of work."""
    stores = _store_connections(uow)
    name = (name or "").strip()
    if name:
        c = uow.repos.connections.by_name(name)
        if c is None:
            raise ConnectionChoiceError(f"there is no connection named “{name}” (store connections: {_names(stores)}).")
        if c.platform not in STORE_PLATFORMS:
            raise ConnectionChoiceError(
                f"“{name}” is a {c.platform} connection, not a store: orders go to a simulator, rest, shopify or "
                f"file connection (store connections: {_names(stores)}).")
        return TargetConnection(c.name, c.platform, c.id)
    if len(stores) == 1:
        return TargetConnection(stores[0].name, stores[0].platform, stores[0].id)
    if stores:
        raise ConnectionChoiceError(
            f"there are {len(stores)} store connections ({_names(stores)}); say which one the orders belong to "
            "with --connection NAME.")
    other = uow.repos.connections.by_name(DEFAULT_CONNECTION)
    if other is not None:  # a connection with that name, but not a store: nothing to default to
        raise ConnectionChoiceError(
            f"there is no store connection, and “{DEFAULT_CONNECTION}” is a {other.platform} connection; add a "
            "store connection or choose one with --connection NAME.")
    return TargetConnection(DEFAULT_CONNECTION, DEFAULT_PLATFORM)


def target_connection(uow: UnitOfWork, name: str | None = None) -> TargetConnection:
    """Where orders imported now would go (``ConnectionChoiceError`` when none can be chosen)."""
    with uow:
        return _choose(uow, name)


def museum_time_zone(uow: UnitOfWork) -> str:
    """The zone naive times are read in: the museum's, or UTC."""
    with uow:
        return museum.zone(uow)[1]


# --- the import ------------------------------------------------------------------------------


def import_orders(
    uow: UnitOfWork,
    path: Path | str,
    *,
    connection: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    mapping: Mapping[str, str] | None = None,
    require_mapping_headers: bool | Iterable[str] = False,
    strict: bool = False,
    dry_run: bool = False,
    default_currency: str = DEFAULT_CURRENCY,
    progress: Callable[[ImportProgress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch_size: int = BATCH,
    format: str | None = None,
) -> OrderImportReport:
    """Import an order CSV (see the module docstring). Raises ``ImportFileError`` / ``MappingError``
    / ``ConnectionChoiceError`` before anything is written, ``StrictImportError`` (with the report)
    in strict mode, ``ImportCancelled`` on cancel, ``ConcurrentEditError`` when another import or
    sync stored the same orders at the same moment twice running."""
    if format not in (None, "csv"):
        raise ImportFileError(f"orders are imported from CSV files, not “{format}”.")
    path = Path(path)
    source = open_source(path, encoding, delimiter, mapping, require_mapping_headers)
    report = OrderImportReport(unknown_headers=source.unknown_headers, encoding=source.encoding,
                               delimiter=source.delimiter, format=source.format, path=str(path), dry_run=dry_run)
    try:
        with uow:
            target = _choose(uow, connection)  # refuse early, before the file is read
            tz, report.time_zone = museum.zone(uow)
        report.connection, report.connection_created = target.name, target.created
        ticker = ci.ProgressTicker(progress, lambda: source.fraction_read)
        records = []
        for record in source.lines(tz):
            records.append(record)
            if len(records) % batch_size == 0:
                _check_cancel(cancelled)
                ticker.tick(len(records))
        orders, problems = group_orders(records, default_currency=default_currency, tz=tz)
        report.rejected.extend(problems)
        if strict and problems:
            raise StrictImportError(report)
        for attempt in range(2):
            try:
                _store(uow, report, connection, orders, dry_run, cancelled, batch_size)
                break
            except IntegrityError:
                # Someone stored some of these orders meanwhile (a sync, another import): look again.
                if attempt:
                    raise ConcurrentEditError(
                        "Some of these orders were stored by someone else during the import, so nothing was "
                        "imported. Run the import again.") from None
        ticker.tick(len(records), final=True)
        return report
    finally:
        source.close()


def _check_cancel(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled("The import was cancelled; nothing was changed.")


def _store(uow: UnitOfWork, report: OrderImportReport, connection: str | None, orders: list[OrderRecord],
           dry_run: bool, cancelled: Callable[[], bool] | None, batch_size: int) -> None:
    """Everything written in one transaction (rolled back on any error, on cancel, and in a dry run)."""
    with uow:
        target = _choose(uow, connection)
        if target.id is None:
            c = uow.repos.connections.add(m.Connection(name=target.name, platform=target.platform))
            uow.session.flush()
            connection_id = c.id
        else:
            connection_id = target.id
        report.connection, report.connection_created = target.name, target.created
        repo = uow.repos.orders
        existing = repo.existing_ids(connection_id, [o.order_id for o in orders])
        fresh = [o.order for o in orders if o.order_id not in existing]
        products = repo.product_ids_by_sku(sorted({ln.sku for o in fresh for ln in o.lines}))
        for start in range(0, len(fresh), batch_size):
            _check_cancel(cancelled)
            repo.insert_many(connection_id, fresh[start:start + batch_size], products)
        _check_cancel(cancelled)
        if not dry_run:
            uow.commit()
        report.imported = len(fresh)
        report.unchanged = len(existing)
        report.lines = sum(len(o.lines) for o in fresh)
