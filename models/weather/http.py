"""One way to call a weather web service: a timeout, a cancel, a plain message when offline.

Nothing here runs unless a user action calls it (a CLI command or a GUI button); the callers cache
what they fetch in the store (:func:`solarfleet.models.store.pvgis_cache_put`) so that the same
request is never sent twice.
"""
from __future__ import annotations

import json
from typing import Callable, Optional

from solarfleet.models.weather.convention import WeatherNetworkError

__all__ = ["FetchCancelled", "fetch_json", "CHUNK_BYTES"]

#: Bytes read between two checks of the cancel flag.
CHUNK_BYTES = 64 * 1024


class FetchCancelled(Exception):
    """The user cancelled a download; nothing partial was kept."""


def _service_message(body: bytes) -> str:
    """The error text a service put in its JSON body (NASA POWER ``messages``, PVGIS ``message``), if any."""
    try:
        doc = json.loads(body.decode("utf-8", "replace"))
    except ValueError:
        return body[:200].decode("utf-8", "replace").strip()
    if isinstance(doc, dict):
        for key in ("message", "messages", "errors", "detail"):
            if doc.get(key):
                v = doc[key]
                return "; ".join(map(str, v)) if isinstance(v, list) else str(v)
    return str(doc)[:200]


def fetch_json(service: str, url: str, params: dict, *, timeout: float = 30.0,
               cancel: Optional[Callable[[], bool]] = None) -> dict:
    """GET ``url`` with ``params`` and return the decoded JSON document.

    Parameters
    ----------
    service : str
        Name used in messages (``'NASA POWER'``).
    timeout : float
        Seconds to wait for the connection and for each read [s].
    cancel : callable, optional
        Checked before the request and between chunks; True raises :class:`FetchCancelled`.

    Raises
    ------
    WeatherNetworkError
        Offline, timed out, refused (HTTP error, with the service's own message) or not JSON.
    FetchCancelled
    """
    import requests

    if cancel is not None and cancel():
        raise FetchCancelled(f"{service}: cancelled")
    try:
        with requests.get(url, params={k: v for k, v in params.items() if v is not None}, timeout=(timeout, timeout),
                          stream=True) as resp:
            chunks = []
            for chunk in resp.iter_content(CHUNK_BYTES):
                if cancel is not None and cancel():
                    raise FetchCancelled(f"{service}: cancelled")
                chunks.append(chunk)
            body = b"".join(chunks)
            status = resp.status_code
    except requests.Timeout:
        raise WeatherNetworkError(f"{service} did not answer within {timeout:g} s; try again later or work "
                                  "offline (a climate pack, or an imported weather file)") from None
    except requests.ConnectionError:
        raise WeatherNetworkError(f"{service} cannot be reached (no connection: offline?). Work offline with a "
                                  "climate pack or an imported weather file") from None
    except requests.RequestException as exc:
        raise WeatherNetworkError(f"{service} request failed: {exc}") from None
    if status >= 400:
        raise WeatherNetworkError(f"{service} refused the request (HTTP {status}): {_service_message(body)}")
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise WeatherNetworkError(f"{service} answered with something that is not JSON ({exc})") from None
