"""Stage 1, read: inputs (files, directories, `-`) -> Documents.

One module per input kind; `read_inputs` dispatches on the file suffix.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator, Optional

from timeline.errors import InputError
from timeline.models import Document
from timeline.read.dates import normalise_published
from timeline.read.text import read_text

READERS = {".txt": read_text, ".text": read_text, ".md": read_text}


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS
                       and not any(part.startswith(".") for part in p.relative_to(path).parts))
        if not found:
            raise InputError("no articles found in this directory", str(path))
        return found
    return [path]


def read_inputs(inputs: Iterable[str], published: Optional[str] = None) -> Iterator[Document]:
    """Yield one Document per article, in input order (directories sorted)."""
    override = normalise_published(published, "--published") if published else None
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            raise InputError("no such file or directory", raw)
        for file in _files(path):
            reader = READERS.get(file.suffix.lower(), read_text)
            for doc in reader(file):
                if override:
                    doc = doc.model_copy(update={"published": override, "published_from": "option"})
                yield doc


def document_id(path: Path) -> str:
    """Stable id: the file name (directories add nothing, so moving a corpus keeps its ids)."""
    return os.path.basename(path)
