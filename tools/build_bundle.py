#!/usr/bin/env python3
"""Build the desktop bundle with PyInstaller and prove it runs on its own.

    python tools/build_bundle.py                 # build into a temporary folder, check, delete it
    python tools/build_bundle.py --dist DIR      # build into DIR/dist (DIR/build: work files, log)
                                                 # and keep it there; `make bundle` uses --dist .
    python tools/build_bundle.py --no-build --dist DIR   # check a bundle built before into DIR/dist

Needs the ``build`` extra (``pip install -e .[build]``: PyInstaller) and, on Linux, ``binutils``.
Takes about a minute on two cores; not part of the test suite (``CURATOR_BUILD_BUNDLE=1`` makes
tests/integration/test_bundle_spec.py run it).

Every run of the built program gets an environment with nothing of the build machine's Python in
it: no PYTHONPATH / PYTHONHOME / VIRTUAL_ENV, PATH=/usr/bin:/bin (the virtual environment is not on
it), a new HOME, a working folder of its own, off screen. The checks, in order:

1. ``--smoke`` from the folder PyInstaller wrote (a new, empty user database: Alembic migrations);
2. a copy of the bundle in another temporary folder, from which every further run starts:
   ``--smoke`` (``--runs`` times; the median is reported), ``--demo --smoke`` (the demo museum,
   seeded from resources/demo), ``--lang zh_CN --smoke`` (translations), ``--demo session list
   --json`` and ``--demo tour list --json`` (the CLI prints to stdout), ``--demo export-script
   TOUR --pdf`` (matplotlib, numpy, fonts);
3. on Linux, when ``strace`` is installed, ``--demo db info`` under strace: no file of the build's
   Python (its prefix, the virtual environment, the repository, any site-packages outside the
   bundle) may be opened.

Ends with one summary line (``bundle build_s=… size_mb=… smoke_startup_ms=… files=…``) and exit
code 0, or names the failed check on stderr and exits 1.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build.spec"
STARTUP_LINE = re.compile(r"^startup_ms=(\d+)$", re.MULTILINE)
RUN_TIMEOUT_S = 180  # a hang guard only
BUILD_TIMEOUT_S = 1800

IS_WINDOWS = sys.platform.startswith("win")
IS_MACOS = sys.platform == "darwin"


class CheckFailed(Exception):
    pass


@dataclass
class Result:
    build_s: float | None = None
    size_bytes: int = 0
    files: int = 0
    smoke_ms: list[int] = field(default_factory=list)
    smoke_wall_ms: list[int] = field(default_factory=list)
    demo_smoke_ms: int | None = None
    zh_smoke_ms: int | None = None
    cli_ms: int | None = None
    pdf_ms: int | None = None
    isolation: str = "not checked"


# --- building -----------------------------------------------------------------------------------


def bundle_folder(dist: Path) -> Path:
    """The one-folder bundle inside ``dist`` (see build.spec)."""
    return dist / ("Curator Console" if IS_WINDOWS else "curator-console")


def executable(folder: Path) -> Path:
    """The program the checks run: on Windows the console twin (the windowed .exe has no stdout)."""
    return folder / ("curator-console.exe" if IS_WINDOWS else "curator-console")


def build(dist: Path, work: Path, log: Path) -> float:
    try:
        import PyInstaller  # noqa: F401
    except ImportError as exc:
        raise CheckFailed("PyInstaller is not installed: pip install -e '.[build]'") from exc
    cmd = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--clean",
           "--distpath", str(dist), "--workpath", str(work)]
    print("building:", " ".join(cmd), flush=True)
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, timeout=BUILD_TIMEOUT_S)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        tail = "".join(log.read_text(encoding="utf-8", errors="replace").splitlines(True)[-40:])
        raise CheckFailed(f"pyinstaller exited with {done.returncode}; the end of {log}:\n{tail}")
    print(f"built in {elapsed:.1f} s (log: {log})", flush=True)
    return elapsed


def measure(folder: Path) -> tuple[int, int]:
    """Total size in bytes and number of files of the bundle (symbolic links not followed)."""
    size = files = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            size += path.stat().st_size
            files += 1
    return size, files


# --- running the bundle ---------------------------------------------------------------------


def bare_environment(home: Path) -> dict[str, str]:
    """An environment with nothing of the build's Python in it, and a private, empty home."""
    env = {
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": os.pathsep.join(["/usr/bin", "/bin"]),
    }
    if IS_WINDOWS:  # what Windows programs cannot start without; still no Python on PATH
        system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        env.update(SYSTEMROOT=system_root, WINDIR=system_root, PATH=rf"{system_root}\System32;{system_root}",
                   USERPROFILE=str(home), APPDATA=str(home / "AppData" / "Roaming"),
                   LOCALAPPDATA=str(home / "AppData" / "Local"), TEMP=str(home / "Temp"), TMP=str(home / "Temp"))
        for key in ("APPDATA", "LOCALAPPDATA", "TEMP"):
            Path(env[key]).mkdir(parents=True, exist_ok=True)
    for key in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP", "PYTHONUSERBASE"):
        assert key not in env
    return env


