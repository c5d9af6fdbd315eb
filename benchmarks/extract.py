"""Extraction speed and memory: documents per second through the whole NLP pipeline.

    python benchmarks/extract.py [--repeat N]

Reads the invented articles under tests/fixtures/ (and examples/), runs them through
``legation.extract_files`` with the statistical model and with the rules alone
(``--model blank``), and prints documents per second, characters per second and the
peak resident memory.  A second part times one long document made of all the articles
together, at 1x and 4x its length, to show that the rules stay linear in length.
Pipeline loading is timed separately: it happens once per process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from legation.ingest import iter_documents  # noqa: E402
from legation.models import SourceDocument  # noqa: E402
from legation.nlp import BLANK, analyse, load_pipeline  # noqa: E402
from legation.settings import Settings  # noqa: E402


def articles() -> list[SourceDocument]:
    paths = [ROOT / "tests" / "fixtures" / name for name in ("articles", "heldout", "blind", "blind2", "events")]
    paths = [p for p in paths if p.is_dir()] + [ROOT / "examples"]
    settings = Settings()
    return [d for d in iter_documents(paths, settings=settings) if isinstance(d, SourceDocument)]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(model: str, docs: list[SourceDocument], repeat: int) -> None:
    settings = Settings(model=model)
    t0 = time.perf_counter()
    load_pipeline(settings)
    load = time.perf_counter() - t0
    chars = sum(len(d.text) for d in docs) * repeat
    t0 = time.perf_counter()
    n = sum(1 for _ in analyse(docs * repeat, settings))
    took = time.perf_counter() - t0
    print(f"{model:>24}: {n} docs in {took:6.1f} s = {n / took:6.1f} docs/s, {chars / took / 1000:7.1f} kchar/s "
          f"(pipeline load {load:4.1f} s; peak RSS {rss_mb():6.0f} MB)")


def long_document(model: str, docs: list[SourceDocument]) -> None:
    settings = Settings(model=model)
    for mult in (1, 4):
        text = "\n\n".join(d.text for d in docs) * 1
        text = "\n\n".join([text] * mult)
        doc = SourceDocument(id="long", source="long", text=text, published="2024-01-01", published_basis="header")
        t0 = time.perf_counter()
        list(analyse([doc], settings))
        took = time.perf_counter() - t0
        print(f"{model:>24}: one document of {len(text) / 1000:6.0f} kchar in {took:6.1f} s "
              f"= {len(text) / took / 1000:6.1f} kchar/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=1, help="run the article set this many times")
    ap.add_argument("--models", default=f"auto,{BLANK}", help="comma-separated model names")
    args = ap.parse_args()
    docs = articles()
    print(f"extraction benchmark: {len(docs)} articles, {sum(len(d.text) for d in docs) / 1000:.0f} kchar")
    for model in args.models.split(","):
        run(model, docs, args.repeat)
    for model in args.models.split(","):
        long_document(model, docs)


if __name__ == "__main__":
    main()
