"""Knowledge-base ingest speed, in documents per second, on SQLite and PostgreSQL.

Two figures per backend:

* **stored**: pre-extracted documents (``legation ingest --extracted``: the
  contract objects, as a batch run produces them) into a fresh knowledge base,
  with the store time and the resolution time apart;
* **end to end**: article files through the NLP pipeline into the store
  (``legation ingest PATH``), resolution included.

PostgreSQL is Debian's server started for the run in a temporary folder (as
the ``postgres`` user when run as root); it is skipped, saying why, when the
binaries are missing.  Usage: ``python benchmarks/ingest.py [--docs N]
[--articles N] [--skip-e2e]``.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from legation.models import (  # noqa: E402
    DateExpr,
    Event,
    EventPlace,
    Evidence,
    Extraction,
    Figure,
    Organization,
    Period,
    Person,
    Place,
    Title,
)
from legation.pipeline import ingest_extractions, ingest_files  # noqa: E402
from legation.settings import Settings  # noqa: E402
from legation.store import open_store  # noqa: E402

GIVEN = ["Luis", "Rosa", "Jorge", "Teresa", "Ana", "Carlos", "Maria", "Pedro", "Elena", "Diego"]
FAMILY = ["Quispe", "Paredes", "Mera", "Gomez", "Villanueva", "Carbajal", "Salazar", "Huaman", "Rojas", "Torres"]
VN_FAMILY = ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui"]
VN_MIDDLE = ["Van", "Thi", "Minh", "Quoc", "Tuan", "Hoai"]
VN_GIVEN = ["Dung", "Anh", "Khoa", "Vinh", "Trung", "Hai", "Lan", "Son"]


def synthetic_corpus(n: int, seed: int = 7) -> list[Extraction]:
    """Invented documents shaped like the extractor's output: ~2.5 kB of text, 4 people, 3 organizations,
    3 places, 3 events, 4 figures; people recur across documents with varying name forms."""
    rnd = random.Random(seed)
    docs = []
    for i in range(n):
        pe = [f"{rnd.choice(GIVEN)} {rnd.choice(FAMILY)} {rnd.choice(FAMILY)}" for _ in range(2)]
        vn = [f"{rnd.choice(VN_FAMILY)} {rnd.choice(VN_MIDDLE)} {rnd.choice(VN_GIVEN)}" for _ in range(2)]
        year = 2015 + rnd.randrange(10)
        day = f"{year}-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 28):02d}"
        sentences = [f"Minister {vn[0]} met Vice Minister {pe[0]} in Lima on {day}.",
                     f"Ambassador {vn[1]} and {pe[1]} attended the talks.",
                     f"Exports from Vietnam to Peru reached US${rnd.randrange(100, 500)} million in {year - 1}."]
        sentences += ["Both sides agreed to expand cooperation in trade, investment, tourism and education."] * 25
        text = " ".join(sentences)
        people = []
        for j, name in enumerate(vn + pe):
            start = text.find(name)
            people.append(Person(id=f"P{j + 1}", name=name, country="VN" if j < 2 else "PE",
                                 titles=[Title(text=("Deputy Minister of Industry and Trade" if j < 2 else
                                                     "Vice Minister of Foreign Trade") if j % 2 == 0 else "Ambassador",
                                               role="Deputy Minister" if j % 2 == 0 else "Ambassador",
                                               organization=("O1" if j < 2 else "O2") if j % 2 == 0 else None)],
                                 mentions=[(start, start + len(name))] if start >= 0 else []))
        orgs = [Organization(id="O1", name="Ministry of Industry and Trade", country="VN", kind="government"),
                Organization(id="O2", name="Ministry of Foreign Trade and Tourism", country="PE", kind="government"),
                Organization(id="O3", name="Asia-Pacific Economic Cooperation", acronym="APEC")]
        places = [Place(id="L1", name="Lima", kind="city", country="PE"),
                  Place(id="L2", name="Vietnam", kind="country", country="VN"),
                  Place(id="L3", name="Peru", kind="country", country="PE")]
        ev = Evidence(start=0, end=len(sentences[0]), text=sentences[0])
        events = [Event(id=f"E{k + 1}", kind=kind, date=DateExpr(start=day, precision="day", text=day),
                        place=EventPlace(name="Lima", country="PE"), participants=["P1", "P3"] if k else ["P1"],
                        evidence=ev, confidence=0.9) for k, kind in enumerate(["visit", "meeting", "proposal"])]
        figures = [Figure.model_validate({"measure": m, "from": "Vietnam", "to": "Peru",
                                          "value": float(rnd.randrange(1, 500)) * 1e6, "unit": "USD",
                                          "period": Period(start=f"{y}-01-01", end=f"{y}-12-31", text=str(y)),
                                          "evidence": Evidence(start=0, end=10, text=text[:10])})
                   for m, y in (("exports", year - 1), ("imports", year - 1), ("exports", year - 2),
                                ("trade_turnover", year - 1))]
        docs.append(Extraction(id=f"bench-{i:06d}", source=f"bench-{i:06d}.txt", published=day,
                               published_basis="metadata", text=text, people=people, organizations=orgs,
                               places=places, events=events, figures=figures))
    return docs


def article_files(folder: Path, n: int) -> Path:
    """``n`` article files made from the bundled examples (each with a distinct closing line)."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    if not texts:
        raise SystemExit("benchmarks/ingest.py: no examples/*.txt to build articles from")
    for i in range(n):
        (folder / f"article-{i:04d}.txt").write_text(texts[i % len(texts)] + f"\n\n(Copy {i}.)\n",
                                                     encoding="utf-8")
    return folder


