"""Ruled tables: pdfplumber's table finder, with its cell search computed in linear time.

pdfplumber finds the cells of a ruled table from the intersections of its ruling lines; for every
intersection it rebuilds, for every pair of candidate corners, the sets of edges through them, so
a table of a few hundred cells costs seconds (the 11-page real report in ``../shared/real-pdfs``
spent 2.4 of its 3.3 seconds there).  :class:`TableFinder` is pdfplumber's, step for step (its
edges, intersections and ``Table`` objects); :func:`intersections_to_cells` is replaced by the same
search with the edge sets built once per intersection and the corners below and to the right
looked up instead of scanned for, and :func:`cells_to_tables` by the same grouping computed with a
union-find instead of repeated passes.  A test
compares the two on every page of the real reports and of the PDF corpus.
"""
from __future__ import annotations

import pdfplumber.table as _pdfplumber_table
from pdfplumber.utils import obj_to_bbox

SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


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
        self.intersections = _pdfplumber_table.edges_to_intersections(
            self.edges, self.settings.intersection_x_tolerance,
            self.settings.intersection_y_tolerance)
        self.cells = intersections_to_cells(self.intersections)
        self.tables = [_pdfplumber_table.Table(self.page, group)
                       for group in cells_to_tables(self.cells)]


def find_tables(page) -> list:
    """The tables of a pdfplumber page drawn with ruling lines (pdfplumber's lines strategy)."""
    return TableFinder(page, SETTINGS).tables
