"""Errors the use cases raise for people to read (kept import-light: the command line loads this
module on every start)."""

from __future__ import annotations


class ConnectionError_(ValueError):
    """A connection cannot be saved or used as asked; the message says why in plain words."""
