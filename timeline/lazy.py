"""Module attributes imported on first use (PEP 562), so that importing a package costs only what
a command uses."""
from __future__ import annotations

from importlib import import_module


def lazy_attributes(package: str, homes: dict[str, str], namespace: dict):
    """The `__getattr__` and `__dir__` of a package whose names in `homes` live in other modules."""
    def __getattr__(name: str):
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(home), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(homes))

    return __getattr__, __dir__
