"""A walking order through a start area: nearest neighbour, then 2-opt on a neighbour list.

The route is an open path from a fixed start point (the depot, never moved). Addresses of one
object share a point, so the route is planned over distinct points and every address at a
point is visited there, one after another: the walk never returns to a doorstep it has left.
Neighbour lists (a k-d tree) keep 2-opt near-linear: only moves that join a point to one of
its nearest neighbours are tried, which is where almost all the gain is.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree

NEIGHBOURS = 10  # candidates per point for 2-opt; more barely shortens the walk


@dataclass
class Route:
    order: np.ndarray  # indices into the input points: a permutation
    length_m: float  # from the start point through every point in ``order``


def path_length(points: np.ndarray, order, start=None) -> float:
    """Length of walking ``points`` in ``order`` (from ``start`` when given), in metres."""
    pts = np.asarray(points, dtype=float)[np.asarray(order, dtype=np.int64)]
    if start is not None and len(pts):
        pts = np.vstack([np.asarray(start, dtype=float).reshape(1, 2), pts])
    if len(pts) < 2:
        return 0.0
    return float(np.sqrt((np.diff(pts, axis=0) ** 2).sum(axis=1)).sum())


def walking_order(points, start=None, tie_order=None) -> Route:
    """Visit every point once, starting at ``start`` (default: the first point).

    ``tie_order`` (a sort key per point) orders the points that share a location (e.g. the
    rank in street order); by default the input order is kept.
    """
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    n = len(pts)
    if n == 0:
        return Route(np.zeros(0, dtype=np.int64), 0.0)
    depot = pts[0] if start is None else np.asarray(start, dtype=float).reshape(2)
    unique, inverse = np.unique(pts, axis=0, return_inverse=True)
    inverse = inverse.reshape(-1)
    nodes = np.vstack([depot.reshape(1, 2), unique])  # node 0 is the depot
    tour = _nearest_neighbour(nodes)
    tour = _two_opt(nodes, tour)
    rank = np.empty(len(nodes), dtype=np.int64)
    rank[tour] = np.arange(len(tour))
    ties = np.arange(n) if tie_order is None else np.argsort(np.asarray(tie_order), kind="stable")
    secondary = np.empty(n, dtype=np.int64)
    secondary[ties] = np.arange(n)
    order = np.lexsort((secondary, rank[inverse + 1]))
    return Route(order.astype(np.int64), path_length(pts, order, depot))


def _nearest_neighbour(nodes: np.ndarray) -> list[int]:
    n = len(nodes)
    tree = cKDTree(nodes)
    visited = np.zeros(n, dtype=bool)
    visited[0] = True
    tour = [0]
    current = 0
    k = 8
    for _ in range(n - 1):
        nxt = -1
        kk = k
        while nxt < 0:
            kk = min(kk, n)
            _, idx = tree.query(nodes[current], k=kk)
            for j in np.atleast_1d(idx):
                if j < n and not visited[j]:
                    nxt = int(j)
                    break
            if nxt < 0:
                if kk == n:
                    nxt = int(np.flatnonzero(~visited)[0])
                kk *= 4
        visited[nxt] = True
        tour.append(nxt)
        current = nxt
    return tour


def _two_opt(nodes: np.ndarray, tour: list[int]) -> list[int]:
    """2-opt with neighbour lists and don't-look bits on an open path whose first node is fixed."""
    n = len(tour)
    if n < 4:
        return tour
    k = min(NEIGHBOURS + 1, n)
    _, nbr = cKDTree(nodes).query(nodes, k=k)
    neighbours = [list(map(int, row[1:])) for row in nbr]
    xs = nodes[:, 0].tolist()
    ys = nodes[:, 1].tolist()

    def dist(a: int, b: int) -> float:
        return math.hypot(xs[a] - xs[b], ys[a] - ys[b])

    pos = [0] * n
    for i, node in enumerate(tour):
        pos[node] = i
    queue = deque(tour)
    queued = [True] * n
    last = n - 1

    def reverse(i: int, j: int) -> None:
        tour[i : j + 1] = tour[i : j + 1][::-1]
        for p in range(i, j + 1):
            pos[tour[p]] = p

    def wake(*cities: int) -> None:
        for c in cities:
            if not queued[c]:
                queued[c] = True
                queue.append(c)

    while queue:
        a = queue.popleft()
        queued[a] = False
        improved = True
        while improved:
            improved = False
            i = pos[a]
            # a -> succ(a): replace (a, b) and (c, d) by (a, c) and (b, d)
            if i < last:
                b = tour[i + 1]
                d_ab = dist(a, b)
                for c in neighbours[a]:
                    d_ac = dist(a, c)
                    if d_ac >= d_ab:
                        break
                    j = pos[c]
                    if j > i + 1:
                        if j < last:
                            e = tour[j + 1]
                            gain = d_ab + dist(c, e) - d_ac - dist(b, e)
                        else:
                            e, gain = -1, d_ab - d_ac
                        if gain > 1e-9:
                            reverse(i + 1, j)
                            wake(a, b, c, *((e,) if e >= 0 else ()))
                            improved = True
                            break
                    elif j < i:
                        e = tour[j + 1]  # c -> e ... a -> b  becomes  c -> a ... e -> b
                        gain = dist(c, e) + d_ab - d_ac - dist(e, b)
                        if gain > 1e-9:
                            reverse(j + 1, i)
                            wake(a, b, c, e)
                            improved = True
                            break
            if improved:
                continue
            # pred(a) -> a: replace (p, a) and (c, s) by (p, c)... mirrored: join a with c
            if i > 0:
                p = tour[i - 1]
                d_pa = dist(p, a)
                for c in neighbours[a]:
                    d_ac = dist(a, c)
                    if d_ac >= d_pa:
                        break
                    j = pos[c]
                    if 0 < j < i - 1:
                        q = tour[j - 1]  # q -> c ... p -> a  becomes  q -> p ... c -> a
                        gain = dist(q, c) + d_pa - dist(q, p) - d_ac
                        if gain > 1e-9:
                            reverse(j, i - 1)
                            wake(a, p, c, q)
                            improved = True
                            break
                    elif j > i:
                        # p -> a ... c -> s  becomes  p -> c ... a -> s
                        if j < last:
                            s = tour[j + 1]
                            gain = d_pa + dist(c, s) - dist(p, c) - dist(a, s)
                        else:
                            s, gain = -1, d_pa - dist(p, c)
                        if gain > 1e-9:
                            reverse(i, j)
                            wake(a, p, c, *((s,) if s >= 0 else ()))
                            improved = True
                            break
    return tour
