"""The page templates, installed as the package data `timeline.templates` (see setup.py)."""
