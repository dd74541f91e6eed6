"""The package installs without the source tree: `pip install .` from a copy, and a wheel built
with `python -m build`, each into a fresh venv, then `timeline build` run elsewhere renders a page.

Offline by design: the fresh venv sees this environment's site-packages through plain path lines
in a .pth file (so the dependencies need no download, and the editable install's import hook,
which would point back at the source tree, is not run), and pip runs with --no-index.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COPY_IGNORE = shutil.ignore_patterns(".git", "output", "build", "dist", "*.egg-info", "__pycache__",
                                     ".pytest_cache", ".hypothesis", ".venv", "results")
# what a page cannot be rendered without, as the wheel must hold it
SHIPPED = ["timeline/templates/page.html", "timeline/templates/base.html",
           "timeline/templates/partials/page.css", "timeline/templates/partials/table.js",
           "timeline/render/style.toml", "timeline/events/taxonomy.toml",
           "timeline/samples/iraq-militia-2021-08-02.txt"]


def _run(cmd: list, cwd: Path, timeout: int = 600) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, f"{cmd} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def _fresh_venv(where: Path) -> Path:
    """A venv without pip or the package, which imports this environment's installed packages."""
    venv.create(where, with_pip=False)
    python = where / "bin" / "python"
    site = _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], where).strip()
    ours = [p for p in sys.path if p.endswith(("site-packages", "dist-packages")) and Path(p).is_dir()]
    Path(site, "_test_environment.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    return python


def _pip_install(python: Path, target: Path, cwd: Path) -> None:
    # --ignore-installed: never touch this environment's own (editable) install of timeline
    _run([python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--no-build-isolation",
          "--ignore-installed", "--disable-pip-version-check", target], cwd)


def _builds_a_page(python: Path, tmp: Path) -> None:
    """`timeline build` (the bundled samples) from outside the source tree, with the installed code."""
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir()
    where = _run([python, "-c", "import timeline, timeline.templates, timeline.samples; "
                  "print(timeline.__file__); print(timeline.templates.__file__)"], elsewhere)
    for path in where.split():
        assert Path(path).is_relative_to(python.parent.parent), f"imported from {path}, not the install"
    _run([python.parent / "timeline", "build", "-q", "--jobs", "1", "--json", "t.json"], elsewhere)
    page = (elsewhere / "output" / "timeline.html").read_text(encoding="utf-8")
    events = json.loads((elsewhere / "t.json").read_text(encoding="utf-8"))["events"]
    assert events, "the bundled samples gave no event"
    assert '<div id="timeline-chart"' in page and "Plotly.newPlot" in page
    assert len(re.findall(r"<tr[ >]", page)) == len(events) + 1  # one row per event, and the header
    assert str(ROOT) not in page


@pytest.fixture
def source_copy(tmp_path) -> Path:
    copy = tmp_path / "src"
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORE)
    return copy


def test_pip_install_from_a_copy_builds_a_page(tmp_path, source_copy):
    python = _fresh_venv(tmp_path / "venv")
    _pip_install(python, source_copy, tmp_path)
    _builds_a_page(python, tmp_path)
    # in the checkout, its timeline/ shadows the installed one: the folders beside it are used
    _run([python, "-m", "timeline", "build", "-q", "--jobs", "1", "-o", tmp_path / "in-checkout.html"],
         source_copy)
    assert '<div id="timeline-chart"' in (tmp_path / "in-checkout.html").read_text(encoding="utf-8")


def test_wheel_from_python_m_build_ships_templates_and_samples_and_builds_a_page(tmp_path, source_copy):
    # sdist first, then the wheel from the sdist (python -m build's default): both must carry the data
    _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", tmp_path / "dist", source_copy],
         tmp_path)
    wheel = next((tmp_path / "dist").glob("timeline-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert not [f for f in SHIPPED if f not in names]
    assert any(n.startswith("timeline/samples/al-asad-2020/") for n in names)
    python = _fresh_venv(tmp_path / "venv")
    _pip_install(python, wheel, tmp_path)
    _builds_a_page(python, tmp_path)
