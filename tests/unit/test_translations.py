"""The Simplified Chinese translation is complete, compiled from the current .ts, and loadable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "translations.py"
QM = ROOT / "resources" / "translations" / "curator_console_zh_CN.qm"


def test_translations_are_complete_and_compiled() -> None:
    result = subprocess.run(
        [sys.executable, str(TOOL), "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
    )
    assert result.returncode == 0, (
        f"tools/translations.py check exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    )


def test_compiled_translation_loads_and_translates() -> None:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(QM)), f"cannot load {QM}"
    assert translator.language() == "zh_CN"
    assert translator.translate("MainWindow", "&File") == "文件(&F)"
    assert translator.translate("SessionColumns", "Rehearsal") == "彩排"
    assert translator.translate("ToursPage", "Overruns the slot by %1") == "超出时段 %1"
    assert translator.translate("MainWindow", "no such message") == ""


def test_app_loads_the_translation_by_language(qapp) -> None:
    """i18n.apply_language finds the .qm where the app looks for it and installs it."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from curator_console.ui import i18n

    default_locale = QLocale()  # apply_language changes the default locale: put it back afterwards
    try:
        assert i18n.apply_language("zh_CN") == "zh_CN"
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        i18n.apply_language("en")
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    finally:
        i18n.apply_language("en")
        QLocale.setDefault(default_locale)
