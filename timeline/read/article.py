"""What the readers make: a document's fields as plain data.

The fields and their meaning are `timeline.models.Document`'s (the public model); `document()`
gives that model. Reading and tagging times (`timeline times`) stay on this plain record, so the
command costs no pydantic: importing it and building the models was half of its start-up.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from timeline.models import Document


@dataclass(kw_only=True)
class Article:
    id: str
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    published: Optional[str] = None
    published_from: Optional[str] = None
    path: Optional[str] = None
    lang: Optional[str] = None
    text: str

    def document(self) -> Document:
        from timeline.models import Document

        return Document(**asdict(self))
