"""The live FDSN client against a loopback server replaying recorded KNMI answers."""

from __future__ import annotations

import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from domain.importers.fdsn import FdsnError, FdsnQuery, fetch_catalog, fetch_pages

FIXTURES = Path(__file__).parent / "fixtures"
PAGE1 = (FIXTURES / "fdsn_page1.txt").read_text(encoding="utf-8")
PAGE2 = (FIXTURES / "fdsn_page2.txt").read_text(encoding="utf-8")


class Recorded(BaseHTTPRequestHandler):
    """Serves page 1 at offset 1, page 2 at offset 4, 204 beyond; behaviour set per test."""

    def do_GET(self):  # noqa: N802 (http.server API)
        server = self.server
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlparse(self.path).query))
        server.requests.append(query)
        if server.fail_first > 0:
            server.fail_first -= 1
            self.send_response(503)
            self.end_headers()
            return
        if server.delay:
            time.sleep(server.delay)
        if server.status != 200:
            self.send_response(server.status)
            self.end_headers()
            self.wfile.write(b"Error 400: Bad Request\nmaxlatitude must be >= minlatitude\n")
            return
        body = {"1": PAGE1, "4": PAGE2}.get(query.get("offset"), "")
        if not body:
            self.send_response(204)
            self.end_headers()
            return
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Recorded)
    srv.requests, srv.fail_first, srv.delay, srv.status = [], 0, 0.0, 200
    # a short poll: shutdown() waits for the next one (half a second by default)
    thread = threading.Thread(target=srv.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    srv.url = f"http://127.0.0.1:{srv.server_address[1]}/fdsnws/event/1/query"
    yield srv
    srv.shutdown()
    srv.server_close()


def test_paging_follows_limit_and_offset_and_deduplicates(server):
    catalog = fetch_catalog(FdsnQuery(starttime=None), url=server.url, page_size=3, retries=0)
    offsets = [r["offset"] for r in server.requests]
    assert offsets == ["1", "4"]  # page 2 is short (2 < 3): no third request
    assert all(r["limit"] == "3" and r["format"] == "text" for r in server.requests)
    assert server.requests[0]["eventtype"] == "induced or triggered event"
    ids = [q.event_id for q in catalog.quakes]
    assert ids == ["knmi2012qcdh", "knmi2018anwg", "knmi2019jxxm"]  # repeat merged, time order
    assert [q.place for q, _ in catalog.excluded] == ["Roden"]  # outside every source outline
    assert catalog.origin == server.url


def test_query_parameters_are_sent(server):
    import datetime as dt

    query = FdsnQuery(starttime=dt.date(2012, 1, 1), endtime=dt.datetime(2013, 1, 1, 12, 0))
    fetch_pages(query, url=server.url, page_size=10, retries=0)
    sent = server.requests[0]
    assert sent["starttime"] == "2012-01-01T00:00:00"
    assert sent["endtime"] == "2013-01-01T12:00:00"
    assert sent["minlatitude"] == "52.7" and sent["maxlongitude"] == "7.3"


def test_full_last_page_then_no_content(server):
    pages = fetch_pages(url=server.url, page_size=2, retries=0)
    # offset 1 → 3 rows ≥ 2 so continue; offset 3 → 204: stop
    assert [r["offset"] for r in server.requests] == ["1", "3"]
    assert len(pages) == 1


def test_retries_with_backoff_after_server_errors(server):
    server.fail_first = 2
    waits: list[float] = []
    pages = fetch_pages(url=server.url, page_size=10, retries=3, backoff_s=0.5, sleep=waits.append)
    assert waits == [0.5, 1.0]
    assert len(pages) == 1 and len(server.requests) == 3


def test_gives_up_after_the_last_retry(server):
    server.fail_first = 10
    waits: list[float] = []
    with pytest.raises(FdsnError) as info:
        fetch_pages(url=server.url, retries=2, backoff_s=0.1, sleep=waits.append)
    assert waits == [0.1, 0.2]
    assert len(server.requests) == 3
    assert "3 pogingen" in str(info.value)


def test_timeout_is_retried_then_reported(server):
    server.delay = 0.5
    waits: list[float] = []
    with pytest.raises(FdsnError):
        fetch_pages(url=server.url, timeout=0.1, retries=1, backoff_s=0.01, sleep=waits.append)
    assert waits == [0.01]
    assert len(server.requests) == 2


def test_client_error_is_not_retried(server):
    server.status = 400
    with pytest.raises(FdsnError) as info:
        fetch_pages(url=server.url, retries=3, sleep=lambda s: None)
    assert len(server.requests) == 1
    assert "HTTP 400" in str(info.value) and "minlatitude" in str(info.value)


def test_unreachable_service(tmp_path):
    with pytest.raises(FdsnError):
        fetch_pages(url="http://127.0.0.1:9/query", timeout=0.5, retries=1, sleep=lambda s: None)


def test_the_query_end_time_is_the_declared_coverage_end(server):
    import datetime as dt

    from domain.presentation.dutch_time import dutch_date

    open_ended = fetch_catalog(FdsnQuery(), url=server.url, page_size=3, retries=0)
    assert open_ended.declared_end is None  # then the latest event's Dutch date, any source
    every = [q.time for q in open_ended.quakes] + [q.time for q, _ in open_ended.excluded]
    assert open_ended.end == dutch_date(max(every))
    query = FdsnQuery(endtime=dt.date(2025, 12, 1))  # sent as 2025-12-01T00:00:00 (UTC)
    catalog = fetch_catalog(query, url=server.url, page_size=3, retries=0)
    # 00:00 UTC on 1 December is 01:00 Dutch time: 30 November is the last day wholly covered
    assert catalog.end == dt.date(2025, 11, 30)
