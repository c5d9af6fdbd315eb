"""`legation serve`: a real server process on a free port, stopped with Ctrl+C (SIGINT)."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "legation", "serve", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_serve_prints_the_address_serves_and_stops_on_ctrl_c(kb_path: Path):
    proc = _start("--db", str(kb_path), "--port", "0")
    try:
        address = proc.stdout.readline().strip()  # printed once the socket listens
        assert address.startswith("http://127.0.0.1:") and address.endswith("/"), address
        with httpx.Client(base_url=address, timeout=10) as http:
            index = http.get("/api")
            assert index.status_code == 200 and index.json()["stats"]["documents"] == 6
            assert http.get("/").status_code == 200
            assert http.get("/static/style.css").headers["content-type"].startswith("text/css")
            assert http.post("/api/people").status_code == 405
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert f"serving sqlite:///{kb_path}" in err and "read-only" in err


def test_serve_refuses_a_missing_knowledge_base(tmp_path: Path):
    proc = _start("--db", str(tmp_path / "missing.db"), "--port", "0")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1 and out == ""
    assert "no knowledge base at" in err and "legation ingest" in err
    assert not (tmp_path / "missing.db").exists()


def test_serve_says_when_the_port_is_taken(kb_path: Path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        proc = _start("--db", str(kb_path), "--port", str(port))
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, err
    assert f"cannot listen on 127.0.0.1:{port}" in err and "--port" in err


@pytest.mark.parametrize("option", ["--port=70000", "--port=-1"])
def test_serve_rejects_bad_ports(kb_path: Path, option: str):
    proc = _start("--db", str(kb_path), option)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "--port" in err


def test_serve_socket_is_tcp_so_replies_are_not_delayed():
    """asyncio sets TCP_NODELAY only on sockets made with proto IPPROTO_TCP; without it every reply on a
    keep-alive connection waited ~40 ms (Nagle's algorithm meeting delayed ACKs)."""
    from legation.api.server import address, bind

    sock = bind("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
        assert address(sock).startswith("http://127.0.0.1:")
    finally:
        sock.close()
