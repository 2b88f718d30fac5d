"""The desktop bundle's contents, checked without building it (a build takes a minute and more).

``build.spec`` takes every list from ``packaging/bundle_files.py``; these tests check those lists
against the repository (resources, compiled translations, Alembic scripts, icons, hidden imports,
excludes), run the migrations from a copy laid out as in the bundle, and execute the spec itself
with stand-ins for PyInstaller's classes on Linux, Windows and macOS.

The real build and its smoke runs: ``python tools/build_bundle.py``, or this file with
``CURATOR_BUILD_BUNDLE=1`` (``test_real_bundle_builds_and_runs_alone``).
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_bundle_files():
    # By path, as build.spec does: the folder "packaging" must not shadow the `packaging` library.
    spec = importlib.util.spec_from_file_location("curator_bundle_files_under_test",
                                                  ROOT / "packaging" / "bundle_files.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle = load_bundle_files()


def bundle_paths(pairs) -> set[str]:
    """``(source, folder)`` pairs -> the files' paths inside the bundle."""
    return {f"{folder}/{Path(source).name}" for source, folder in pairs}


def lay_out(pairs, target: Path) -> Path:
    """Copy the data files where PyInstaller puts them (``sys._MEIPASS``)."""
    for source, folder in pairs:
        dest = target / folder / Path(source).name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, dest)
    return target


# --- data files --------------------------------------------------------------------------------


def test_every_resource_travels_but_translation_sources():
    inside = bundle_paths(bundle.resource_files())
    for path in (ROOT / "resources").rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(ROOT).as_posix()
        if path.suffix == ".ts":
            assert rel not in inside
        else:
            assert rel in inside, rel
    assert "resources/translations/curator_console_zh_CN.qm" in inside
    assert {"resources/demo/museum.json", "resources/demo/objects.json", "resources/demo/products.json",
            "resources/demo/tours.json", "resources/demo/sessions.json"} <= inside
    assert not any(p.endswith((".ts", ".pyc")) or "__pycache__" in p for p in inside)


def test_every_compiled_translation_has_a_language_and_travels():
    languages = bundle.app_languages()
    assert "zh_CN" in languages
    inside = bundle_paths(bundle.data_files())
    for lang in languages:
        assert f"resources/translations/curator_console_{lang}.qm" in inside


def test_the_alembic_scripts_travel_where_migrate_looks_for_them():
    from curator_console.persistence import migrate

    pairs = bundle.migration_files()
    inside = bundle_paths(pairs)
    # In the bundle, migrate.py's __file__ is <_MEIPASS>/curator_console/persistence/migrate.pyc.
    folder = "/".join(migrate.__name__.split(".")[:-1]) + "/" + migrate.MIGRATIONS_DIR.name
    assert f"{folder}/env.py" in inside
    assert f"{folder}/script.py.mako" in inside
    versions = sorted(p.name for p in migrate.MIGRATIONS_DIR.joinpath("versions").glob("*.py")
                      if p.name != "__init__.py")
    assert versions, "no migration scripts found"
    for name in versions:
        assert f"{folder}/versions/{name}" in inside
    assert not any("__pycache__" in p or p.endswith(".pyc") for p in inside)


def test_a_database_is_built_to_head_from_the_scripts_as_laid_out_in_the_bundle(tmp_path, monkeypatch, open_db):
    from curator_console.persistence import migrate
    from curator_console.persistence.schema_version import HEAD_REVISION

    meipass = lay_out(bundle.migration_files(), tmp_path / "bundle")
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", meipass / "curator_console" / "persistence" / "migrations")
    assert migrate.script_head() == HEAD_REVISION
    assert open_db(f"sqlite:///{tmp_path / 'fresh.sqlite3'}").revision == HEAD_REVISION


