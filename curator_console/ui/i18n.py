"""Interface language: loads the compiled translations from ``resources/translations``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from curator_console import paths

_installed: list[QTranslator] = []


def translations_dir():
    return paths.resources_dir() / "translations"


def effective_language(choice: str) -> str:
    """``choice`` when set, else the system's: Chinese systems get Simplified Chinese."""
    if choice:
        return choice
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def apply_language(language: str) -> str:
    """Install the translators for ``language`` ("en" or "zh_CN"); widgets get a LanguageChange event."""
    app = QCoreApplication.instance()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    language = effective_language(language)
    if language != "en":
        ours = QTranslator(app)
        if ours.load(f"curator_console_{language}", str(translations_dir())):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if language == "zh_CN"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return language
