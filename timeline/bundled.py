"""The top-level templates/ and samples/, wherever timeline runs from.

Installed, they are the package data `timeline.templates` and `timeline.samples` (setup.py maps
the folders there). Run from a source checkout whose timeline/ shadows the installed package
(`python -m timeline` in the repository), they are the folders beside timeline/.
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def bundled(name: str) -> Path:
    """The folder `templates` or `samples`."""
    try:
        return Path(str(files(f"timeline.{name}")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / name
