"""One typed settings object over QSettings: every key and default is declared here, nowhere else.

``SCHEMA_VERSION`` lets later releases upgrade old settings files in ``_upgrade``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from curator_console.domain.timing import DEFAULT_CJK_CHARS_PER_MINUTE, DEFAULT_WORDS_PER_MINUTE, ReadingSpeed

SCHEMA_VERSION = 1
LANGUAGES = ("en", "zh_CN")


@dataclass(frozen=True)
class Key:
    name: str
    default: Any
    type: type


LANGUAGE = Key("ui/language", "", str)  # "" = follow the system locale
DATABASE = Key("database/location", "", str)  # "" = the default SQLite file in the data folder
CJK_CPM = Key("timing/cjk_chars_per_minute", DEFAULT_CJK_CHARS_PER_MINUTE, int)
WORDS_PM = Key("timing/words_per_minute", DEFAULT_WORDS_PER_MINUTE, int)
WORKSPACE = Key("window/workspace", 0, int)
GEOMETRY = Key("window/geometry", QByteArray(), QByteArray)
WINDOW_STATE = Key("window/state", QByteArray(), QByteArray)
APPEARANCE = Key("ui/appearance", "system", str)  # "system" (follow the OS), "light" or "dark"
FONT_SCALE = Key("ui/font_scale", 100, int)  # text size, percent of the system's


def layout_key(scope: str, name: str) -> Key:
    """Where a splitter's or table header's state is kept: ``layout/<workspace>/<widget>``, both
    object names (one key per splitter of each workspace)."""
    return Key(f"layout/{scope}/{name}", QByteArray(), QByteArray)


class Settings:
    """Typed access to the user's settings (an INI file in the config folder)."""

    def __init__(self, path: Path | str | None = None) -> None:
        if path is None:
            from curator_console import paths

            path = paths.settings_file()
        self.q = QSettings(str(path), QSettings.Format.IniFormat)
        self._upgrade()

    def _upgrade(self) -> None:
        version = int(self.q.value("meta/schema", 0) or 0)
        if version < SCHEMA_VERSION:
            self.q.setValue("meta/schema", SCHEMA_VERSION)

    def get(self, key: Key) -> Any:
        value = self.q.value(key.name, key.default)
        if value is None:
            return key.default
        if key.type is int:
            try:
                return int(value)
            except (TypeError, ValueError):
                return key.default
        if key.type is str:
            return str(value)
        return value

    def set(self, key: Key, value: Any) -> None:
        self.q.setValue(key.name, value)

    def sync(self) -> None:
        self.q.sync()

    # Convenience accessors used across the UI.
    @property
    def language(self) -> str:
        value = self.get(LANGUAGE)
        return value if value in LANGUAGES else ""

    @language.setter
    def language(self, value: str) -> None:
        self.set(LANGUAGE, value if value in LANGUAGES else "")

    @property
    def appearance(self) -> str:
        value = self.get(APPEARANCE)
        return value if value in ("system", "light", "dark") else "system"

    @property
    def font_scale(self) -> int:
        return max(80, min(160, self.get(FONT_SCALE)))

    @property
    def reading_speed(self) -> ReadingSpeed:
        cpm = max(1, self.get(CJK_CPM))
        wpm = max(1, self.get(WORDS_PM))
        return ReadingSpeed(cjk_chars_per_minute=cpm, words_per_minute=wpm)
