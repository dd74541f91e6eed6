"""The bundled sample articles, installed as the package data `timeline.samples` (see setup.py)."""
