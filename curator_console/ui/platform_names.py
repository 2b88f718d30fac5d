"""Names of the platform types, translated once for every page that shows them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def platform_label(key: str) -> str:
    names = {
        "simulator": QCoreApplication.translate("Platforms", "Built-in simulated platform"),
        "rest": QCoreApplication.translate("Platforms", "Live-commerce REST"),
        "youtube": QCoreApplication.translate("Platforms", "YouTube Live"),
        "twitch": QCoreApplication.translate("Platforms", "Twitch"),
        "shopify": QCoreApplication.translate("Platforms", "Shopify"),
        "obs": QCoreApplication.translate("Platforms", "OBS Studio"),
        "file": QCoreApplication.translate("Platforms", "Imported file"),
    }
    return names.get(key, key)
