"""Run the app with uvicorn: what ``legation serve`` calls (uvicorn stays in this package)."""

from __future__ import annotations

import socket
from collections.abc import Callable

from legation.api.app import create_app
from legation.errors import ConfigError
from legation.settings import Settings
from legation.store import Store


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: a free one), so the address is known before serving."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto IPPROTO_TCP (not 0): asyncio sets TCP_NODELAY only on such sockets, and without it a keep-alive
    # client waits ~40 ms for each response's second segment (Nagle meets delayed ACK)
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ConfigError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); choose another --port or "
                          "--host") from exc
    sock.listen(128)
    return sock


def address(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    if host in ("0.0.0.0", "::"):
        shown = "127.0.0.1" if host == "0.0.0.0" else "[::1]"
    return f"http://{shown}:{port}/"


def serve(store: Store, *, settings: Settings | None = None, host: str = "127.0.0.1", port: int = 8000,
          on_ready: Callable[[str], None] | None = None, log_level: str = "warning") -> None:
    """Serve ``store`` until interrupted (Ctrl+C).

    :param on_ready: called with the address to open once the socket listens
    """
    import uvicorn

    sock = bind(host, port)
    app = create_app(settings, store=store)
    config = uvicorn.Config(app, log_level=log_level, access_log=log_level in ("info", "debug"),
                            server_header=False, proxy_headers=False)
    server = uvicorn.Server(config)
    if on_ready:
        on_ready(address(sock))
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
