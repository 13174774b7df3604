"""This machine's addresses to give out: LAN addresses first, then loopback."""

from __future__ import annotations

import contextlib
import ipaddress
import socket


def lan_addresses() -> list[str]:
    """IPv4 addresses other machines may reach us by (no packets are sent to find them)."""
    found: list[str] = []
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: only picks the outgoing interface
        found.append(probe.getsockname()[0])
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    result: list[str] = []
    for address in found:
        ip = ipaddress.ip_address(address)
        if ip.is_loopback or ip.is_unspecified or ip.is_link_local or address in result:
            continue
        result.append(address)
    return result


def base_urls(host: str, port: int) -> list[str]:
    """``http://`` base URLs for a server bound to ``host``: LAN first, loopback last."""
    if host in ("0.0.0.0", "", "::"):
        hosts = [*lan_addresses(), "127.0.0.1"]
    elif host in ("127.0.0.1", "localhost", "::1"):
        hosts = ["127.0.0.1" if host != "::1" else "[::1]"]
    else:
        hosts = [f"[{host}]" if ":" in host else host]
    return [f"http://{h}:{port}" for h in hosts]
