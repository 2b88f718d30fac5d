"""Take screenshots of the main window on the demo museum, for review and for docs/.

    python tools/screenshots.py OUTDIR [--lang en|zh_CN] [--size 1360x860] [--appearance light|dark] [--font-scale 100]

Writes one PNG per workspace (offscreen rendering, no display needed).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("outdir")
    p.add_argument("--lang", default="en", choices=["en", "zh_CN"])
    p.add_argument("--size", default="1360x860")
    p.add_argument("--appearance", default="light", choices=["light", "dark"])
    p.add_argument("--font-scale", type=int, default=100, help="text size in percent (80-160)")
    args = p.parse_args()
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from curator_console.services import demo
    from curator_console.ui import i18n
    from curator_console.ui import settings as keys
    from curator_console.ui.context import AppContext
    from curator_console.ui.main_window import MainWindow
    from curator_console.ui.settings import Settings

    app = QApplication(sys.argv[:1])
    i18n.apply_language(args.lang)
    database = demo.open_demo_database()
    settings = Settings(out / "screenshot-settings.ini")
    settings.set(keys.APPEARANCE, args.appearance)  # the main window applies both when it opens
    settings.set(keys.FONT_SCALE, args.font_scale)
    window = MainWindow(AppContext(database, settings), demo=True)
    w, h = (int(x) for x in args.size.split("x"))
    window.resize(w, h)
    window.show()
    for i, page in enumerate(window.pages):
        window.nav.setCurrentRow(i)
        while page.is_loading or not page.has_loaded:
            app.processEvents()
        for _ in range(20):
            app.processEvents()
        suffix = "" if args.appearance == "light" else f"-{args.appearance}"
        name = out / f"{i + 1}-{page.objectName()}-{args.lang}{suffix}.png"
        window.grab().save(str(name))
        print(name)
    window.close()
    (out / "screenshot-settings.ini").unlink(missing_ok=True)
    database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
