"""How much the console's client sends and receives: requests and HTTP bytes.

:class:`CountingTransport` sits in front of the client's transport and counts every
request's line, headers and body and every answer's status line, headers and body as it
arrives (bodies as sent on the wire, before decompression; an event stream line by line).
TLS framing is not counted. ``benchmarks/bench_remote.py`` prints the figures per ballot.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx


@dataclass
class Traffic:
    """Running totals (thread-safe)."""

    requests: int = 0
    sent: int = 0
    received: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, *, requests: int = 0, sent: int = 0, received: int = 0) -> None:
        with self._lock:
            self.requests += requests
            self.sent += sent
            self.received += received

    def totals(self) -> tuple[int, int, int]:
        """(requests, bytes sent, bytes received) so far."""
        with self._lock:
            return self.requests, self.sent, self.received


def _headers_size(headers: httpx.Headers) -> int:
    return sum(len(name) + len(value) + 4 for name, value in headers.raw) + 2


class _CountedStream(httpx.SyncByteStream):
    def __init__(self, inner: httpx.SyncByteStream, traffic: Traffic) -> None:
        self._inner, self._traffic = inner, traffic

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            self._traffic.add(received=len(chunk))
            yield chunk

    def close(self) -> None:
        self._inner.close()


class CountingTransport(httpx.BaseTransport):
    """Passes every request on to ``inner`` and counts it in ``traffic``."""

    def __init__(self, inner: httpx.BaseTransport, traffic: Traffic) -> None:
        self.inner, self.traffic = inner, traffic

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        line = len(request.method) + len(request.url.raw_path) + 12  # "GET /… HTTP/1.1\r\n"
        body = len(request.content) if isinstance(request.stream, httpx.ByteStream) else 0
        self.traffic.add(requests=1, sent=line + _headers_size(request.headers) + body)
        response = self.inner.handle_request(request)
        status_line = len(response.reason_phrase) + 15  # "HTTP/1.1 200 OK\r\n"
        self.traffic.add(received=status_line + _headers_size(response.headers))
        assert isinstance(response.stream, httpx.SyncByteStream)
        response.stream = _CountedStream(response.stream, self.traffic)
        return response

    def close(self) -> None:
        self.inner.close()
