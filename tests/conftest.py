"""Fixtures shared across the test folders."""
import functools
import http.server
import threading

import pytest


@pytest.fixture
def server(tmp_path):
    """A local web server on 127.0.0.1 serving tmp_path."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session", autouse=True)
def cache_dir(tmp_path_factory):
    """The compiled grammar is cached in a directory of the test session's, not the user's."""
    import os

    path = tmp_path_factory.mktemp("cache")
    previous = os.environ.get("TIMELINE_CACHE_DIR")
    os.environ["TIMELINE_CACHE_DIR"] = str(path)
    yield path
    if previous is None:
        os.environ.pop("TIMELINE_CACHE_DIR", None)
    else:
        os.environ["TIMELINE_CACHE_DIR"] = previous
