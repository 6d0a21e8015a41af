"""Plane geometry of roof outlines [m]: area, setback inset, simplicity, bands and rectangles inside.

A polygon is a sequence of ``(x, y)`` vertices, either orientation, not closed (the last
vertex joins the first). The layout (:mod:`solarfleet.models.survey.layout`) uses
:func:`band_intervals` and :func:`subtract_interval` to find where a row of modules fits, and
:func:`rectangles_inside` for the exact check of every placed module.
"""
from __future__ import annotations

import math

import numpy as np

from solarfleet.models.validation import SurveyValueError

__all__ = ["polygon_area", "is_simple_polygon", "inset_polygon", "band_intervals", "subtract_interval",
           "rectangles_inside"]


def polygon_area(points) -> float:
    """Signed area of a polygon by the shoelace formula [m²] (positive counter-clockwise)."""
    p = np.asarray(points, dtype=float)
    x, y = p[:, 0], p[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y))


def _segments_cross(a, b, c, d) -> bool:
    """True if segments ab and cd intersect (touching counts)."""
    def orient(p, q, r):
        v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return 0 if abs(v) < 1e-12 else (1 if v > 0 else -1)

    def on(p, q, r):
        return min(p[0], r[0]) - 1e-12 <= q[0] <= max(p[0], r[0]) + 1e-12 and \
            min(p[1], r[1]) - 1e-12 <= q[1] <= max(p[1], r[1]) + 1e-12
    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    if o1 != o2 and o3 != o4:
        return True
    return (o1 == 0 and on(a, c, b)) or (o2 == 0 and on(a, d, b)) or (o3 == 0 and on(c, a, d)) or \
        (o4 == 0 and on(c, b, d))


def is_simple_polygon(points) -> bool:
    """True if no two non-adjacent edges of the polygon touch or cross."""
    n = len(points)
    for i in range(n):
        a, b = points[i], points[(i + 1) % n]
        for j in range(i + 1, n):
            if j == i or (j + 1) % n == i or j == (i + 1) % n:
                continue
            if _segments_cross(a, b, points[j], points[(j + 1) % n]):
                return False
    return True


def inset_polygon(points, distance: float) -> list[tuple[float, float]]:
    """The polygon moved inwards by ``distance`` on every edge (mitred corners) [m].

    Every edge is shifted inwards, parallel to itself, and consecutive shifted edges are
    intersected. At a re-entrant corner of an L- or U-shaped roof the mitre keeps a square
    corner, which is slightly more conservative than a rounded walkway.

    Raises
    ------
    SurveyValueError
        The setback swallows part of the roof (an edge would turn round) or the result is
        not a simple polygon.
    """
    pts = [(float(x), float(y)) for x, y in points]
    if polygon_area(pts) < 0:
        pts = pts[::-1]
    if distance == 0:
        return pts
    n = len(pts)
    lines = []
    for i in range(n):
        (x0, y0), (x1, y1) = pts[i], pts[(i + 1) % n]
        length = math.hypot(x1 - x0, y1 - y0)
        dx, dy = (x1 - x0) / length, (y1 - y0) / length
        nx, ny = -dy, dx  # left normal points inwards on a counter-clockwise polygon
        lines.append(((x0 + distance * nx, y0 + distance * ny), (dx, dy)))
    out = []
    for i in range(n):
        (p, d), (q, e) = lines[i - 1], lines[i]
        den = d[0] * e[1] - d[1] * e[0]
        if abs(den) < 1e-12:  # collinear edges: the shifted vertex
            out.append(q)
            continue
        t = ((q[0] - p[0]) * e[1] - (q[1] - p[1]) * e[0]) / den
        out.append((p[0] + t * d[0], p[1] + t * d[1]))
    for i in range(n):
        (a, b), (c, d) = (pts[i], pts[(i + 1) % n]), (out[i], out[(i + 1) % n])
        if (b[0] - a[0]) * (d[0] - c[0]) + (b[1] - a[1]) * (d[1] - c[1]) <= 0:
            raise SurveyValueError("setback", distance, f"is too large for the roof shape (edge {i + 1} "
                                                        "disappears)")
    if polygon_area(out) <= 0 or not is_simple_polygon(out):
        raise SurveyValueError("setback", distance, "is too large for the roof shape")
    return out


def _cross_section(points, y: float) -> list[tuple[float, float]]:
    """Intervals of x inside the polygon on the horizontal line at ``y``."""
    xs = []
    n = len(points)
    for i in range(n):
        (x0, y0), (x1, y1) = points[i], points[(i + 1) % n]
        if (y0 <= y < y1) or (y1 <= y < y0):
            xs.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
    xs.sort()
    return [(xs[k], xs[k + 1]) for k in range(0, len(xs) - 1, 2)]


def _intersect(a: list, b: list) -> list:
    """Overlaps of two sorted lists of disjoint intervals."""
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if hi > lo:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def subtract_interval(intervals: list, lo: float, hi: float) -> list:
    """``intervals`` (sorted, disjoint ``(a, b)``) less the interval ``(lo, hi)``."""
    out = []
    for a, b in intervals:
        if hi <= a or lo >= b:
            out.append((a, b))
            continue
        if lo > a:
            out.append((a, lo))
        if hi < b:
            out.append((hi, b))
    return out


def band_intervals(points, y0: float, y1: float) -> list:
    """Intervals of x where the whole band ``y0 ≤ y ≤ y1`` lies inside the polygon."""
    eps = 1e-7
    ys = [y0 + eps, y1 - eps]
    for _, vy in points:
        if y0 < vy < y1:
            ys += [vy - eps, vy + eps]
    # extra samples guard against a slanted notch sweeping across the band between vertices
    ys += list(np.linspace(y0 + eps, y1 - eps, 5)[1:-1])
    result = None
    for y in ys:
        cs = _cross_section(points, y)
        result = cs if result is None else _intersect(result, cs)
        if not result:
            return []
    return result


def rectangles_inside(points, rects: np.ndarray) -> np.ndarray:
    """For rectangles ``(x, y, dx, dy)``: True where the rectangle lies inside the polygon."""
    if len(rects) == 0:
        return np.zeros(0, dtype=bool)
    tol = 1e-6
    x0, y0 = rects[:, 0] + tol, rects[:, 1] + tol
    x1, y1 = rects[:, 0] + rects[:, 2] - tol, rects[:, 1] + rects[:, 3] - tol
    ok = np.ones(len(rects), dtype=bool)
    # 1) every corner inside (ray casting)
    n = len(points)
    for cx, cy in ((x0, y0), (x1, y0), (x1, y1), (x0, y1)):
        inside = np.zeros(len(rects), dtype=bool)
        for i in range(n):
            (ax, ay), (bx, by) = points[i], points[(i + 1) % n]
            if ay == by:
                continue
            cond = (ay > cy) != (by > cy)
            xcross = ax + (cy - ay) * (bx - ax) / (by - ay)
            inside ^= cond & (cx < xcross)
        ok &= inside
    # 2) no polygon edge passes through the rectangle (Liang–Barsky clipping)
    for i in range(n):
        (ax, ay), (bx, by) = points[i], points[(i + 1) % n]
        dx, dy = bx - ax, by - ay
        t0, t1 = np.zeros(len(rects)), np.ones(len(rects))
        hit = np.ones(len(rects), dtype=bool)
        for p, q in ((-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)):
            if p == 0:
                hit &= q >= 0
                continue
            r = q / p
            if p < 0:
                t0 = np.maximum(t0, r)
            else:
                t1 = np.minimum(t1, r)
        hit &= t0 <= t1
        ok &= ~hit
    return ok
