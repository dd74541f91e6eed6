"""What every reader gets: the read options and a place to put warnings."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from timeline.cache import cached_toml
from timeline.errors import one_line

FORMATS = cached_toml(Path(__file__).with_name("formats.toml"))
SUFFIXES: dict[str, str] = FORMATS["suffixes"]
FIELDS: dict[str, list[str]] = FORMATS["fields"]
WHOLE_FILE_LIMIT = FORMATS["limits"]["whole_file_mb"] * 1024 * 1024
RECORD_LIMIT = FORMATS["limits"]["record_mb"] * 1024 * 1024
MIN_PAGE_WORDS = FORMATS["limits"]["min_page_words"]


@dataclass(frozen=True)
class ReadOptions:
    published: Optional[str] = None        # YYYY-MM-DD for every document (already validated)
    fetch: bool = False                    # download http(s) URLs given as inputs
    allow_private: bool = False            # let --fetch reach this machine and private networks
    columns: tuple[tuple[str, str], ...] = ()  # (field, JSON key / CSV column) named by options
    max_bytes: int = WHOLE_FILE_LIMIT      # largest file read whole
    max_record_bytes: int = RECORD_LIMIT   # longest JSON line or CSV row
    lang: Optional[str] = None             # ISO 639-1 language of every document (else read or detected)

    def column(self, name: str) -> Optional[str]:
        return dict(self.columns).get(name)


@dataclass
class ReadContext:
    options: ReadOptions = ReadOptions()
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (where, message)

    def warn(self, where: str, message: str) -> None:
        self.warnings.append((one_line(where), one_line(message)))
