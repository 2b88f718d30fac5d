"""Connections page: platform connections in Settings."""
