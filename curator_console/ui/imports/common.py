"""Small pieces the import dialogs share: field names in the reader's language, plain-words
messages for the errors an import can raise, and non-blocking message boxes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from curator_console.connectors.errors import (
    InsecureAddressError,
    NotAuthorisedError,
    PlatformError,
    PlatformUnavailableError,
    RateLimitedError,
)
from curator_console.importers.records import IGNORE, PUBLIC_DOMAIN_FIELD, TARGETS
from curator_console.ui import formatting as fmt

def field_label(name: str) -> str:
    """A field's name as the mapping dialog and the report show it (the key itself when unknown)."""
    labels = {
        "object_number": QCoreApplication.translate("ImportFields", "Object number"),
        "title": QCoreApplication.translate("ImportFields", "Title"),
        "alt_title": QCoreApplication.translate("ImportFields", "Alternative title"),
        "maker": QCoreApplication.translate("ImportFields", "Maker / artist"),
        "culture": QCoreApplication.translate("ImportFields", "Culture"),
        "period": QCoreApplication.translate("ImportFields", "Period / dynasty"),
        "date_text": QCoreApplication.translate("ImportFields", "Date"),
        "begin_year": QCoreApplication.translate("ImportFields", "Begin year"),
        "end_year": QCoreApplication.translate("ImportFields", "End year"),
        "medium": QCoreApplication.translate("ImportFields", "Medium / material"),
        "dimensions": QCoreApplication.translate("ImportFields", "Dimensions"),
        "classification": QCoreApplication.translate("ImportFields", "Classification"),
        "credit_line": QCoreApplication.translate("ImportFields", "Credit line"),
        "provenance": QCoreApplication.translate("ImportFields", "Provenance"),
        "description": QCoreApplication.translate("ImportFields", "Description"),
        "alt_description": QCoreApplication.translate("ImportFields", "Alternative description"),
        "rights": QCoreApplication.translate("ImportFields", "Rights"),
        "tags": QCoreApplication.translate("ImportFields", "Tags"),
        "image": QCoreApplication.translate("ImportFields", "Images"),
        "source_ref": QCoreApplication.translate("ImportFields", "Source link"),
        PUBLIC_DOMAIN_FIELD: QCoreApplication.translate("ImportFields", "Public domain (yes / no)"),
        IGNORE: QCoreApplication.translate("ImportFields", "Ignore"),
        "row": QCoreApplication.translate("ImportFields", "Whole row"),
        # product imports
        "sku": QCoreApplication.translate("ImportFields", "SKU"),
        "handle": QCoreApplication.translate("ImportFields", "Shopify handle (groups variants)"),
        "price": QCoreApplication.translate("ImportFields", "Price"),
        "currency": QCoreApplication.translate("ImportFields", "Currency"),
        "stock": QCoreApplication.translate("ImportFields", "Stock"),
        "status": QCoreApplication.translate("ImportFields", "Status (on sale / draft / archived)"),
        "url": QCoreApplication.translate("ImportFields", "Store link"),
        "objects": QCoreApplication.translate("ImportFields", "Linked objects (object numbers)"),
        # order imports (sku and currency as above)
        "order_id": QCoreApplication.translate("ImportFields", "Order ID"),
        "created_at": QCoreApplication.translate("ImportFields", "Ordered at (date and time)"),
        "quantity": QCoreApplication.translate("ImportFields", "Quantity"),
        "unit_price": QCoreApplication.translate("ImportFields", "Unit price"),
    }
    return labels.get(name, name)


def spec_label(spec: str) -> str:
    """``"period,date_text"`` → "Period / dynasty + Date"; ``""``/``"ignore"`` → "Ignore"."""
    names = [p for p in (spec or "").split(",") if p and p != IGNORE]
    if not names:
        return field_label(IGNORE)
    return " + ".join(field_label(n) for n in names)


def import_targets() -> tuple[str, ...]:
    """Every field a column can fill, in the order the combo boxes list them."""
    return TARGETS


def duration_text(seconds: float | None) -> str:
    """A rough time left: "12 s", "3 min", "1 h 20 min" (translated)."""
    if seconds is None:
        return ""
    s = max(0, int(round(seconds)))
    if s < 60:
        return fmt.arg(QCoreApplication.translate("ImportFields", "%1 s"), fmt.number(max(1, s)))
    minutes = (s + 30) // 60
    if minutes < 60:
        return fmt.arg(QCoreApplication.translate("ImportFields", "%1 min"), fmt.number(minutes))
    return fmt.arg(QCoreApplication.translate("ImportFields", "%1 h %2 min"), fmt.number(minutes // 60), fmt.number(minutes % 60))


def platform_error_text(exc: BaseException, source: str) -> str:
    """A connector error in plain words, with what to do next. ``source`` names the museum/server."""
    detail = str(exc) or exc.__class__.__name__
    if isinstance(exc, RateLimitedError):
        if exc.retry_after:
            return fmt.arg(QCoreApplication.translate("ImportFields", "%1 is asking for fewer requests right now. Wait about %2, then try again."),
                           source, duration_text(exc.retry_after))
        return fmt.arg(QCoreApplication.translate("ImportFields", "%1 is asking for fewer requests right now. Wait a minute, then try again."), source)
    if isinstance(exc, PlatformUnavailableError):
        return fmt.arg(QCoreApplication.translate("ImportFields", "%1 cannot be reached at the moment (%2). Check the internet connection and try again "
                          "in a few minutes."), source, detail)
    if isinstance(exc, NotAuthorisedError):
        return fmt.arg(QCoreApplication.translate("ImportFields", "%1 refused the request (%2)."), source, detail)
    if isinstance(exc, InsecureAddressError):
        return fmt.arg(QCoreApplication.translate("ImportFields", "The address is not encrypted (http://), so it was not opened: %1"), detail)
    if isinstance(exc, PlatformError):
        return fmt.arg(QCoreApplication.translate("ImportFields", "%1 answered in a way Curator Console did not understand (%2). Try again later."),
                       source, detail)
    return detail


def show_message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                 details: str = "") -> QMessageBox:
    """A window-modal message box that does not block the caller (``open()``, not ``exec()``).
    It deletes itself when closed; the box is returned so callers (and tests) can read it."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("importMessage")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    box.setEscapeButton(QMessageBox.StandardButton.Ok)
    if details:
        box.setDetailedText(details)
    box.open()
    return box
