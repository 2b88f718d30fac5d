"""Where the app keeps its files: data folder, demo database, media store, backups, settings.

Everything lives under the platform's per-user folders (platformdirs). Setting the environment
variable ``CURATOR_CONSOLE_HOME`` puts all of it under one folder instead (portable installs and
tests use it so they never touch a real user's data).
"""

from __future__ import annotations

import os
from pathlib import Path

from curator_console import APP_ID, ORG_NAME

HOME_ENV = "CURATOR_CONSOLE_HOME"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    override = _home_override()
    if override is not None:
        path = override / "data"
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_ID, ORG_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    override = _home_override()
    if override is not None:
        path = override / "config"
    else:
        import platformdirs

        path = Path(platformdirs.user_config_dir(APP_ID, ORG_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Caches the app can rebuild (matplotlib's font list in the desktop bundle)."""
    override = _home_override()
    if override is not None:
        path = override / "cache"
    else:
        import platformdirs

        path = Path(platformdirs.user_cache_dir(APP_ID, ORG_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / "curator-console.sqlite3"


def demo_database_path() -> Path:
    return data_dir() / "demo" / "demo-museum.sqlite3"


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def media_dir() -> Path:
    path = data_dir() / "media"
    path.mkdir(parents=True, exist_ok=True)
    return path


def settings_file() -> Path:
    return config_dir() / "settings.ini"


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package in a checkout, inside the bundle when frozen."""
    import sys

    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def user_guide_path(language: str = "en") -> Path:
    """The user guide (Help → User guide) in ``language``: ``docs/user-guide.<language>.md`` when
    there is one, else the English ``docs/user-guide.md``. Its screenshots are in ``docs/images/``
    beside it. The ``docs`` folder sits beside the package in a checkout and inside the bundle
    when frozen (the bundle carries the guides and ``docs/images``)."""
    import sys

    frozen = getattr(sys, "_MEIPASS", None)
    docs = Path(frozen) / "docs" if frozen else Path(__file__).resolve().parent.parent / "docs"
    translated = docs / f"user-guide.{language}.md"
    return translated if language and language != "en" and translated.is_file() else docs / "user-guide.md"


def is_frozen() -> bool:
    """Running from the PyInstaller bundle (``build.spec``) rather than from a Python install."""
    import sys

    return bool(getattr(sys, "frozen", False))


def prepare_frozen_environment(environ=None) -> None:
    """Set-up the bundle needs before anything else is imported (``packaging/launcher.py`` calls
    it; a no-op outside a bundle).

    PyInstaller points matplotlib's config folder at a new temporary folder on every start, so the
    font list (every installed font, CJK ones included) would be rebuilt each time a PDF is
    written; it goes to ``cache_dir()/matplotlib`` instead and is built once. When that folder
    cannot be made, the temporary one stays."""
    if not is_frozen():
        return
    environ = os.environ if environ is None else environ
    try:
        path = cache_dir() / "matplotlib"
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    environ["MPLCONFIGDIR"] = str(path)
