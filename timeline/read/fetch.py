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


def check_public(url: str) -> None:
    """Refuse a host on this machine or a private network (a scraped link must not reach an
    intranet or a cloud metadata service); --allow-private lifts this."""
    import ipaddress    # here, as socket: only a URL given with --fetch needs them
    import socket

    host = urlsplit(url).hostname
    if not host:
        raise UsageError("no host in the URL", url)
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)}
    except (OSError, UnicodeError):
        raise InputError(f"cannot fetch: unknown host {host!r}", url) from None
    for address in sorted(addresses):
        ip = ipaddress.ip_address(address.split("%")[0])
        ip = getattr(ip, "ipv4_mapped", None) or ip
        if not ip.is_global:
            where = "" if str(ip) == host.strip("[]") else f" ({ip})"
            raise UsageError(f"{host} is a local or private address{where}: add --allow-private to fetch it",
                             url)


def fetch(url: str, max_bytes: int, allow_private: bool = False) -> tuple[bytes, Optional[str], str]:
    """(body, kind from the Content-Type or None, final URL); errors name the URL. Every request,
    redirects included, goes to a public address unless `allow_private`."""
    import httpx

    hooks = {"request": [] if allow_private else [lambda request: check_public(str(request.url))]}
    try:
        with httpx.Client(follow_redirects=True, timeout=_TIMEOUT, event_hooks=hooks,
                          headers={"User-Agent": "timeline (news timeline builder)"}) as client, \
                client.stream("GET", url) as response:
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
