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

from operator import itemgetter

import pdfplumber.table as _pdfplumber_table
from pdfplumber.container import Container
from pdfplumber.utils import obj_to_bbox

from .pdfium_text import clusters, page_edges

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


def _snap(edges: list[list], at: int, other: int, tolerance: float) -> list[list]:
    """``pdfplumber.utils.snap_objects``: positions (``edges[k][at]``) within ``tolerance`` of the
    next form a cluster; each edge moves by its cluster's mean minus its position (``other``, the
    far side, moves with it); clusters in position order, each in the edges' order.  The lists
    are moved in place."""
    if not edges:
        return []
    cluster = clusters((e[at] for e in edges), tolerance)
    groups: list[list[list]] = [[] for _ in range(max(cluster.values()) + 1)]
    for e in edges:
        groups[cluster[e[at]]].append(e)
    out = []
    for group in groups:
        mean = sum(e[at] for e in group) / len(group)
        for e in group:
            shift = mean - e[at]
            e[at] += shift
            e[other] += shift
            out.append(e)
    return out


def _join(edges: list[list], start: int, end: int, length: int, tolerance: float) -> list[list]:
    """``pdfplumber.table.join_edge_group``: edges on one line, by start, each overlapping or
    within ``tolerance`` of the one before extends it (its length grows by the same amount)."""
    edges = sorted(edges, key=itemgetter(start))
    joined = [edges[0]]
    for e in edges[1:]:
        last = joined[-1]
        if e[start] <= last[end] + tolerance:
            if e[end] > last[end]:
                last[length] = (e[end] - last[0]) if length == 4 else last[5] + (e[end] - last[3])
                last[end] = e[end]
        else:
            joined.append(e)
    return joined


def ruling_edges(objects: dict[str, list[dict]], settings) -> list[dict]:
    """Exactly the edges of pdfplumber's ``TableFinder.get_edges`` for the lines strategy (the
    same positions and lengths, in the same order), computed on plain lists instead of copying
    every edge's dictionary at each step: a page of a few thousand ruled cells has some 100,000
    edges before they are merged."""
    v, h = page_edges(objects, settings.edge_min_length_prefilter)
    v = _snap(v, 0, 1, settings.snap_x_tolerance)           # x0 moves, x1 with it
    h = _snap(h, 2, 3, settings.snap_y_tolerance)           # top moves, bottom with it
    merged: list[tuple[str, list]] = []
    for orientation, edges, at in (("h", h, 2), ("v", v, 0)):       # pdfplumber sorts h first
        lines: dict[float, list[list]] = {}
        for e in edges:
            lines.setdefault(e[at], []).append(e)
        for position in sorted(lines):
            if orientation == "h":
                group = _join(lines[position], 0, 1, 4, settings.join_x_tolerance)
            else:
                group = _join(lines[position], 2, 3, 5, settings.join_y_tolerance)
            merged.extend((orientation, e) for e in group)
    minimum = settings.edge_min_length
    return [{"x0": e[0], "x1": e[1], "top": e[2], "bottom": e[3], "width": e[4],
             "height": e[5], "orientation": o}
            for o, e in merged if e[4 if o == "h" else 5] >= minimum]


class TableFinder(_pdfplumber_table.TableFinder):
    """pdfplumber's ``TableFinder`` with the fast :func:`intersections_to_cells`."""

    def __init__(self, page, settings=None):
        self.page = page
        self.settings = _pdfplumber_table.TableSettings.resolve(settings)
        self.edges = (ruling_edges(page.objects, self.settings) if isinstance(page, Rulings)
                      else self.get_edges())
        self.intersections = edges_to_intersections(
            self.edges, self.settings.intersection_x_tolerance,
            self.settings.intersection_y_tolerance)
        self.cells = intersections_to_cells(self.intersections)
        self.tables = [_pdfplumber_table.Table(self.page, group)
                       for group in cells_to_tables(self.cells)]


class Rulings(Container):
    """What pdfplumber's table finder reads of a page (its lines, rectangles and curves, and the
    edges pdfplumber derives from them), without pdfplumber opening the document: the graphics
    PDFium read (:func:`.pdfium_text.page_graphics`)."""

    def __init__(self, objects: dict[str, list[dict]]):
        self._objects = objects

    @property
    def objects(self) -> dict[str, list[dict]]:
        return self._objects


def find_tables(page) -> list:
    """The tables of a pdfplumber page drawn with ruling lines (pdfplumber's lines strategy)."""
    return TableFinder(page, SETTINGS).tables