def test_resources_are_found_inside_a_frozen_bundle(tmp_path, monkeypatch):
    from curator_console import paths

    meipass = lay_out(bundle.resource_files(), tmp_path / "bundle")
    monkeypatch.setattr(sys, "_MEIPASS", str(meipass), raising=False)
    resources = paths.resources_dir()
    assert resources == meipass / "resources"
    assert (resources / "translations" / "curator_console_zh_CN.qm").is_file()
    assert (resources / "demo" / "products.json").is_file()
    assert (resources / "icons" / "app.png").is_file()


def test_the_user_guides_and_their_images_travel_where_help_looks_for_them(tmp_path, monkeypatch):
    from curator_console import paths

    meipass = lay_out(bundle.guide_files(), tmp_path / "bundle")
    monkeypatch.setattr(sys, "_MEIPASS", str(meipass), raising=False)
    for language in ("en", "zh_CN"):
        guide = paths.user_guide_path(language)
        assert guide.is_file() and guide.parent == meipass / "docs"
        text = guide.read_text(encoding="utf-8")
        for image in re.findall(r"\]\((images/[^)\s]+\.png)\)", text):
            assert (guide.parent / image).is_file(), image
    assert paths.user_guide_path("zh_CN").name == "user-guide.zh_CN.md"


# --- icons -----------------------------------------------------------------------------------


