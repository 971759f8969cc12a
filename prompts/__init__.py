"""Prompt templates and the domain vocabulary, shipped as package data."""

from importlib.resources import files
from pathlib import Path


def prompt_path(name: str) -> Path:
    """Path of a file shipped in this package (works for editable and wheel installs)."""
    return Path(str(files(__name__) / name))