def run(exe: Path, args: list[str], home: Path, cwd: Path, prefix: list[str] | None = None) -> tuple[str, int]:
    """Run the bundle; return (stdout, wall milliseconds); raise CheckFailed unless it exits 0."""
    cmd = [*(prefix or []), str(exe), *args]
    started = time.perf_counter()
    try:
        done = subprocess.run(cmd, cwd=cwd, env=bare_environment(home), capture_output=True, text=True,
                              encoding="utf-8", errors="replace", timeout=RUN_TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        raise CheckFailed(f"{' '.join(args)}: no exit within {RUN_TIMEOUT_S} s") from exc
    wall = int((time.perf_counter() - started) * 1000)
    if done.returncode != 0:
        raise CheckFailed(f"{' '.join(args)}: exit code {done.returncode}\nstdout:\n{done.stdout[-2000:]}"
                          f"\nstderr:\n{done.stderr[-4000:]}")
    return done.stdout, wall


def smoke(exe: Path, args: list[str], home: Path, cwd: Path) -> tuple[int, int]:
    """(the startup_ms the app printed, the whole run's wall milliseconds: process start to exit)."""
    out, wall = run(exe, [*args, "--smoke"], home, cwd)
    match = STARTUP_LINE.search(out)
    if not match:
        raise CheckFailed(f"{' '.join(args)} --smoke printed no startup_ms= line:\n{out[-2000:]}")
    return int(match.group(1)), wall


def forbidden_roots() -> list[str]:
    """Where the build's own Python lives: the bundle must never read from there."""
    roots = {str(ROOT), sys.prefix, sys.base_prefix, sys.exec_prefix}
    return sorted(r for r in roots if r and r not in ("/", "/usr", "/usr/local"))


def opened_outside(strace_log: Path, bundle: Path) -> list[str]:
    """Files and folders that an ``strace -e trace=%file`` log shows opened (open/openat that
    succeeded) and that belong to the build's Python. Failed look-ups and plain stat calls do not
    count: the dynamic loader tries libpython's RUNPATH (a pyenv build records its own lib folder
    there) for the system's libm before finding it in /lib, and reads nothing there."""
    bundle_text = str(bundle)
    bad = set()
    opened = re.compile(r'\bopen(?:at)?\((?:AT_FDCWD, )?"([^"]+)".*\)\s+=\s+(\d+)')
    for line in strace_log.read_text(encoding="utf-8", errors="replace").splitlines():
        match = opened.search(line)
        if not match:
            continue
        path = match.group(1)
        if path.startswith(bundle_text):
            continue
        if any(path == r or path.startswith(r + os.sep) for r in forbidden_roots()) \
                or "site-packages" in path or "dist-packages" in path:
            bad.add(path)
    return sorted(bad)


def check(dist: Path, scratch: Path, runs: int, result: Result) -> None:
    folder = bundle_folder(dist)
    exe = executable(folder)
    if not exe.is_file():
        raise CheckFailed(f"no executable at {exe}")
    if IS_MACOS and not (dist / "Curator Console.app" / "Contents" / "Info.plist").is_file():
        raise CheckFailed("no Curator Console.app with an Info.plist in dist/")
    result.size_bytes, result.files = measure(folder)
    cwd = scratch / "cwd"
    cwd.mkdir()

    # 1. where PyInstaller put it
    first, wall = smoke(exe, [], scratch / "home-original", cwd)
    print(f"--smoke (built folder): startup_ms={first} wall_ms={wall}", flush=True)

    # 2. a copy elsewhere: nothing may point back at the build
    copy = scratch / "elsewhere" / folder.name
    shutil.copytree(folder, copy, symlinks=True)
    exe = executable(copy)
    home = scratch / "home"
    for i in range(runs):
        ms, wall = smoke(exe, [], home, cwd)
        result.smoke_ms.append(ms)
        result.smoke_wall_ms.append(wall)
        print(f"--smoke (copy) run {i + 1}: startup_ms={ms} wall_ms={wall}", flush=True)
    result.demo_smoke_ms, wall = smoke(exe, ["--demo"], home, cwd)
    print(f"--demo --smoke: startup_ms={result.demo_smoke_ms} wall_ms={wall} (seeds the demo museum)", flush=True)
    result.zh_smoke_ms, wall = smoke(exe, ["--demo", "--lang", "zh_CN"], home, cwd)
    print(f"--demo --lang zh_CN --smoke: startup_ms={result.zh_smoke_ms} wall_ms={wall}", flush=True)

    out, result.cli_ms = run(exe, ["--demo", "session", "list", "--json"], home, cwd)
    sessions = json.loads(out)
    if not sessions or not {"id", "tour", "mode", "status"} <= set(sessions[0]):
        raise CheckFailed(f"session list --json gave no sessions:\n{out[:500]}")
    print(f"--demo session list --json: {len(sessions)} sessions in {result.cli_ms} ms", flush=True)

    out, _ = run(exe, ["--demo", "tour", "list", "--json"], home, cwd)
    tours = [t for t in json.loads(out) if not t.get("is_template")]
    if not tours:
        raise CheckFailed("tour list --json gave no tours")
    pdf = scratch / "run-of-show.pdf"
    out, result.pdf_ms = run(exe, ["--demo", "export-script", str(tours[0]["id"]), "--pdf", str(pdf)], home, cwd)
    if not pdf.is_file() or pdf.read_bytes()[:5] != b"%PDF-":
        raise CheckFailed(f"export-script wrote no PDF: {out}")
    print(f"--demo export-script {tours[0]['id']} --pdf: {out.strip()} in {result.pdf_ms} ms", flush=True)

    # 3. nothing read from the build's Python
    strace = shutil.which("strace")
    if sys.platform.startswith("linux") and strace:
        log = scratch / "strace.log"
        run(exe, ["--demo", "db", "info"], home, cwd, prefix=[strace, "-f", "-qq", "-e", "trace=%file", "-o", str(log)])
        bad = opened_outside(log, copy)
        if bad:
            raise CheckFailed("the bundle looked at the build's Python:\n  " + "\n  ".join(bad[:20]))
        result.isolation = "strace"
        print(f"strace: no file under {', '.join(forbidden_roots())} or any site-packages was opened", flush=True)
    else:
        result.isolation = "env"


def summary(result: Result, runs: int) -> str:
    figures = {
        "build_s": f"{result.build_s:.1f}" if result.build_s is not None else "-",
        "size_mb": f"{result.size_bytes / 1e6:.1f}",
        "smoke_startup_ms": int(statistics.median(result.smoke_ms)) if result.smoke_ms else "-",
        "files": result.files,
        "smoke_wall_ms": int(statistics.median(result.smoke_wall_ms)) if result.smoke_wall_ms else "-",
        "demo_smoke_ms": result.demo_smoke_ms,
        "zh_smoke_ms": result.zh_smoke_ms,
        "cli_ms": result.cli_ms,
        "pdf_ms": result.pdf_ms,
        "isolation": result.isolation,
        "runs": runs,
    }
    return "bundle " + " ".join(f"{k}={v}" for k, v in figures.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, help="build into DIR/dist (kept); default: a temporary folder")
    parser.add_argument("--no-build", action="store_true", help="check the bundle already in DIR/dist")
    parser.add_argument("--runs", type=int, default=3, help="--smoke runs from the copy (median reported)")
    args = parser.parse_args(argv)
    if args.no_build and not args.dist:
        parser.error("--no-build needs --dist")

    result = Result()
    with tempfile.TemporaryDirectory(prefix="curator-bundle-") as tmp:
        tmp_path = Path(tmp)
        base = args.dist.resolve() if args.dist else tmp_path / "out"
        dist, work = base / "dist", base / "build"
        scratch = tmp_path / "scratch"
        scratch.mkdir()
        try:
            if not args.no_build:
                work.mkdir(parents=True, exist_ok=True)
                result.build_s = build(dist, work, work / "pyinstaller.log")
            check(dist, scratch, max(1, args.runs), result)
        except CheckFailed as exc:
            print(f"build_bundle: {exc}", file=sys.stderr, flush=True)
            return 1
    print(summary(result, max(1, args.runs)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
