"""Breaking cycles in a directed graph: an order of its nodes that as few and as light edges
as possible run against (a small feedback arc set), for drawing the graph in layers."""

from __future__ import annotations

import heapq
from typing import Any


def greedy_sequence(members: list[int], pairs: list[tuple[int, int]],
                     weights: dict[tuple[int, int], float]) -> dict[int, int]:
    """{node: its place in a sequence that few and light edges run against}.

    Eades, Lin and Smyth's greedy heuristic: sinks go to the end, sources to the front, and
    otherwise the node with the most weight going out rather than in goes to the front.
    Linear in the graph's size (up to the heaps' logarithm); ties go to the lower number."""
    return _Sequencer(members, pairs, weights).run()


class _Sequencer:
    """Heaps with lazy deletion: an entry is used only if it still tells the truth."""

    def __init__(self, members: list[int], pairs: list[tuple[int, int]],
                 weights: dict[tuple[int, int], float]) -> None:
        self.succ: dict[int, dict[int, float]] = {n: {} for n in members}
        self.pred: dict[int, dict[int, float]] = {n: {} for n in members}
        for a, b in pairs:
            self.succ[a][b] = self.pred[b][a] = weights.get((a, b), 1.0)
        self.remaining = set(members)
        self.sinks = [n for n in members if not self.succ[n]]
        self.sources = [n for n in members if not self.pred[n] and self.succ[n]]
        self.heavy = [(-self._balance(n), n) for n in members]
        for heap in (self.sinks, self.sources, self.heavy):
            heapq.heapify(heap)

    def run(self) -> dict[int, int]:
        front: list[int] = []
        back: list[int] = []
        while self.remaining:
            node = self._pop(self.sinks, lambda n: not self.succ[n])
            if node is not None:
                back.append(node)
            else:
                node = self._pop(self.sources, lambda n: not self.pred[n])
                if node is None:
                    node = self._heaviest()
                front.append(node)
            self._remove(node)
        sequence = front + back[::-1]
        return {node: place for place, node in enumerate(sequence)}

    def _balance(self, node: int) -> float:
        return sum(self.succ[node].values()) - sum(self.pred[node].values())

    def _pop(self, heap: list[int], holds: Any) -> int | None:
        while heap:
            node = heapq.heappop(heap)
            if node in self.remaining and holds(node):
                return node
        return None

    def _heaviest(self) -> int:
        while True:
            score, node = heapq.heappop(self.heavy)
            if node in self.remaining and -score == self._balance(node):
                return node

    def _remove(self, node: int) -> None:
        self.remaining.discard(node)
        touched = set(self.succ[node]) | set(self.pred[node])
        for nxt in self.succ[node]:
            del self.pred[nxt][node]
        for prev in self.pred[node]:
            del self.succ[prev][node]
        self.succ[node].clear()
        self.pred[node].clear()
        for near in sorted(touched):
            if not self.succ[near]:
                heapq.heappush(self.sinks, near)
            elif not self.pred[near]:
                heapq.heappush(self.sources, near)
            heapq.heappush(self.heavy, (-self._balance(near), near))
