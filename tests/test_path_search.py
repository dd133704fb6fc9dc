"""The route search's own Dijkstra, Yen and reach agree with networkx on random graphs."""

from __future__ import annotations

import random

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from career_explorer.services.path_search import (
    bidirectional_dijkstra,
    reach,
    reverse,
    shortest_simple_paths,
    within_hops,
)

EDGES = st.lists(
    st.tuples(st.integers(0, 9), st.integers(0, 9), st.sampled_from([0.0, 0.5, 1.0, 1.3, 2.0, 3.7, None])),
    max_size=45,
)


def graphs(edges):
    """The same random graph as the searches' {node: {neighbour: cost}} and as networkx's; a None weight
    hides the edge, which our graph leaves out and networkx skips through `weight`."""
    ours: dict = {n: {} for n in range(10)}
    theirs = nx.DiGraph()
    theirs.add_nodes_from(range(10))
    for a, b, w in edges:
        if a == b:
            continue
        if w is not None:
            ours[a][b] = w
        elif b in ours[a]:
            del ours[a][b]
        theirs.add_edge(a, b, w=w)
    return ours, theirs


def weight(u, v, data):
    return data["w"]  # None hides the edge, as in networkx


def cost(graph, path):
    return sum(graph[a][b] for a, b in zip(path, path[1:]))


@settings(max_examples=150, deadline=None)
@given(EDGES, st.integers(0, 9), st.integers(0, 9))
def test_k_shortest_simple_paths_come_in_the_same_cost_order_as_networkx(edges, source, target):
    ours, theirs = graphs(edges)
    if source == target:
        return
    mine = list(shortest_simple_paths(ours, source, target))[:12]
    try:
        expected = [p for _, p in zip(range(12), nx.shortest_simple_paths(theirs, source, target, weight=weight))]
    except nx.NetworkXNoPath:
        expected = []
    assert [round(cost(ours, p), 9) for p in mine] == [round(cost(ours, p), 9) for p in expected]
    for path in mine:
        assert path[0] == source and path[-1] == target and len(set(path)) == len(path)
        assert all(b in ours[a] for a, b in zip(path, path[1:]))  # never along a hidden edge
    assert len({tuple(p) for p in mine}) == len(mine)


@settings(max_examples=150, deadline=None)
@given(EDGES, st.integers(0, 9), st.integers(0, 9))
def test_the_two_sided_search_finds_the_cheapest_cost_and_a_path_of_that_cost(edges, source, target):
    ours, theirs = graphs(edges)
    found = bidirectional_dijkstra(ours, reverse(ours), source, target)
    try:
        expected = nx.dijkstra_path_length(theirs, source, target, weight=weight)
    except nx.NetworkXNoPath:
        expected = None
    assert (None if found is None else pytest.approx(found[0])) == expected
    if found is not None:
        assert found[1][0] == source and found[1][-1] == target
        assert cost(ours, found[1]) == pytest.approx(found[0])


@settings(max_examples=100, deadline=None)
@given(EDGES, st.integers(0, 9))
def test_reach_counts_steps_like_breadth_first_search(edges, source):
    ours, theirs = graphs(edges)
    theirs.remove_edges_from([(a, b) for a, b, w in theirs.edges(data="w") if w is None])
    assert reach(ours, source) == nx.single_source_shortest_path_length(theirs, source)


@settings(max_examples=100, deadline=None)
@given(EDGES, st.integers(0, 9), st.integers(0, 9))
def test_a_cost_ceiling_only_drops_the_paths_above_it(edges, source, target):
    ours, _ = graphs(edges)
    if source == target:
        return
    every = list(shortest_simple_paths(ours, source, target))
    bounded = list(shortest_simple_paths(ours, source, target, stretch=lambda best: best * 1.5 + 0.5))
    if not every:
        assert bounded == []
        return
    ceiling = cost(ours, every[0]) * 1.5 + 0.5
    assert [round(cost(ours, p), 9) for p in bounded] == [
        round(cost(ours, p), 9) for p in every if cost(ours, p) <= ceiling + 1e-9]


def taken_paths(graph, source, target, wanted, shunned, use_horizon):
    """The paths a caller takes: `wanted` that avoid the `shunned` nodes, stopping early at a path of
    more than three steps; and how often its horizon (when it gives one) cut searches short."""
    taken: list = []
    cut = 0

    def kept(paths):
        return sum(not shunned & set(p) for p in paths)

    def horizon(waiting):
        nonlocal cut
        left = wanted - kept(taken)
        for cost, path in waiting:
            left -= not shunned & set(path)
            if len(path) > 4 or left <= 0:
                cut += 1
                return cost
        return float("inf")

    for path in shortest_simple_paths(graph, source, target, horizon=horizon if use_horizon else None):
        taken.append(path)
        if len(path) > 4 or kept(taken) >= wanted:
            break
    return taken, cut


def test_a_horizon_never_changes_the_paths_the_caller_takes():
    """The paths the caller sees, ties included, are the same with its horizon as without. Seeded dense
    graphs rather than hypothesis's: a horizon only bites when many paths wait."""
    rng = random.Random(20240501)
    cuts = 0
    for _ in range(1500):
        graph: dict = {n: {} for n in range(10)}
        for _ in range(40):
            a, b = rng.randrange(10), rng.randrange(10)
            if a != b:
                graph[a][b] = rng.choice([0.0, 0.5, 1.0, 1.3, 2.0, 3.7])
        source, target, wanted = rng.randrange(10), rng.randrange(10), rng.randint(1, 6)
        shunned = set(rng.sample(range(10), rng.randint(0, 2)))
        if source == target:
            continue
        plain, _ = taken_paths(graph, source, target, wanted, shunned, use_horizon=False)
        mine, cut = taken_paths(graph, source, target, wanted, shunned, use_horizon=True)
        assert mine == plain, (graph, source, target, wanted, shunned)
        cuts += cut
    assert cuts > 500  # the horizon did cut searches short


@settings(max_examples=150, deadline=None)
@given(EDGES, st.integers(0, 9), st.integers(0, 9), st.integers(0, 5))
def test_within_hops_says_whether_a_path_of_at_most_that_many_steps_exists(edges, source, target, limit):
    ours, theirs = graphs(edges)
    theirs.remove_edges_from([(a, b) for a, b, w in theirs.edges(data="w") if w is None])
    try:
        steps = nx.shortest_path_length(theirs, source, target)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        steps = None
    assert within_hops(ours, reverse(ours), source, target, limit) == (steps is not None and steps <= limit)
