"""Ruled tables: pdfplumber's table finder, with its three costly steps done in linear time.

pdfplumber finds a ruled table from the intersections of its ruling lines: it pairs every vertical
edge with every horizontal one (sorting the horizontal edges again for each), then for every
intersection rebuilds, for every pair of candidate corners, the sets of edges through them, then
groups the cells into tables in repeated passes; a table of a few hundred cells costs seconds (the
11-page real report in ``../shared/real-pdfs`` spent 2.4 of its 3.3 seconds there).
:class:`TableFinder` is pdfplumber's, step for step (its edges and its ``Table`` objects), with
:func:`edges_to_intersections`, :func:`intersections_to_cells` and :func:`cells_to_tables`
replaced by the same computations done once each (sorted once, edge sets built once, corners
looked up, groups by union-find): the same tables.  A test compares the two on every page of the
PDF corpus and of real reports.
"""
from __future__ import annotations

import pdfplumber.table as _pdfplumber_table
from pdfplumber.utils import obj_to_bbox

SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def edges_to_intersections(edges: list[dict], x_tolerance: float = 1,
                           y_tolerance: float = 1) -> dict:
    """Exactly :func:`pdfplumber.table.edges_to_intersections` (same points, same edge lists in
    the same order), with the horizontal edges sorted once and only those within reach of each
    vertical edge's height looked at."""
    from bisect import bisect_left, bisect_right
    from operator import itemgetter

    intersections: dict = {}
    v_edges = [e for e in edges if e["orientation"] == "v"]
    h_edges = sorted((e for e in edges if e["orientation"] == "h"), key=itemgetter("top", "x0"))
    tops = [h["top"] for h in h_edges]
    for v in sorted(v_edges, key=itemgetter("x0", "top")):
        # v.top <= h.top + tol and v.bottom >= h.top - tol
        lo = bisect_left(tops, v["top"] - y_tolerance)
        hi = bisect_right(tops, v["bottom"] + y_tolerance)
        for h in h_edges[lo:hi]:
            if (v["top"] <= h["top"] + y_tolerance and v["bottom"] >= h["top"] - y_tolerance
                    and h["x0"] - x_tolerance <= v["x0"] <= h["x1"] + x_tolerance):
                vertex = (v["x0"], h["top"])
                if vertex not in intersections:
                    intersections[vertex] = {"v": [], "h": []}
                intersections[vertex]["v"].append(v)
                intersections[vertex]["h"].append(h)
    return intersections


def intersections_to_cells(intersections: dict) -> list[tuple]:
    """Exactly :func:`pdfplumber.table.intersections_to_cells`, fast."""
    vertical = {p: frozenset(map(obj_to_bbox, e["v"])) for p, e in intersections.items()}
    horizontal = {p: frozenset(map(obj_to_bbox, e["h"])) for p, e in intersections.items()}

    def connects(p1, p2) -> bool:
        if p1[0] == p2[0] and not vertical[p1].isdisjoint(vertical[p2]):
            return True
        return p1[1] == p2[1] and not horizontal[p1].isdisjoint(horizontal[p2])

    points = sorted(intersections)
    column: dict = {}          # x -> the points on it, in sorted order (top to bottom)
    row: dict = {}             # top -> the points on it, in sorted order (left to right)
    for p in points:
        column.setdefault(p[0], []).append(p)
        row.setdefault(p[1], []).append(p)
    place_in_column = {p: i for pts in column.values() for i, p in enumerate(pts)}
    place_in_row = {p: i for pts in row.values() for i, p in enumerate(pts)}
    cells = []
    for pt in points[:-1]:
        below = column[pt[0]][place_in_column[pt] + 1:]
        right = row[pt[1]][place_in_row[pt] + 1:]
        cell = None
        for below_pt in below:
            if not connects(pt, below_pt):
                continue
            for right_pt in right:
                if not connects(pt, right_pt):
                    continue
                corner = (right_pt[0], below_pt[1])
                if corner in intersections and connects(corner, right_pt) \
                        and connects(corner, below_pt):
                    cell = (pt[0], pt[1], corner[0], corner[1])
                    break
            if cell:
                break
        if cell:
            cells.append(cell)
    return cells


def cells_to_tables(cells: list[tuple]) -> list[list[tuple]]:
    """Exactly :func:`pdfplumber.table.cells_to_tables`, fast: the tables are the groups of cells
    connected through shared corners (pdfplumber grows each group pass after pass until it stops
    growing), ordered by their top-left cell, single cells dropped.  A table's cells are ordered as
    pdfplumber's ``Table`` orders them anyway (by top, then left)."""
    parent = list(range(len(cells)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_at: dict = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            j = first_at.setdefault(corner, i)
            if j != i:
                parent[root(i)] = root(j)
    groups: dict[int, list[tuple]] = {}
    for i, cell in enumerate(cells):
        groups.setdefault(root(i), []).append(cell)
    tables = sorted(groups.values(), key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


class TableFinder(_pdfplumber_table.TableFinder):
    """pdfplumber's ``TableFinder`` with the fast :func:`intersections_to_cells`."""

    def __init__(self, page, settings=None):
        self.page = page
        self.settings = _pdfplumber_table.TableSettings.resolve(settings)
        self.edges = self.get_edges()
        self.intersections = edges_to_intersections(
            self.edges, self.settings.intersection_x_tolerance,
            self.settings.intersection_y_tolerance)
        self.cells = intersections_to_cells(self.intersections)
        self.tables = [_pdfplumber_table.Table(self.page, group)
                       for group in cells_to_tables(self.cells)]


def find_tables(page) -> list:
    """The tables of a pdfplumber page drawn with ruling lines (pdfplumber's lines strategy)."""
    return TableFinder(page, SETTINGS).tables
