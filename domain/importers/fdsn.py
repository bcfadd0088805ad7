"""Live catalogue from KNMI's FDSN event service (text format), paged, with retries.

Network in the domain is plain urllib so the CLI and tests work without QGIS; the plugin may
fetch through QGIS's network classes (proxy settings) and hand the text to
:func:`catalog_from_pages`. A cold KNMI query can take ~15 s, hence the generous timeout.
"""

from __future__ import annotations

import datetime as dt
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from domain import __version__, policy
from domain.errors import DomainError, InputError, Problem
from domain.groundmotion.catalog import Catalog, Quake, attribute
from domain.importers.catalog import parse_catalog_text


class FdsnError(DomainError):
    """The event service could not be reached or refused the request."""


@dataclass(frozen=True)
class FdsnQuery:
    """Request parameters; the default box covers the north of the Netherlands."""

    starttime: dt.datetime | dt.date | None = None
    endtime: dt.datetime | dt.date | None = None
    minlatitude: float | None = 52.7
    maxlatitude: float | None = 53.6
    minlongitude: float | None = 6.0
    maxlongitude: float | None = 7.3
    eventtype: str = "induced or triggered event"

    def params(self) -> dict[str, str]:
        out: dict[str, str] = {"format": "text", "eventtype": self.eventtype}
        for key in ("starttime", "endtime"):
            value = getattr(self, key)
            if value is not None:
                out[key] = (
                    value.isoformat() if isinstance(value, dt.datetime) else f"{value}T00:00:00"
                )
        for key in ("minlatitude", "maxlatitude", "minlongitude", "maxlongitude"):
            value = getattr(self, key)
            if value is not None:
                out[key] = f"{value:g}"
        return out


def _get(url: str, timeout: float, retries: int, backoff_s: float, sleep) -> tuple[int, str]:
    """GET with retries on network errors, timeouts and 5xx; (status, body)."""
    request = urllib.request.Request(url, headers={"User-Agent": f"imgschade/{__version__}"})
    last = ""
    for attempt in range(retries + 1):
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read().decode("utf-8", errors="replace")
        except urllib.error.HTTPError as exc:
            if exc.code == 204:
                return 204, ""
            if exc.code < 500:
                body = exc.read().decode("utf-8", errors="replace")[:300]
                raise FdsnError(
                    f"De bevingsdienst weigerde de vraag (HTTP {exc.code}): {body.strip()} — "
                    "controleer de parameters."
                ) from None
            last = f"HTTP {exc.code}"
        except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError) as exc:
            last = str(getattr(exc, "reason", exc)) or type(exc).__name__
        if attempt < retries:
            sleep(backoff_s * (2**attempt))
    raise FdsnError(
        f"De bevingsdienst is niet bereikbaar na {retries + 1} pogingen ({last}) — "
        "probeer het later opnieuw of lees een catalogusbestand in."
    )


def fetch_pages(
    query: FdsnQuery = FdsnQuery(),
    url: str = policy.FDSN_EVENT_URL,
    timeout: float = policy.FDSN_TIMEOUT_S,
    retries: int = policy.FDSN_RETRIES,
    backoff_s: float = 1.0,
    page_size: int = policy.FDSN_PAGE_SIZE,
    cancel: Callable[[], bool] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[str]:
    """Every page of the answer (text format), following limit/offset until a short page."""
    pages: list[str] = []
    offset = 1
    while True:
        if cancel is not None and cancel():
            raise FdsnError("ophalen gestopt")
        params = {**query.params(), "limit": str(page_size), "offset": str(offset)}
        status, body = _get(
            f"{url}?{urllib.parse.urlencode(params)}", timeout, retries, backoff_s, sleep
        )
        rows = [line for line in body.splitlines() if line.strip() and not line.startswith("#")]
        if status == 204 or not rows:
            break
        pages.append(body)
        if len(rows) < page_size:
            break
        offset += page_size
    return pages


def catalog_from_pages(pages: Sequence[str], origin: str, outlines=None) -> Catalog:
    """Parse FDSN text pages, de-duplicate by event id, attribute to the sources."""
    seen: dict[str, Quake] = {}
    problems: list[Problem] = []
    for n, page in enumerate(pages, start=1):
        for quake in parse_catalog_text(page, f"{origin} (pagina {n})").quakes:
            earlier = seen.get(quake.event_id)
            if earlier is None:
                seen[quake.event_id] = quake
            elif earlier != quake:
                problems.append(
                    Problem(
                        f"beving {quake.event_id} staat twee keer in het antwoord met andere waarden",
                        origin,
                        None,
                        "EventID",
                        "vraag de catalogus opnieuw op",
                    )
                )
    if problems:
        raise InputError(f"{origin}: antwoord niet bruikbaar", problems)
    return attribute(list(seen.values()), False, origin, outlines)


def fetch_catalog(
    query: FdsnQuery = FdsnQuery(),
    url: str = policy.FDSN_EVENT_URL,
    outlines=None,
    **options,
) -> Catalog:
    """The live catalogue as a :class:`Catalog` (counting quakes attributed by outline).

    ``options``: how to fetch (timeout, retries, backoff_s, page_size, cancel, sleep), as for
    :func:`fetch_pages`.
    """
    pages = fetch_pages(query, url, **options)
    catalog = catalog_from_pages(pages, url, outlines)
    if query.endtime is not None:
        catalog.declared_end = query_coverage_end(query.endtime, catalog.end)
    return catalog


def query_coverage_end(endtime: dt.datetime | dt.date, latest: dt.date | None) -> dt.date:
    """The last Dutch day an answer up to ``endtime`` covers in full: the day before the one
    ``endtime`` falls on (a date means 00:00 UTC, as sent), or the latest event's day if later."""
    from domain.presentation.dutch_time import dutch_date

    if not isinstance(endtime, dt.datetime):
        endtime = dt.datetime.combine(endtime, dt.time())
    end = dutch_date(endtime) - dt.timedelta(days=1)
    return max(end, latest) if latest is not None else end
