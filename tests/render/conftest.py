"""Shared fixtures for render tests: synthetic timelines and one headless Chromium per session."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # for `synthetic` (importlib import mode)

from render_browser import CHROMIUM, CHROMIUM_ARGS, need_browser  # noqa: E402


@pytest.fixture(scope="session")
def browser():
    need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
