"""The top-level templates/ and samples/ (the design card's layout) ship inside the package as
timeline.templates and timeline.samples, so a non-editable install renders pages and builds the
samples. Namespace packages are found, as pyproject's packages.find did: data folders such as
times/lang/en hold no __init__.py. Everything else is in pyproject.toml."""
from setuptools import find_namespace_packages, setup

setup(packages=find_namespace_packages(include=["timeline*"]) + ["timeline.templates", "timeline.samples"],
      package_dir={"timeline.templates": "templates", "timeline.samples": "samples"})
