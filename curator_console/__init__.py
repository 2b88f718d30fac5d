"""Curator Console: prepare, run and review curator-led live-stream museum tours."""

__version__ = "0.1.0"
APP_NAME = "Curator Console"
APP_ID = "curator-console"
ORG_NAME = "Curator Console"
