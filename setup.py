"""The top-level templates/ and samples/ (the design card's layout) ship inside the package as
timeline.templates and timeline.samples, so a non-editable install renders pages and builds the
samples. Namespace packages are found, as pyproject's packages.find did: data folders such as
times/lang/en hold no __init__.py. The built package also holds what the first run would build
from the data files (timeline/prebuild.py). Everything else is in pyproject.toml."""
import os
import subprocess
import sys
from pathlib import Path

from setuptools import find_namespace_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithPrebuilt(build_py):
    """build_py, then timeline/prebuild.py into the built package's _prebuilt/ (with the
    interpreter that builds, which is the one that installs: the entries are kept per Python
    version). Without them the package works the same, its first run only slower."""

    def run(self):
        super().run()
        # an editable install runs the source tree: its entries go there (git ignores them)
        lib = HERE if getattr(self, "editable_mode", False) else Path(self.build_lib).resolve()
        done = subprocess.run([sys.executable, "-m", "timeline.prebuild", str(lib / "timeline" / "_prebuilt")],
                              env={**os.environ, "PYTHONPATH": str(lib)}, capture_output=True, text=True)
        if done.returncode:
            self.warn(f"timeline/_prebuilt not built: {done.stderr.strip()[-500:]}")


setup(packages=find_namespace_packages(include=["timeline*"]) + ["timeline.templates", "timeline.samples"],
      package_dir={"timeline.templates": "templates", "timeline.samples": "samples"},
      cmdclass={"build_py": BuildWithPrebuilt})
