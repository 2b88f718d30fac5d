"""Shared test set-up: Qt off screen, a private app home per test, and database URLs.

Database fixtures
-----------------
``sqlite_url``   a URL to a fresh (not yet existing) SQLite file in the test's temporary folder.
``pg_url``       a URL to a fresh, empty PostgreSQL database created for this test on the server
                 named by ``CURATOR_TEST_PG_URL`` and dropped afterwards. Without that variable
                 the test FAILS when ``CI`` is set (``bash .ci/run`` starts a server) and is
                 skipped otherwise.
``any_db_url``   parametrized over ``sqlite`` and ``postgresql``: one of the two above.

All three are plain strings (``sqlalchemy.make_url`` them where a URL object is needed).
"""

from __future__ import annotations

import os

# Before anything can load Qt: no display needed, and a UTF-8 locale for CJK text.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

import uuid  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

PG_URL_ENV = "CURATOR_TEST_PG_URL"
HOME_ENV = "CURATOR_CONSOLE_HOME"  # same name as curator_console.paths.HOME_ENV


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


# Hypothesis: no deadlines (tests never assert wall-clock times); reproducible examples in CI.
settings.register_profile("dev", deadline=None)
settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if in_ci() else "dev"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that use ``pg_url`` directly carry the ``postgres`` marker (``-m 'not postgres'``)."""
    for item in items:
        if "pg_url" in getattr(item, "fixturenames", ()) and item.get_closest_marker("postgres") is None:
            item.add_marker(pytest.mark.postgres)


# --- Private home ----------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def curator_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own ``CURATOR_CONSOLE_HOME``: nothing touches the user's real data."""
    home = tmp_path / "curator-home"
    home.mkdir()
    monkeypatch.setenv(HOME_ENV, str(home))
    return home


# --- Databases -------------------------------------------------------------------------------


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    folder = tmp_path / "sqlite-db"
    folder.mkdir()
    return f"sqlite:///{folder / 'curator.sqlite3'}"


def pg_server_url():
    """The server URL from the environment, or fail (CI) / skip (elsewhere)."""
    from sqlalchemy.engine import make_url

    value = os.environ.get(PG_URL_ENV, "").strip()
    if not value:
        message = (
            f"{PG_URL_ENV} is not set: this test needs a PostgreSQL server "
            "(`bash .ci/run` starts a throwaway one and sets it)"
        )
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return make_url(value)


def pg_admin_connect(server_url):
    """An autocommit psycopg connection to the database named in the server URL."""
    import psycopg

    params: dict[str, object] = {
        "host": server_url.host,
        "port": server_url.port,
        "user": server_url.username,
        "password": server_url.password,
        "dbname": server_url.database or "postgres",
        "connect_timeout": 10,
    }
    for key, value in server_url.query.items():  # e.g. ?host=/path/to/socket
        params[key] = value if isinstance(value, str) else value[-1]
    return psycopg.connect(autocommit=True, **{k: v for k, v in params.items() if v is not None})


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty database on the test server, dropped (even if still in use) afterwards."""
    from psycopg import sql

    server = pg_server_url()
    name = f"ct_{uuid.uuid4().hex[:20]}"
    with pg_admin_connect(server) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with pg_admin_connect(server) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def pg_admin():
    """``pg_admin()`` opens an autocommit psycopg connection to the test server's own database
    (for looking at the server from outside the code under test)."""
    server = pg_server_url()
    return lambda: pg_admin_connect(server)


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def any_db_url(request: pytest.FixtureRequest) -> str:
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")
