"""Walking order: a permutation from the start point, shorter than the plain order."""

from __future__ import annotations

import numpy as np
import pytest

from domain.planning.route import path_length, walking_order


def test_points_on_a_line_are_walked_in_order():
    rng = np.random.default_rng(1)
    xs = rng.permutation(10).astype(float) * 10.0
    points = np.column_stack([xs, np.zeros(10)])
    route = walking_order(points, start=(-10.0, 0.0))
    assert np.array_equal(points[route.order][:, 0], np.arange(10) * 10.0)
    assert route.length_m == pytest.approx(100.0)  # 10 m to the first, then 9 steps of 10 m


def test_route_is_a_permutation_from_the_start():
    rng = np.random.default_rng(3)
    points = rng.uniform(0, 2000, size=(800, 2))
    start = (1000.0, 1000.0)
    route = walking_order(points, start=start)
    assert sorted(route.order.tolist()) == list(range(800))
    assert route.length_m == pytest.approx(path_length(points, route.order, start))
    plain = path_length(points, np.arange(800), start)
    assert route.length_m < 0.2 * plain  # random order is very long; a tour is not
    nn_only = path_length(points, np.argsort(points[:, 0]), start)
    assert route.length_m < nn_only


def test_shared_points_are_visited_together_in_tie_order():
    points = np.array([[0, 0], [50, 0], [0, 0], [100, 0], [0, 0]], dtype=float)
    # keys per point: at (0, 0) point 2 (key 1) comes before 0 (key 2) and 4 (key 4)
    route = walking_order(points, start=(-1.0, 0.0), tie_order=[2, 0, 1, 3, 4])
    assert route.order.tolist() == [2, 0, 4, 1, 3]
    assert route.length_m == pytest.approx(1 + 100)
    assert walking_order(points, start=(-1.0, 0.0)).order.tolist() == [0, 2, 4, 1, 3]


def test_empty_and_single():
    assert walking_order(np.zeros((0, 2))).order.tolist() == []
    one = walking_order(np.array([[5.0, 5.0]]), start=(5.0, 8.0))
    assert one.order.tolist() == [0]
    assert one.length_m == pytest.approx(3.0)
