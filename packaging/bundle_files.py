"""What goes into the desktop bundle: ``build.spec`` (PyInstaller) takes every list from here.

Kept apart from the spec, and free of PyInstaller and of the app's own imports, so that a plain
test (``tests/integration/test_bundle_spec.py``) can check what a bundle will hold without building
one. Every path is relative to the repository root handed in (``ROOT`` by default); data files are
listed one by one as ``(source file, folder inside the bundle)`` pairs, which is the form
PyInstaller's ``Analysis(datas=…)`` takes.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "curator_console"

APP_NAME = "Curator Console"        # the window title, the macOS .app and the Windows .exe
EXE_NAME = "curator-console"        # the Linux / macOS executable and the one-folder directory
BUNDLE_IDENTIFIER = "org.curatorconsole.app"
COPYRIGHT = "© Curator Console contributors"

# Folders of resources/ that travel in the bundle, and what never does (sources of compiled files).
RESOURCE_FOLDERS = ("demo", "translations", "icons")
SKIP_SUFFIXES = {".ts", ".pyc", ".pyo"}
SKIP_NAMES = {"__pycache__", ".DS_Store", "Thumbs.db"}

# Alembic reads env.py, script.py.mako and versions/*.py from a folder at run time (it imports them
# by file path), so they ship as files; persistence/migrate.py finds them beside itself.
MIGRATIONS = Path(PACKAGE) / "persistence" / "migrations"
MIGRATION_SUFFIXES = {".py", ".mako"}

# Imported by name at run time (importlib, entry points, SQLAlchemy's dialect registry), so
# PyInstaller's import scan cannot see them. The app's own modules are all added as well
# (``app_modules``): connectors are loaded by name from connectors/registry.py.
HIDDEN_IMPORTS = [
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql",
    "sqlalchemy.dialects.postgresql.psycopg",
    "sqlalchemy.sql.default_comparator",
    "alembic",
    "alembic.context",
    "alembic.op",
    "alembic.runtime.migration",
    "alembic.ddl.sqlite",
    "alembic.ddl.postgresql",
    "logging.config",
    "keyring.backends",
    "keyring.backends.fail",
    "keyring.backends.null",
    "keyring.backends.chainer",
    "matplotlib.backends.backend_agg",
    "matplotlib.backends.backend_qtagg",
    "matplotlib.backends.backend_pdf",
    "platformdirs",
    "websocket",
]
# Present only where the build environment has them (``pip install -e .[build]`` brings psycopg;
# tzdata is a dependency on Windows, where zoneinfo has no system database to read).
OPTIONAL_HIDDEN_IMPORTS = ["psycopg", "psycopg_binary", "tzdata"]

# matplotlib backends the app uses: Agg (PNG), QtAgg (charts in the window), PDF (documents).
MATPLOTLIB_BACKENDS = ["Agg", "QtAgg", "PDF"]

EXCLUDES = [
    # Tk and the matplotlib backends for other toolkits
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib",
    "matplotlib.backends.backend_tkagg", "matplotlib.backends.backend_tkcairo",
    "matplotlib.backends._backend_tk", "matplotlib.backends.backend_gtk3agg",
    "matplotlib.backends.backend_gtk4agg", "matplotlib.backends.backend_wxagg",
    "matplotlib.backends.backend_webagg", "matplotlib.backends.backend_nbagg",
    # other Qt bindings that matplotlib's qt_compat would otherwise pull in
    "PyQt5", "PyQt6", "PySide2",
    # Qt modules the app does not use (it needs QtCore, QtGui and QtWidgets only)
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel", "PySide6.QtWebSockets", "PySide6.QtQuick", "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2", "PySide6.QtQml", "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets",
    "PySide6.QtSpatialAudio", "PySide6.Qt3DCore", "PySide6.Qt3DRender", "PySide6.QtCharts",
    "PySide6.QtDataVisualization", "PySide6.QtGraphs", "PySide6.QtPdf", "PySide6.QtPdfWidgets",
    "PySide6.QtBluetooth", "PySide6.QtNfc", "PySide6.QtPositioning", "PySide6.QtLocation",
    "PySide6.QtSensors", "PySide6.QtSerialPort", "PySide6.QtSql", "PySide6.QtTest",
    "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtUiTools", "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets", "PySide6.QtRemoteObjects", "PySide6.QtScxml", "PySide6.QtStateMachine",
    "PySide6.QtTextToSpeech", "PySide6.QtHttpServer", "PySide6.QtConcurrent", "PySide6.QtXml",
    "PySide6.QtSvgWidgets", "PySide6.QtNetworkAuth", "PySide6.QtAxContainer",
    # development and test tooling that some packages import only optionally
    "pytest", "_pytest", "hypothesis", "IPython", "jedi", "numpy.tests", "numpy.f2py", "pydoc_data",
    "sqlalchemy.testing", "setuptools", "pkg_resources", "distutils", "lib2to3",
    # SQLAlchemy's asyncio support (the app is synchronous) and Qt's network module (HTTP goes
    # through requests; the Qt modules in use are QtCore, QtGui, QtWidgets, and QtSvg for icons)
    "greenlet", "PySide6.QtNetwork",
]


def _skipped(path: Path) -> bool:
    return path.suffix in SKIP_SUFFIXES or any(part in SKIP_NAMES for part in path.parts)


def resource_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """resources/demo, resources/translations (compiled .qm only) and resources/icons, file by file."""
    pairs = []
    for folder in RESOURCE_FOLDERS:
        base = root / "resources" / folder
        for path in sorted(base.rglob("*")):
            if path.is_file() and not _skipped(path.relative_to(root)):
                pairs.append((str(path), path.parent.relative_to(root).as_posix()))
    return pairs


def migration_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """The Alembic script folder (env.py, script.py.mako, versions/*.py), file by file."""
    pairs = []
    for path in sorted((root / MIGRATIONS).rglob("*")):
        rel = path.relative_to(root)
        if path.is_file() and path.suffix in MIGRATION_SUFFIXES and not _skipped(rel):
            pairs.append((str(path), rel.parent.as_posix()))
    return pairs


def guide_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """The user guides (Help → User guide: ``docs/user-guide*.md``) and their screenshots
    (``docs/images/*.png``), where ``paths.user_guide_path`` looks for them in the bundle."""
    docs = root / "docs"
    files = sorted(docs.glob("user-guide*.md")) + sorted((docs / "images").glob("*.png"))
    return [(str(path), path.parent.relative_to(root).as_posix()) for path in files]


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    return resource_files(root) + migration_files(root) + guide_files(root)


def app_modules(root: Path = ROOT) -> list[str]:
    """Every module of the app's package, by name (read from the files; nothing is imported)."""
    names = []
    for path in sorted((root / PACKAGE).rglob("*.py")):
        rel = path.relative_to(root).with_suffix("")
        if _skipped(rel) or rel.name == "__main__":
            continue
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        names.append(".".join(parts))
    return names


def hidden_imports(root: Path = ROOT, available=None) -> list[str]:
    """The app's own modules, ``HIDDEN_IMPORTS``, and those of ``OPTIONAL_HIDDEN_IMPORTS`` that
    ``available(name)`` says are installed (default: importlib's find_spec)."""
    if available is None:
        import importlib.util

        def available(name: str) -> bool:
            return importlib.util.find_spec(name) is not None
    optional = [name for name in OPTIONAL_HIDDEN_IMPORTS if available(name)]
    return app_modules(root) + HIDDEN_IMPORTS + optional


def version(root: Path = ROOT) -> str:
    """``__version__`` of the package, read from its ``__init__.py`` without importing it."""
    tree = ast.parse((root / PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__version__" for t in node.targets):
            return str(ast.literal_eval(node.value))
    raise LookupError("no __version__ in curator_console/__init__.py")


def version_tuple(text: str) -> tuple[int, int, int, int]:
    """``"1.2.3"`` -> ``(1, 2, 3, 0)``; anything after the numbers (``rc1``, ``.dev0``) is dropped."""
    numbers = []
    for part in text.split(".")[:4]:
        digits = ""
        for ch in part:
            if not ch.isdigit():
                break
            digits += ch
        numbers.append(int(digits or 0))
        if digits != part:
            break
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def icon_file(platform: str = sys.platform, root: Path = ROOT) -> Path:
    """The icon a platform's bundle takes: .ico on Windows, .icns on macOS, the PNG elsewhere."""
    icons = root / "resources" / "icons"
    if platform.startswith("win"):
        return icons / "app.ico"
    if platform == "darwin":
        return icons / "app.icns"
    return icons / "app.png"


def info_plist(app_version: str) -> dict:
    """Info.plist entries of the macOS ``Curator Console.app``."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": BUNDLE_IDENTIFIER,
        "CFBundleShortVersionString": app_version,
        "CFBundleVersion": app_version,
        "CFBundleExecutable": EXE_NAME,
        "CFBundlePackageType": "APPL",
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow the system's dark mode
        "LSMinimumSystemVersion": "11.0",
        "NSHumanReadableCopyright": COPYRIGHT,
    }


def windows_version_info(app_version: str) -> str:
    """The text of a PyInstaller version file (``EXE(version=…)``): the Details tab of the .exe."""
    nums = version_tuple(app_version)
    fields = {
        "CompanyName": "Curator Console",
        "FileDescription": APP_NAME,
        "FileVersion": app_version,
        "InternalName": EXE_NAME,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{APP_NAME}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": app_version,
    }
    strings = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in fields.items())
    return f"""# UTF-8
# Written by packaging/bundle_files.py from curator_console.__version__; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={nums},
    prodvers={nums},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [
{strings}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_windows_version_file(path: Path, app_version: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(windows_version_info(app_version), encoding="utf-8")
    return path


# --- trimming the collected files -------------------------------------------------------------

# Qt's own translations (6.5 MB, 96 files) are collected whole by PySide6's hook; the bundle keeps
# those of the app's languages (``app_languages``) only: i18n.py loads qtbase_<language>.qm.
QT_TRANSLATION_FOLDERS = ("PySide6/Qt/translations/", "PySide6/translations/")  # Linux+macOS, Windows


def app_languages(root: Path = ROOT) -> list[str]:
    """The languages the app is translated into: ``curator_console_<lang>.qm`` in resources."""
    prefix = "curator_console_"
    return sorted(p.stem[len(prefix):] for p in (root / "resources" / "translations").glob(f"{prefix}*.qm"))


def dropped(dest: str, languages: list[str] | None = None) -> bool:
    """Whether a collected file (its path inside the bundle) is left out: Qt translations of
    languages the app does not have."""
    dest = dest.replace("\\", "/")
    for folder in QT_TRANSLATION_FOLDERS:
        if dest.startswith(folder):
            keep = {f"qtbase_{lang}.qm" for lang in (app_languages() if languages is None else languages)}
            return dest[len(folder):] not in keep
    return False


# Python's own shared library and extension modules, on Linux, where a Python built from source
# (pyenv) leaves debug symbols in them (libpython: 23 MB -> 6 MB). Only these: PyInstaller's
# strip=True strips every library, and libraries that wheels ship patched by auditwheel
# (numpy.libs/…, pillow.libs/…) no longer load once stripped ("ELF load command address/offset
# not page-aligned").
STRIP_ON_LINUX = ["libpython3*.so*", "python3*/lib-dynload/*.so"]


def strip_debug_symbols(dest: str) -> bool:
    from fnmatch import fnmatch

    dest = dest.replace("\\", "/")
    return any(fnmatch(dest, pattern) for pattern in STRIP_ON_LINUX)


def stripped_copies(binaries: list, work_dir: Path, strip_command: str = "strip") -> list:
    """``binaries`` (a PyInstaller TOC: (dest, source, typecode) triples) with the files that
    ``strip_debug_symbols`` names replaced by copies under ``work_dir`` stripped of their debug
    symbols (``strip --strip-debug``). Left as they are when the strip command fails or is absent."""
    import shutil
    import subprocess

    if shutil.which(strip_command) is None:
        return binaries
    result = []
    for dest, source, typecode in binaries:
        if strip_debug_symbols(dest):
            copy = work_dir / "stripped" / dest
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)
            done = subprocess.run([strip_command, "--strip-debug", str(copy)], capture_output=True)
            if done.returncode == 0:
                source = str(copy)
        result.append((dest, source, typecode))
    return result
