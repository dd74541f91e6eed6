"""URLs given as inputs, downloaded with httpx only when the user asks (--fetch)."""
from __future__ import annotations

from typing import Optional
from urllib.parse import urlsplit

from timeline.errors import InputError, UsageError

SCHEMES = ("http", "https")
_TIMEOUT = 30.0
_KIND_BY_TYPE = {"text/html": "html", "application/xhtml+xml": "html", "application/json": "json",
                 "application/x-ndjson": "jsonl", "application/jsonl": "jsonl", "text/csv": "csv",
                 "text/plain": "text"}


def url_scheme(raw: str) -> Optional[str]:
    """The scheme when `raw` is a URL (`scheme://...`), else None. Windows drive letters are paths."""
    if "://" not in raw:
        return None
    scheme = urlsplit(raw).scheme.lower()
    return scheme if len(scheme) > 1 else None


def check_url(raw: str, fetch: bool) -> None:
    scheme = url_scheme(raw)
    if scheme not in SCHEMES:
        raise UsageError(f"unsupported URL scheme {scheme!r}: only http and https URLs are fetched", raw)
    if not fetch:
        raise UsageError("is a URL: add --fetch to download it", raw)


def fetch(url: str, max_bytes: int) -> tuple[bytes, Optional[str], str]:
    """(body, kind from the Content-Type or None, final URL); errors name the URL."""
    import httpx

    try:
        with httpx.stream("GET", url, follow_redirects=True, timeout=_TIMEOUT,
                          headers={"User-Agent": "timeline (news timeline builder)"}) as response:
            if response.status_code >= 400:
                raise InputError(f"HTTP {response.status_code} {response.reason_phrase}", url)
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise InputError(f"larger than {max_bytes // 2**20} MB; not downloaded", url)
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            return bytes(body), _KIND_BY_TYPE.get(content_type), str(response.url)
    except httpx.HTTPError as e:
        raise InputError(f"cannot fetch: {e}", url) from None
