"""Latency of the JSON API and the pages: p50 / p95 per endpoint, over HTTP, on the demo knowledge base.

The app runs as ``legation serve`` runs it (uvicorn, one process) in a thread
on a free port; one client with keep-alive sends ``--requests`` sequential
requests per endpoint after a warm-up, and the wall time of each (request to
last byte) is recorded.  The knowledge base is ``demo.db`` (``make demo``); if
it is missing, the examples are ingested into a temporary one first (that
loads the spaCy pipeline).  ``--synthetic N`` measures a larger knowledge base
of N invented documents instead (the ingest benchmark's corpus).

Usage: ``python benchmarks/api.py [--db demo.db] [--requests 200] [--synthetic 2000]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import uvicorn  # noqa: E402

from legation.api.app import create_app  # noqa: E402
from legation.api.server import address, bind  # noqa: E402
from legation.pipeline import ingest_extractions, ingest_files  # noqa: E402
from legation.settings import Settings  # noqa: E402
from legation.store import open_store  # noqa: E402


def knowledge_base(db: Path, synthetic: int) -> Path:
    if synthetic:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from ingest import synthetic_corpus

        path = Path(tempfile.mkdtemp(prefix="legation-api-bench-")) / "kb.db"
        with open_store(path) as store:
            ingest_extractions(synthetic_corpus(synthetic), store=store, batch_size=200)
        return path
    if db.exists():
        return db
    path = Path(tempfile.mkdtemp(prefix="legation-api-bench-")) / "demo.db"
    print(f"{db} not found (run `make demo`); ingesting examples/ into {path}", file=sys.stderr)
    with open_store(path) as store:
        ingest_files([ROOT / "examples"], store=store, settings=Settings())
    return path


def endpoints(client: httpx.Client) -> list[tuple[str, str]]:
    """The main endpoints, with ids and a country pair taken from the knowledge base itself."""
    def first(path: str, **params) -> dict:
        items = client.get(path, params=params).json()["items"]
        return items[0] if items else {}

    pair = first("/api/pairs")
    pair_code = f"{pair['a']}-{pair['b']}" if pair else "VN-PE"
    person = first("/api/people", sort="-n_documents").get("id", 1)
    event = first("/api/events", sort="-n_sources").get("id", 1)
    doc = first("/api/documents").get("id", "")
    org = first("/api/organizations", sort="-n_documents").get("id", 1)
    name = first("/api/people", sort="-n_documents").get("name", "a").split()[-1]
    return [
        ("api index", "/api"),
        ("documents", "/api/documents"),
        ("document", f"/api/documents/{doc}"),
        ("people", "/api/people"),
        ("person", f"/api/people/{person}"),
        ("organization", f"/api/organizations/{org}"),
        ("events", "/api/events"),
        ("events of a pair", f"/api/events?pair={pair_code}"),
        ("events, text", f"/api/events?q={name}"),
        ("event", f"/api/events/{event}"),
        ("figures", "/api/figures"),
        ("series", "/api/series"),
        ("checks", "/api/checks"),
        ("search", f"/api/search?q={name}"),
        ("pair picture", f"/api/pairs/{pair_code}"),
        ("page: overview", "/"),
        ("page: pair", f"/pairs/{pair_code}"),
        ("page: person", f"/people/{person}"),
        ("page: event", f"/events/{event}"),
        ("page: document", f"/documents/{doc}"),
    ]


def measure(client: httpx.Client, path: str, n: int, warmup: int = 5) -> list[float]:
    for _ in range(warmup):
        client.get(path).raise_for_status()
    times = []
    for _ in range(n):
        started = time.perf_counter()
        response = client.get(path)
        response.raise_for_status()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "demo.db", help="knowledge base (default demo.db)")
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint (default 200)")
    parser.add_argument("--synthetic", type=int, default=0, help="measure N invented documents instead")
    args = parser.parse_args(argv)

    db = knowledge_base(args.db, args.synthetic)
    sock = bind("127.0.0.1", 0)
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(db=str(db))), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with open_store(db) as store:
            stats = store.stats()
        print(f"API latency over HTTP on {db.name}: {stats.documents} documents, {stats.people} people, "
              f"{stats.events} events, {stats.figures} figures; {args.requests} sequential requests per endpoint")
        print(f"{'endpoint':<20} {'path':<44} {'p50 ms':>8} {'p95 ms':>8} {'bytes':>8}")
        with httpx.Client(base_url=address(sock).rstrip("/"), timeout=30) as client:
            for label, path in endpoints(client):
                times = measure(client, path, args.requests)
                cuts = statistics.quantiles(times, n=20)
                size = len(client.get(path).content)
                shown = path if len(path) <= 44 else path[:43] + "…"
                print(f"{label:<20} {shown:<44} {statistics.median(times):8.1f} {cuts[18]:8.1f} {size:8d}")
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


if __name__ == "__main__":
    main()