# --------------------------------------------------------------------------- PostgreSQL for the run


class Postgres:
    def __init__(self) -> None:
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
        self.bindir = next((b for b in reversed(bins) if (b / "initdb").exists()), None)
        self.root = Path(tempfile.mkdtemp(prefix="legation-bench-pg-"))
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.prefix = []
        if os.geteuid() == 0:
            shutil.chown(self.root, user="postgres", group="postgres")
            self.prefix = ["runuser", "-u", "postgres", "--"]

    def start(self) -> str | None:
        """None when started, else why not."""
        if self.bindir is None:
            return "no PostgreSQL binaries in /usr/lib/postgresql/*/bin (bash scripts/system-deps.sh)"
        data = self.root / "data"
        run = subprocess.run([*self.prefix, str(self.bindir / "initdb"), "-D", str(data), "-A", "trust", "-U",
                              "postgres", "-E", "UTF8", "--no-locale"], capture_output=True, text=True)
        if run.returncode:
            return f"initdb failed: {run.stderr.strip()}"
        run = subprocess.run([*self.prefix, str(self.bindir / "pg_ctl"), "-D", str(data), "-o",
                              f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1",
                              "-l", str(self.root / "log"), "-w", "start"], capture_output=True, text=True)
        return f"pg_ctl failed: {run.stderr.strip()}" if run.returncode else None

    def database(self) -> str:
        import psycopg

        name = "bench_" + uuid.uuid4().hex[:8]
        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        if self.bindir is not None:
            subprocess.run([*self.prefix, str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m",
                            "fast", "-w", "stop"], capture_output=True)
        shutil.rmtree(self.root, ignore_errors=True)


# --------------------------------------------------------------------------- measurements


def bench_stored(url: str, docs: list[Extraction], batch_size: int) -> dict[str, float]:
    with open_store(url) as kb:
        started = time.perf_counter()
        report = ingest_extractions(docs, store=kb, batch_size=batch_size, resolve=False)
        stored = time.perf_counter() - started
        started = time.perf_counter()
        ingest_extractions([], store=kb)  # resolves the whole knowledge base
        resolved = time.perf_counter() - started
        assert report.added == len(docs), report.line()
        started = time.perf_counter()
        again = ingest_extractions(docs, store=kb, batch_size=batch_size)
        unchanged = time.perf_counter() - started
        assert again.unchanged == len(docs)
    return {"store": len(docs) / stored, "resolve_s": resolved, "total": len(docs) / (stored + resolved),
            "reingest": len(docs) / unchanged}


def bench_e2e(url: str, folder: Path, n: int) -> dict[str, float]:
    with open_store(url) as kb:
        started = time.perf_counter()
        report = ingest_files([folder], store=kb, settings=Settings())
        elapsed = time.perf_counter() - started
        assert report.added == n, report.line()
    return {"e2e": n / elapsed}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="pre-extracted documents (default 2000)")
    parser.add_argument("--articles", type=int, default=40, help="articles end to end (default 40)")
    parser.add_argument("--batch-size", type=int, default=64, help="documents per transaction (default 64)")
    parser.add_argument("--skip-e2e", action="store_true", help="only the pre-extracted ingest")
    args = parser.parse_args(argv)

    docs = synthetic_corpus(args.docs)
    work = Path(tempfile.mkdtemp(prefix="legation-bench-"))
    pg = Postgres()
    why_not = pg.start()
    backends = [("SQLite", lambda: str(work / f"kb-{uuid.uuid4().hex[:6]}.db"))]
    if why_not is None:
        backends.append(("PostgreSQL", pg.database))
    else:
        print(f"PostgreSQL: skipped ({why_not})")
    try:
        if not args.skip_e2e:
            from legation.nlp import load_pipeline

            load_pipeline(Settings())  # model loading is not ingest speed
            folder = article_files(work / "articles", args.articles)
        for name, make_url in backends:
            r = bench_stored(make_url(), docs, args.batch_size)
            print(f"{name:<10} pre-extracted: {r['store']:8.1f} docs/s stored, resolution of {len(docs)} docs "
                  f"{r['resolve_s']:.1f} s, {r['total']:8.1f} docs/s with resolution; "
                  f"re-ingest unchanged {r['reingest']:8.1f} docs/s")
            if not args.skip_e2e:
                e = bench_e2e(make_url(), folder, args.articles)
                print(f"{name:<10} end to end   : {e['e2e']:8.2f} docs/s ({args.articles} articles through "
                      "the NLP pipeline, stored and resolved)")
    finally:
        pg.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
