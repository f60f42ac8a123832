"""The path search behind probable supply chains, on plain integers for speed.

Companies are numbered 0..n-1 and links 0..m-1; a link has a seller, a buyer, a day (ordinal,
or -1 when undated), a status rank (0 documented, 1 probable, 2 hypothesis) and evidence
points. The search finds simple paths from a start company to target companies:

- **iterative deepening**: pass k finds the paths of exactly k links, so that when the step
  budget runs out the paths missed are the longest ones;
- **dates run forward**: a dated link cannot follow a path whose latest date is later
  (undated links may follow anything and do not move the clock);
- **pruning**: a company from which no target can be reached is never entered, nor one that
  cannot reach a target within the remaining length; a path that can no longer beat the
  best `max_paths` found so far is abandoned (its status and weakest evidence only get worse);
- **bounds**: at most `max_steps` links are examined in all.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

# Best first: weakest status, weakest step's points (negated), points per step (negated),
# links, undated steps, then the link numbers (stable).
Rank = tuple[int, int, float, int, int, tuple[int, ...]]


@dataclass(frozen=True)
class LinkTable:
    """The links as parallel lists, indexed by link number."""

    sellers: Sequence[int]
    buyers: Sequence[int]
    days: Sequence[int]  # date ordinal, -1 when undated
    statuses: Sequence[int]
    points: Sequence[int]


@dataclass(frozen=True)
class PathResult:
    paths: tuple[tuple[int, ...], ...]  # link numbers, best first
    paths_found: int
    stopped: bool  # the step budget ran out
    deeper: bool  # a path could have gone on past the longest length allowed


def search_paths(links: LinkTable, companies: int, start: int, targets: Sequence[bool], *,
                 max_depth: int, max_steps: int, max_paths: int) -> PathResult:
    """The best `max_paths` simple paths from `start` to a target (see the module)."""
    return _Search(links, companies, targets, max_depth, max_steps, max_paths).run(start)


class _Search:
    def __init__(self, links: LinkTable, companies: int, targets: Sequence[bool],
                 max_depth: int, max_steps: int, max_paths: int) -> None:
        self.links, self.targets = links, targets
        self.max_depth, self.max_steps, self.max_paths = max_depth, max_steps, max_paths
        self.distance = _distance_to_targets(links, companies, targets)
        self.dated_days: list[list[int]] = [[] for _ in range(companies)]
        self.dated: list[list[int]] = [[] for _ in range(companies)]
        self.undated: list[list[int]] = [[] for _ in range(companies)]
        self._index()
        self.on_path = bytearray(companies)
        self.path: list[int] = []
        self.steps = 0
        self.stopped = self.deeper = False
        self.length = 0
        self.found = 0
        self.best: list[_Worse] = []  # the best paths so far, the worst of them on top
        self.bar: tuple[int, int] | None = None  # (status, -points) no path may be worse than

    def _index(self) -> None:
        links, reachable = self.links, self.distance
        order = sorted(range(len(links.sellers)), key=lambda i: (links.days[i], i))
        for i in order:
            if reachable[links.buyers[i]] < 0:
                continue  # leads nowhere: never worth examining
            seller = links.sellers[i]
            if links.days[i] < 0:
                self.undated[seller].append(i)
            else:
                self.dated_days[seller].append(links.days[i])
                self.dated[seller].append(i)

    def run(self, start: int) -> PathResult:
        if self.distance[start] >= 0:
            self.on_path[start] = 1
            for length in range(1, self.max_depth + 1):
                self.length, self.deeper = length, False
                self._extend(start, 1, -1, 0, 1 << 30, 0, 0)
                if self.stopped or not self.deeper:
                    break
        ranked = sorted(entry.rank for entry in self.best)
        return PathResult(tuple(r[5] for r in ranked), self.found, self.stopped, self.deeper)

    def _candidates(self, node: int, since: int) -> list[int]:
        first = bisect_left(self.dated_days[node], since) if since >= 0 else 0
        dated = self.dated[node]
        return (dated[first:] if first else dated) + self.undated[node]

    def _extend(self, node: int, depth: int, since: int, status: int, weakest: int,
                total: int, undated: int) -> None:
        links, distance, on_path, path = self.links, self.distance, self.on_path, self.path
        for i in self._candidates(node, since):
            self.steps += 1
            if self.steps > self.max_steps:
                self.stopped = True
                return
            buyer = links.buyers[i]
            if on_path[buyer]:
                continue
            step_status, step_points = max(status, links.statuses[i]), links.points[i]
            step_weakest = min(weakest, step_points)
            if self.bar is not None and (step_status, -step_weakest) > self.bar:
                continue  # cannot enter the best max_paths any more
            if depth + distance[buyer] > self.length:
                self.deeper = True
                continue
            day = links.days[i]
            path.append(i)
            if depth == self.length:
                if self.targets[buyer]:
                    self._keep((step_status, -step_weakest, -(total + step_points) / depth,
                                depth, undated + (day < 0), tuple(path)))
                if not self.deeper:
                    self._look_further(buyer, day if day >= 0 else since)
            else:
                on_path[buyer] = 1
                self._extend(buyer, depth + 1, day if day >= 0 else since, step_status,
                             step_weakest, total + step_points, undated + (day < 0))
                on_path[buyer] = 0
            path.pop()
            if self.stopped:
                return

    def _look_further(self, node: int, since: int) -> None:
        """Whether a path ending at `node` could go on (for the next pass)."""
        for i in self._candidates(node, since):
            if not self.on_path[self.links.buyers[i]] and self.links.buyers[i] != node:
                self.deeper = True
                return

    def _keep(self, rank: Rank) -> None:
        self.found += 1
        if len(self.best) < self.max_paths:
            heapq.heappush(self.best, _Worse(rank))
        elif rank < self.best[0].rank:
            heapq.heapreplace(self.best, _Worse(rank))
        else:
            return
        if len(self.best) == self.max_paths:
            worst = self.best[0].rank
            self.bar = (worst[0], worst[1])


class _Worse:
    """A rank ordered backwards, so that heapq's smallest is the worst path kept."""

    __slots__ = ("rank",)

    def __init__(self, rank: Rank) -> None:
        self.rank = rank

    def __lt__(self, other: _Worse) -> bool:
        return self.rank > other.rank


def _distance_to_targets(links: LinkTable, companies: int, targets: Sequence[bool]
                         ) -> list[int]:
    """Fewest links from each company to a target, ignoring dates (-1: none reachable)."""
    sellers_of: list[list[int]] = [[] for _ in range(companies)]
    for seller, buyer in zip(links.sellers, links.buyers, strict=True):
        sellers_of[buyer].append(seller)
    distance = [0 if target else -1 for target in targets]
    queue = deque(node for node in range(companies) if targets[node])
    while queue:
        node = queue.popleft()
        for seller in sellers_of[node]:
            if distance[seller] < 0:
                distance[seller] = distance[node] + 1
                queue.append(seller)
    return distance
