"""Keep the interface translations in step with the sources.

Usage (from anywhere; paths are resolved from this file's location):

    python tools/translations.py update    # pyside6-lupdate: collect the tr() strings of
                                           # curator_console/ui/**/*.py and curator_console/app.py
                                           # into resources/translations/*.ts (no obsolete entries,
                                           # no source locations, so diffs stay quiet)
    python tools/translations.py release   # pyside6-lrelease: compile every .ts into the .qm beside it
    python tools/translations.py check     # exit 1 when a message is untranslated (missing, empty or
                                           # type="unfinished") after merging the current sources into
                                           # a temporary copy of each .ts, or when the committed .qm
                                           # differs from what lrelease builds from that copy

Workflow after changing UI strings: ``update``, translate the new messages (Qt Linguist:
``pyside6-linguist resources/translations/curator_console_zh_CN.ts``, or any editor), ``release``,
``check``; commit the .ts and the .qm together.

pyside6-lupdate / pyside6-lrelease are looked up next to the running Python (the virtual
environment's bin/ or Scripts/ folder), then on PATH, and finally run through the PySide6 package
of the running Python. Standard library only; works with Windows, macOS and Linux paths.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "curator_console"
TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILES = [TRANSLATIONS / "curator_console_zh_CN.ts"]
LUPDATE_OPTIONS = ["-no-obsolete", "-locations", "none", "-silent"]


# --- tools ----------------------------------------------------------------------------------


def tool_command(name: str) -> list[str]:
    """The command that runs ``pyside6-<name>`` (``lupdate`` or ``lrelease``)."""
    script = f"pyside6-{name}"
    found = shutil.which(script, path=str(Path(sys.executable).parent)) or shutil.which(script)
    if found:
        return [found]
    # No console script (e.g. PySide6 installed without them): use the same wrapper it would call.
    code = (
        "import sys; from PySide6.scripts import pyside_tool; "
        f"sys.argv[0] = {script!r}; sys.exit(pyside_tool.{name}())"
    )
    return [sys.executable, "-c", code]


def run_tool(name: str, args: list[str]) -> None:
    cmd = tool_command(name) + args
    try:
        result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
                                errors="replace")
    except OSError as exc:
        raise SystemExit(f"cannot run pyside6-{name}: {exc}") from exc
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        raise SystemExit(f"pyside6-{name} failed (exit {result.returncode}):\n{output}")
    if output:
        print(output)


# --- sources and catalogues -----------------------------------------------------------------


def source_files() -> list[Path]:
    """Every .py file under curator_console/ui plus curator_console/app.py, sorted, relative to ROOT."""
    files = set((PACKAGE / "ui").rglob("*.py"))
    files.add(PACKAGE / "app.py")
    return sorted(path.relative_to(ROOT) for path in files)


def lupdate(ts: Path) -> None:
    run_tool("lupdate", [p.as_posix() for p in source_files()] + LUPDATE_OPTIONS + ["-ts", str(ts)])


def lrelease(ts: Path, qm: Path) -> None:
    run_tool("lrelease", ["-silent", str(ts), "-qm", str(qm)])


@dataclass(frozen=True)
class Problem:
    context: str
    source: str
    reason: str


def untranslated(ts: Path) -> list[Problem]:
    """Messages whose translation is missing, empty or unfinished (obsolete/vanished ones ignored)."""
    problems: list[Problem] = []
    root = ET.parse(ts).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                problems.append(Problem(name, source, "missing"))
                continue
            kind = translation.get("type", "")
            if kind in ("obsolete", "vanished"):
                continue
            if message.get("numerus") == "yes":
                forms = translation.findall("numerusform")
                empty = not forms or any(not (f.text or "").strip() for f in forms)
            else:
                empty = not (translation.text or "").strip()
            if empty:
                problems.append(Problem(name, source, "empty"))
            elif kind == "unfinished":
                problems.append(Problem(name, source, "unfinished"))
    return problems


# --- commands -------------------------------------------------------------------------------


def cmd_update() -> int:
    for ts in TS_FILES:
        lupdate(ts)
        print(f"updated {ts.relative_to(ROOT).as_posix()}")
    return 0


def cmd_release() -> int:
    for ts in TS_FILES:
        if not ts.exists():
            raise SystemExit(f"{ts} does not exist: run tools/translations.py update first")
        qm = ts.with_suffix(".qm")
        lrelease(ts, qm)
        print(f"compiled {qm.relative_to(ROOT).as_posix()}")
    return 0


def cmd_check() -> int:
    failed = False
    with tempfile.TemporaryDirectory(prefix="curator-translations-") as tmp:
        for ts in TS_FILES:
            rel = ts.relative_to(ROOT).as_posix()
            if not ts.exists():
                print(f"{rel}: missing; run tools/translations.py update")
                failed = True
                continue
            work = Path(tmp) / ts.name  # same name: lupdate/lrelease read the language from it
            shutil.copyfile(ts, work)
            lupdate(work)

            problems = untranslated(work)
            if problems:
                failed = True
                print(f"{rel}: {len(problems)} message(s) without a finished translation "
                      "(run tools/translations.py update, translate them, then release):")
                for p in problems:
                    print(f"  [{p.context}] {p.source!r} ({p.reason})")
            if ts.read_bytes() != work.read_bytes():
                print(f"{rel}: not up to date with the sources; run tools/translations.py update")

            qm = ts.with_suffix(".qm")
            qm_rel = qm.relative_to(ROOT).as_posix()
            work_qm = work.with_suffix(".qm")
            lrelease(work, work_qm)
            if not qm.exists():
                failed = True
                print(f"{qm_rel}: missing; run tools/translations.py release")
            elif not filecmp.cmp(qm, work_qm, shallow=False):
                failed = True
                print(f"{qm_rel}: differs from the compiled sources; run tools/translations.py release "
                      "(after update, if the .ts is not up to date)")
            if not problems and qm.exists() and filecmp.cmp(qm, work_qm, shallow=False):
                print(f"{rel}: OK ({count_messages(work)} messages)")
    return 1 if failed else 0


def count_messages(ts: Path) -> int:
    return sum(1 for _ in ET.parse(ts).getroot().iter("message"))


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")  # Chinese text on a non-UTF-8 console
    parser = argparse.ArgumentParser(
        prog="tools/translations.py",
        description="Update, compile and check the Qt translations of Curator Console.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update", help="collect the tr() strings into the .ts files (pyside6-lupdate)")
    sub.add_parser("release", help="compile every .ts into the .qm beside it (pyside6-lrelease)")
    sub.add_parser("check", help="exit 1 on untranslated messages or an out-of-date .qm")
    args = parser.parse_args(argv)
    return {"update": cmd_update, "release": cmd_release, "check": cmd_check}[args.command]()


if __name__ == "__main__":
    sys.exit(main())
