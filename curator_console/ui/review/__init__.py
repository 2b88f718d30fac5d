"""Workspace package."""
