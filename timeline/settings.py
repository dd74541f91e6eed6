"""One frozen settings object with documented defaults, passed down the pipeline."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional

Policy = Literal["news", "narrative"]


@dataclass(frozen=True)
class Settings:
    published: Optional[str] = None   # overrides every document's publication date (YYYY-MM-DD)
    policy: Policy = "news"           # how relative dates anchor: publication date or last date
    title: Optional[str] = None       # timeline title; default from the documents
    entity: Optional[str] = None      # keep events mentioning this actor (aliases match)
    taxonomy: Optional[str] = None    # event types file (default timeline/events/taxonomy.toml)
    jobs: int = 1                     # worker processes for extraction (0: one per core)
    engine: str = "local"             # local (this machine) or dask (a dask.distributed cluster)
    scheduler: Optional[str] = None   # the Dask scheduler's address, for engine dask
    fetch: bool = False               # download http(s) URLs given as inputs
    allow_private: bool = False       # let fetch reach this machine and private networks
    columns: tuple[tuple[str, str], ...] = ()  # (field, JSON key or CSV column) from --text-column...
    lang: Optional[str] = None        # ISO 639-1 language of every input (else read or detected)
    key: Optional[str] = None         # keep the N most salient events on distinct days ("auto": N from size)
    date_from: Optional[str] = None   # keep events dated on or after this day (YYYY-MM-DD)
    date_to: Optional[str] = None     # ... and on or before this day
