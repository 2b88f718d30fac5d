"""One session per user action: commit on success, roll back on any error (cosmicpython's UoW)."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from curator_console.persistence.repositories import Repositories


class ConcurrentEditError(Exception):
    """Someone else saved this record after it was loaded here; reload and try again."""


class UnitOfWork:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory
        self.session: Session | None = None
        self.repos: Repositories | None = None

    @property
    def session_factory(self) -> sessionmaker[Session]:
        return self._factory

    def fresh(self) -> UnitOfWork:
        """Another unit of work over the same database."""
        return UnitOfWork(self._factory)

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        self.repos = Repositories(self.session)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        assert self.session is not None
        try:
            self.session.rollback()
        finally:
            self.session.close()
            self.session = None
            self.repos = None

    def commit(self) -> None:
        assert self.session is not None
        try:
            self.session.commit()
        except StaleDataError:
            self.session.rollback()
            raise ConcurrentEditError(
                "This record was changed by someone else after you opened it. It has been reloaded; "
                "please make your change again."
            ) from None

    def rollback(self) -> None:
        assert self.session is not None
        self.session.rollback()
