"""A layout drawing as SVG text (no Qt), for a surveyor to check a layout by eye.

The roof is drawn in plan with ``y = 0`` (the side the modules face) at the bottom: the roof
outline, the usable area inside the setback (dashed), keep-outs (hatched red, their clearance
dashed), the modules (blue), a 5 m scale bar, an arrow pointing where the modules face with
its compass azimuth, and a caption with count, kWp, tilt, row pitch and GCR.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

from solarfleet.models.survey.layout import Layout
from solarfleet.models.survey.site import RoofSurvey

__all__ = ["layout_svg", "write_layout_svg"]


def layout_svg(roof: RoofSurvey, layout: Layout, *, width_px: int = 900) -> str:
    """SVG text of ``layout`` on ``roof``.

    Parameters
    ----------
    roof : RoofSurvey
    layout : Layout
        From :func:`solarfleet.models.survey.layout.layout_roof` for this roof.
    width_px : int
        Drawing width [px]; the height follows the roof's proportions.
    """
    xs = [p[0] for p in roof.outline] + [k.bounds()[0] for k in roof.keepouts] + [k.bounds()[2] for k in roof.keepouts]
    ys = [p[1] for p in roof.outline] + [k.bounds()[1] for k in roof.keepouts] + [k.bounds()[3] for k in roof.keepouts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    margin = 40
    caption_h = 80
    scale = (width_px - 2 * margin) / max(x1 - x0, 1e-6)
    height_px = int((y1 - y0) * scale + 2 * margin + caption_h)

    def px(x, y):
        return (margin + (x - x0) * scale, margin + (y1 - y) * scale)

    def poly(points, **attrs):
        pts = " ".join(f"{a:.2f},{b:.2f}" for a, b in (px(x, y) for x, y in points))
        extra = " ".join(f'{k.replace("_", "-")}="{v}"' for k, v in attrs.items())
        return f'<polygon points="{pts}" {extra}/>'

    def rect(x, y, dx, dy, **attrs):
        a, b = px(x, y + dy)
        extra = " ".join(f'{k.replace("_", "-")}="{v}"' for k, v in attrs.items())
        return f'<rect x="{a:.2f}" y="{b:.2f}" width="{dx * scale:.2f}" height="{dy * scale:.2f}" {extra}/>'

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width_px}" height="{height_px}" '
           f'viewBox="0 0 {width_px} {height_px}" font-family="sans-serif" font-size="13">',
           '<defs><pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" '
           'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="8" stroke="#c0392b" stroke-width="2"/>'
           '</pattern></defs>',
           f'<rect width="{width_px}" height="{height_px}" fill="white"/>',
           f'<title>{escape(roof.name)}: {layout.count} modules</title>',
           poly(roof.outline, fill="#eeeeee", stroke="#333333", stroke_width="2")]
    if roof.setback > 0:
        out.append(poly(layout.usable_outline, fill="none", stroke="#777777", stroke_width="1",
                        stroke_dasharray="6,4"))
    for x, y, dx, dy in layout.modules:
        out.append(rect(x, y, dx, dy, fill="#2e6fba", stroke="#173a63", stroke_width="0.6"))
    for k in roof.keepouts:
        bx0, by0, bx1, by1 = k.bounds()
        if k.clearance > 0:
            out.append(rect(bx0, by0, bx1 - bx0, by1 - by0, fill="none", stroke="#c0392b", stroke_dasharray="4,3"))
        out.append(rect(k.x, k.y, k.length, k.width, fill="url(#hatch)", stroke="#c0392b", stroke_width="1.5"))
        if k.name:
            a, b = px(k.x, k.y + k.width)
            out.append(f'<text x="{a:.1f}" y="{b - 3:.1f}" fill="#c0392b" font-size="11" stroke="white" '
                       f'stroke-width="3" paint-order="stroke">{escape(k.name)}</text>')
    # scale bar: 5 m (or 1 m on a small roof)
    bar = 5.0 if x1 - x0 >= 12 else 1.0
    bx, by = margin, height_px - caption_h + 12
    out.append(f'<line x1="{bx}" y1="{by}" x2="{bx + bar * scale:.2f}" y2="{by}" stroke="black" stroke-width="3"/>')
    out.append(f'<text x="{bx}" y="{by + 16}">{bar:g} m</text>')
    # facing arrow: modules face -y (down in the drawing)
    ax = width_px - margin - 30
    ay = height_px - caption_h + 2
    out.append(f'<line x1="{ax}" y1="{ay}" x2="{ax}" y2="{ay + 30}" stroke="black" stroke-width="2"/>'
               f'<polygon points="{ax - 6},{ay + 24} {ax + 6},{ay + 24} {ax},{ay + 34}" fill="black"/>'
               f'<text x="{ax - 12}" y="{ay + 50}" text-anchor="end">modules face {layout.surface_azimuth:g}°</text>')
    s = layout.summary()
    line1 = (f"{escape(roof.name)} — {s['count']} × {escape(layout.module.key)} ({layout.orientation}), "
             f"{s['kwp']:.1f} kWp")
    parts = [f"tilt {layout.surface_tilt:g}°", f"row pitch {layout.row_pitch:.3f} m"]
    if layout.gcr is not None:
        parts.append(f"GCR {layout.gcr:.3f}")
    if layout.solar_elevation is not None:
        parts.append(f"winter-noon sun {layout.solar_elevation:.2f}°")
    parts.append(f"{s['rows']} rows, roof {layout.roof_area:.0f} m²")
    out.append(f'<text x="{margin}" y="{height_px - caption_h + 56}" font-weight="bold">{line1}</text>')
    out.append(f'<text x="{margin}" y="{height_px - caption_h + 73}">{escape(", ".join(parts))}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write_layout_svg(roof: RoofSurvey, layout: Layout, path, **kwargs) -> None:
    """Write :func:`layout_svg` to ``path`` (UTF-8)."""
    from pathlib import Path
    Path(path).write_text(layout_svg(roof, layout, **kwargs), encoding="utf-8")
