"""Speed of the date and figure components, model-free, in characters per second.

The text is our own: a paragraph in the genre's shapes (flows with periods,
growth rates, shares, relative dates), repeated to article sizes from a short
wire item to a very long report, so a non-linear step shows up as a falling
rate.  The entity lists are built by hand, as the entity component would
report them.  Usage: ``python benchmarks/figures.py [--sizes 1,10,100,1000]``.
"""

from __future__ import annotations

import argparse
import re
import time
import tracemalloc

from legation.models import Place
from legation.nlp.dates import analyse_time
from legation.nlp.figures import extract_figures, lexicon
from legation.nlp.sides import ActorIndex

PARAGRAPH = (
    "Vietnam's exports to Peru reached US$245 million in 2018, up 12 percent from 2017. "
    "Imports from Peru were $98 million in the first half of 2019, while two-way trade hit $400 million last year. "
    "The minister met his counterpart on Tuesday and said the city contributes about 23 percent of the GDP.\n\n")


def places(text: str) -> list[Place]:
    def spans(word: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in re.finditer(word, text)]

    return [Place(id="L1", name="Vietnam", kind="country", country="VN", mentions=spans("Vietnam")),
            Place(id="L2", name="Peru", kind="country", country="PE", mentions=spans("Peru"))]


def run(repeats: int) -> tuple[int, float, float, int, int, float]:
    text = PARAGRAPH * repeats
    index = ActorIndex(text, places(text), [], [], anaphors=lexicon()["anaphors"])
    tracemalloc.start()
    t0 = time.perf_counter()
    analysis = analyse_time(text, "2024-08-23")
    t1 = time.perf_counter()
    figures = extract_figures(text, index, analysis)
    t2 = time.perf_counter()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return len(text), t1 - t0, t2 - t1, len(analysis.mentions), len(figures), peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,10,100,1000", help="paragraph repeats, comma-separated")
    args = ap.parse_args()
    run(1)  # warm up: word lists and compiled patterns
    print(f"{'chars':>9} {'dates/s (chars)':>16} {'figures/s (chars)':>18} {'dates':>6} {'figures':>8} {'peak MB':>8}")
    for n in (int(x) for x in args.sizes.split(",")):
        chars, t_dates, t_figs, n_dates, n_figs, peak = run(n)
        print(f"{chars:>9} {chars / t_dates:>16,.0f} {chars / t_figs:>18,.0f} {n_dates:>6} {n_figs:>8} {peak:>8.1f}")


if __name__ == "__main__":
    main()
