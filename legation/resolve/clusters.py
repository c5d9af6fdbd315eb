"""Union-find with constraints and explanations: the one way records become entities.

Each kind (people, organizations, places, events) supplies a per-record
*summary* (name forms, countries, documents...), a way to combine two
summaries, and a *veto* that says why two clusters may not be joined.  A
rule asks to join two records with its name and evidence; the join happens
only when no veto applies, and then the link (rule + evidence) is kept, so
every merge can be shown and undone.

Analyst splits are vetoes that no rule can override: each split decision tags
the records of its two sides, and clusters holding opposite tags never join.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

S = TypeVar("S")


@dataclass(slots=True)
class Join:
    a: int
    b: int
    rule: str
    evidence: str


@dataclass(slots=True)
class Clusters(Generic[S]):
    """Records 0..n-1, joined by rules under vetoes."""

    summaries: list[S]
    combine: Callable[[S, S], S]
    veto: Callable[[S, S], str | None]
    splits: list[set[tuple[int, str]]] = field(default_factory=list)
    parent: list[int] = field(default_factory=list)
    joins: list[Join] = field(default_factory=list)
    refused: list[tuple[Join, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.parent = list(range(len(self.summaries)))
        if not self.splits:
            self.splits = [set() for _ in self.summaries]

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:  # path compression
            self.parent[i], i = root, self.parent[i]
        return root

    def summary(self, i: int) -> S:
        return self.summaries[self.find(i)]

    def why_not(self, i: int, j: int) -> str | None:
        """The veto against joining the clusters of ``i`` and ``j``, or None when they may join."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return None
        for tag, side in self.splits[ri]:
            if (tag, "b" if side == "a" else "a") in self.splits[rj]:
                return f"an analyst split them (decision {tag})"
        return self.veto(self.summaries[ri], self.summaries[rj])

    def join(self, i: int, j: int, rule: str, evidence: str) -> bool:
        """Join the clusters of ``i`` and ``j`` unless vetoed; True when they are now one."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        reason = self.why_not(i, j)
        if reason is not None:
            self.refused.append((Join(i, j, rule, evidence), reason))
            return False
        if rj < ri:
            ri, rj = rj, ri
        self.parent[rj] = ri
        self.summaries[ri] = self.combine(self.summaries[ri], self.summaries[rj])
        self.splits[ri] |= self.splits[rj]
        self.joins.append(Join(i, j, rule, evidence))
        return True

    def groups(self) -> list[list[int]]:
        """The clusters, each a sorted list of record indexes, in order of their first record."""
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return sorted(out.values(), key=lambda g: g[0])