def test_the_icon_exists_in_every_platform_format():
    from PIL import Image

    icons = ROOT / "resources" / "icons"
    assert (icons / "app.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    with Image.open(icons / "app.png") as png:
        assert png.size == (256, 256)
    with Image.open(icons / "app@2x.png") as png:
        assert png.size == (512, 512)
    with Image.open(icons / "app.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(icons / "app.icns") as icns:
        assert icns.format == "ICNS"
    for platform, name in (("win32", "app.ico"), ("darwin", "app.icns"), ("linux", "app.png")):
        assert bundle.icon_file(platform) == icons / name
        assert bundle.icon_file(platform).is_file()


# --- imports -------------------------------------------------------------------------------------


def test_hidden_imports_hold_every_app_module_and_the_ones_loaded_by_name():
    from curator_console.connectors import registry

    names = bundle.hidden_imports(available=lambda name: False)
    for module in registry._MODULES.values():  # imported by name on first use
        assert module in names
    assert "curator_console.persistence.migrations.env" in names
    for needed in ("sqlalchemy.dialects.sqlite", "sqlalchemy.dialects.postgresql.psycopg", "alembic",
                   "keyring.backends", "matplotlib.backends.backend_agg", "matplotlib.backends.backend_qtagg",
                   "matplotlib.backends.backend_pdf", "platformdirs"):
        assert needed in names
    assert "curator_console.__main__" not in names
    with_optional = bundle.hidden_imports(available=lambda name: True)
    assert set(bundle.OPTIONAL_HIDDEN_IMPORTS) <= set(with_optional)


def test_every_fixed_hidden_import_exists():
    missing = [name for name in bundle.HIDDEN_IMPORTS if importlib.util.find_spec(name) is None]
    assert missing == []


def test_nothing_the_app_imports_is_excluded():
    imported = set()
    for path in (ROOT / "curator_console").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module)
    names = imported | set(bundle.hidden_imports(available=lambda name: True))
    clashes = sorted(n for n in names for ex in bundle.EXCLUDES if n == ex or n.startswith(ex + "."))
    assert clashes == []
    qt_in_use = {n for n in imported if n.startswith("PySide6.Qt")}
    assert {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"} <= qt_in_use


def test_qt_translations_are_dropped_but_for_the_apps_languages():
    assert not bundle.dropped("PySide6/Qt/translations/qtbase_zh_CN.qm", ["zh_CN"])
    assert bundle.dropped("PySide6/Qt/translations/qtbase_de.qm", ["zh_CN"])
    assert bundle.dropped("PySide6/Qt/translations/qt_help_zh_CN.qm", ["zh_CN"])
    assert not bundle.dropped("PySide6\\translations\\qtbase_zh_CN.qm", ["zh_CN"])  # Windows layout
    assert bundle.dropped("PySide6\\translations\\qtbase_fr.qm", ["zh_CN"])
    assert not bundle.dropped("resources/translations/curator_console_zh_CN.qm", ["zh_CN"])
    assert not bundle.dropped("PySide6/Qt/lib/libQt6Core.so.6", ["zh_CN"])


def test_only_pythons_own_libraries_are_stripped():
    assert bundle.strip_debug_symbols("libpython3.11.so.1.0")
    assert bundle.strip_debug_symbols("python3.11/lib-dynload/_decimal.cpython-311-x86_64-linux-gnu.so")
    assert not bundle.strip_debug_symbols("numpy.libs/libscipy_openblas64_-32a4b2a6.so")
    assert not bundle.strip_debug_symbols("PySide6/Qt/lib/libQt6Core.so.6")


# --- version, Info.plist, Windows version file -------------------------------------------------


def test_version_comes_from_the_package():
    import curator_console

    assert bundle.version() == curator_console.__version__
    assert bundle.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert bundle.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert bundle.version_tuple("2.0.dev4") == (2, 0, 0, 0)
    assert bundle.version_tuple("10") == (10, 0, 0, 0)


def test_info_plist_names_the_app_and_its_version():
    plist = bundle.info_plist("1.4.2")
    assert plist["CFBundleIdentifier"] == "org.curatorconsole.app"
    assert plist["CFBundleShortVersionString"] == "1.4.2"
    assert plist["CFBundleName"] == "Curator Console"
    assert plist["NSHighResolutionCapable"] is True
    assert plist["NSHumanReadableCopyright"]


def test_windows_version_file_is_what_pyinstaller_reads(tmp_path):
    path = bundle.write_windows_version_file(tmp_path / "version_info.txt", "1.4.2")

    def record(name):
        return lambda *args, **kwargs: (name, args, kwargs)

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")
    info = eval(path.read_text(encoding="utf-8"), {n: record(n) for n in names})  # PyInstaller evals it too
    fixed = info[2]["ffi"][2]
    assert fixed["filevers"] == (1, 4, 2, 0) and fixed["prodvers"] == (1, 4, 2, 0)
    text = path.read_text(encoding="utf-8")
    assert "'ProductVersion', '1.4.2'" in text and "'OriginalFilename', 'Curator Console.exe'" in text


# --- the spec itself, run with stand-ins for PyInstaller ------------------------------------------


class Recorder:
    calls: list

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        type(self).calls.append(self)


def run_spec(platform: str, work: Path, monkeypatch) -> dict:
    class Analysis(Recorder):
        calls = []

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.scripts, self.pure = ["scripts"], ["pure"]
            self.binaries = [("libpython3.11.so.1.0", "/nonexistent/libpython3.11.so.1.0", "BINARY")]
            self.datas = [("PySide6/Qt/translations/qtbase_zh_CN.qm", "/x/qtbase_zh_CN.qm", "DATA"),
                          ("PySide6/Qt/translations/qtbase_de.qm", "/x/qtbase_de.qm", "DATA"),
                          *((f"{folder}/{Path(src).name}", src, "DATA") for src, folder in kwargs["datas"])]

    stubs = {name: type(name, (Recorder,), {"calls": []}) for name in ("PYZ", "EXE", "COLLECT", "BUNDLE")}
    monkeypatch.setattr(sys, "platform", platform)
    namespace = {"SPECPATH": str(ROOT), "workpath": str(work), "Analysis": Analysis, **stubs,
                 "__file__": str(ROOT / "build.spec")}
    # The stand-in library paths do not exist: stripping them would fail; it is tested above.
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None if name == "strip" else "/usr/bin/" + name)
    exec(compile((ROOT / "build.spec").read_text(encoding="utf-8"), "build.spec", "exec"), namespace)
    return {"Analysis": Analysis.calls, **{k: v.calls for k, v in stubs.items()}, "ns": namespace}


def test_the_spec_on_linux_builds_one_folder_named_curator_console(tmp_path, monkeypatch):
    built = run_spec("linux", tmp_path, monkeypatch)
    (analysis,) = built["Analysis"]
    assert analysis.args[0] == [str(ROOT / "packaging" / "launcher.py")]
    assert analysis.kwargs["datas"] == bundle.data_files(ROOT)
    assert set(bundle.hidden_imports(ROOT, available=lambda n: False)) <= set(analysis.kwargs["hiddenimports"])
    assert analysis.kwargs["excludes"] == bundle.EXCLUDES
    assert analysis.kwargs["hooksconfig"]["matplotlib"]["backends"] == ["Agg", "QtAgg", "PDF"]
    kept = {dest for dest, _, _ in built["ns"]["a"].datas}
    assert "PySide6/Qt/translations/qtbase_zh_CN.qm" in kept
    assert "PySide6/Qt/translations/qtbase_de.qm" not in kept
    (exe,) = built["EXE"]
    assert exe.kwargs["name"] == "curator-console"
    assert exe.kwargs["console"] is False
    assert exe.kwargs["exclude_binaries"] is True
    (collect,) = built["COLLECT"]
    assert collect.kwargs["name"] == "curator-console"
    assert built["BUNDLE"] == []


def test_the_spec_on_windows_makes_a_windowed_exe_with_icon_and_version_and_a_console_twin(tmp_path, monkeypatch):
    built = run_spec("win32", tmp_path, monkeypatch)
    gui, cli = built["EXE"]
    assert gui.kwargs["name"] == "Curator Console" and gui.kwargs["console"] is False
    assert cli.kwargs["name"] == "curator-console" and cli.kwargs["console"] is True
    for exe in (gui, cli):
        assert exe.kwargs["icon"] == str(ROOT / "resources" / "icons" / "app.ico")
        assert Path(exe.kwargs["version"]).read_text(encoding="utf-8").count("VSVersionInfo") == 1
    (collect,) = built["COLLECT"]
    assert collect.kwargs["name"] == "Curator Console"
    assert collect.args[:2] == (gui, cli)


def test_the_spec_on_macos_wraps_the_folder_in_an_app_with_info_plist(tmp_path, monkeypatch):
    built = run_spec("darwin", tmp_path, monkeypatch)
    (exe,) = built["EXE"]
    assert exe.kwargs["console"] is False
    (app,) = built["BUNDLE"]
    assert app.kwargs["name"] == "Curator Console.app"
    assert app.kwargs["icon"] == str(ROOT / "resources" / "icons" / "app.icns")
    assert app.kwargs["bundle_identifier"] == "org.curatorconsole.app"
    assert app.kwargs["info_plist"]["CFBundleShortVersionString"] == bundle.version()


# --- the frozen-app set-up ---------------------------------------------------------------------------


def test_frozen_app_keeps_matplotlibs_font_cache_between_runs(tmp_path, monkeypatch):
    from curator_console import paths

    environ = {"MPLCONFIGDIR": str(tmp_path / "pyinstaller-temp")}
    paths.prepare_frozen_environment(environ)
    assert environ["MPLCONFIGDIR"] == str(tmp_path / "pyinstaller-temp")  # not frozen: untouched

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    paths.prepare_frozen_environment(environ)
    assert environ["MPLCONFIGDIR"] == str(paths.cache_dir() / "matplotlib")
    assert Path(environ["MPLCONFIGDIR"]).is_dir()
    assert Path(os.environ[paths.HOME_ENV]) in Path(environ["MPLCONFIGDIR"]).parents  # the private test home


# --- the real thing (about a minute and a half on two cores; never in CI's default run) --------------


@pytest.mark.skipif(os.environ.get("CURATOR_BUILD_BUNDLE") != "1", reason="set CURATOR_BUILD_BUNDLE=1 to build")
def test_real_bundle_builds_and_runs_alone():
    pytest.importorskip("PyInstaller")
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "build_bundle.py"), "--runs", "1"],
                          capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert re.search(r"^bundle build_s=\S+ size_mb=\S+ smoke_startup_ms=\d+ files=\d+", done.stdout, re.MULTILINE)
