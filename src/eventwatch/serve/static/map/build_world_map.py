"""Build ``world-110m.json``: simplified country outlines for the dashboard's offline map.

The source is Natural Earth's 1:110m "Admin 0 - Countries" layer (public
domain), as packaged inside the geopandas 0.14.4 wheel on PyPI
(``geopandas/datasets/naturalearth_lowres``; geopandas dropped the dataset in
1.0, so the version is pinned).  The script reads the shapefile with the
standard library only (no GDAL, no shapely), simplifies each ring with
Douglas-Peucker, rounds to 0.1 degree and writes SVG path data in an
equirectangular projection (``x = lon``, ``y = -lat``), which is what
:mod:`eventwatch.serve.pages.worldmap` draws.  Nothing is fetched at run time.

Usage (from the repository root)::

    python src/eventwatch/serve/static/map/build_world_map.py             # pip-downloads the wheel
    python src/eventwatch/serve/static/map/build_world_map.py --wheel geopandas-0.14.4-py3-none-any.whl

The output is deterministic: the same wheel gives the same file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

WHEEL = "geopandas==0.14.4"
WHEEL_SHA256 = "3bb6473cb59d51e1a7fe2dbc24a1a063fb0ebdeddf3ce08ddbf8c7ddc99689aa"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
OUTPUT = Path(__file__).with_name("world-110m.json")
TOLERANCE = 0.15  # degrees: Douglas-Peucker tolerance
DROPPED = {"ATA"}  # Antarctica: off the map's frame (60 S to 84 N)

Point = tuple[float, float]


def read_polygons(shp: bytes) -> list[list[list[Point]]]:
    """Every record of a polygon shapefile as a list of rings of (x, y)."""
    shapes: list[list[list[Point]]] = []
    offset = 100
    while offset < len(shp):
        _, words = struct.unpack(">ii", shp[offset : offset + 8])
        body = shp[offset + 8 : offset + 8 + 2 * words]
        offset += 8 + 2 * words
        (shape_type,) = struct.unpack("<i", body[:4])
        if shape_type == 0:
            shapes.append([])
            continue
        if shape_type not in (5, 15, 25):
            raise ValueError(f"shape type {shape_type} is not a polygon")
        parts_count, points_count = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{parts_count}i", body[44 : 44 + 4 * parts_count]))
        start = 44 + 4 * parts_count
        flat = struct.unpack(f"<{2 * points_count}d", body[start : start + 16 * points_count])
        points = list(zip(flat[0::2], flat[1::2], strict=True))
        bounds = [*parts, points_count]
        shapes.append([points[bounds[i] : bounds[i + 1]] for i in range(parts_count)])
    return shapes


def read_table(dbf: bytes, encoding: str) -> list[dict[str, str]]:
    """The attribute rows of a dBASE file, values as stripped strings."""
    count, header_size, record_size = struct.unpack("<IHH", dbf[4:12])
    fields = []
    position = 32
    while dbf[position] != 0x0D:
        name = dbf[position : position + 11].split(b"\x00")[0].decode("ascii")
        fields.append((name, dbf[position + 16]))
        position += 32
    rows = []
    for index in range(count):
        record = dbf[header_size + index * record_size : header_size + (index + 1) * record_size]
        cursor = 1  # the deletion flag
        row = {}
        for name, length in fields:
            row[name] = record[cursor : cursor + length].decode(encoding).strip()
            cursor += length
        rows.append(row)
    return rows


def _distance(point: Point, start: Point, end: Point) -> float:
    """Distance of ``point`` from the segment ``start``-``end``."""
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return float(((x - x1) ** 2 + (y - y1) ** 2) ** 0.5)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return float(((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5)


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker simplification (iterative), keeping the first and last point."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, worst_index = 0.0, -1
        for index in range(first + 1, last):
            distance = _distance(points[index], points[first], points[last])
            if distance > worst:
                worst, worst_index = distance, index
        if worst > tolerance and worst_index != -1:
            keep[worst_index] = True
            stack += [(first, worst_index), (worst_index, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def _number(value: float) -> str:
    """A coordinate with at most one decimal, without trailing zeros."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def ring_path(ring: list[Point]) -> str:
    """SVG path data of one closed ring, relative moves in tenths of a degree."""
    tenths: list[tuple[int, int]] = []
    for lon, lat in ring:
        point = (round(lon * 10), round(-lat * 10))
        if not tenths or tenths[-1] != point:
            tenths.append(point)
    if len(tenths) > 1 and tenths[0] == tenths[-1]:
        tenths.pop()
    if len(tenths) < 3:
        return ""
    x0, y0 = tenths[0]
    parts = [f"M{_number(x0 / 10)} {_number(y0 / 10)}l"]
    steps = []
    for (xa, ya), (xb, yb) in zip(tenths, tenths[1:], strict=False):
        steps.append(f"{_number((xb - xa) / 10)} {_number((yb - ya) / 10)}")
    parts.append(" ".join(steps))
    parts.append("z")
    return "".join(parts)


def build(wheel: Path) -> dict[str, object]:
    """The map data from the geopandas wheel at ``wheel``."""
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        print(f"warning: {wheel.name} sha256 {digest} is not the pinned one", file=sys.stderr)
    with zipfile.ZipFile(wheel) as archive:
        shp = archive.read(MEMBER + ".shp")
        dbf = archive.read(MEMBER + ".dbf")
        encoding = archive.read(MEMBER + ".cpg").decode("ascii").strip() or "latin-1"
    encoding = {"ISO-8859-1": "latin-1"}.get(encoding, encoding)
    shapes = read_polygons(shp)
    rows = read_table(dbf, encoding)
    countries = []
    for row, rings in zip(rows, shapes, strict=True):
        iso3 = row.get("iso_a3") or ""
        if iso3 in DROPPED:
            continue
        paths = [ring_path(simplify(ring, TOLERANCE)) for ring in rings]
        d = "".join(p for p in paths if p)
        if d:
            countries.append({"iso3": iso3 if iso3 != "-99" else None, "name": row["name"], "d": d})
    countries.sort(key=lambda c: (c["name"], c["iso3"] or ""))
    return {
        "source": "Natural Earth 1:110m Admin 0 - Countries (public domain), "
        f"via the {WHEEL} wheel ({MEMBER}.shp)",
        "projection": "equirectangular: x = longitude, y = -latitude (degrees)",
        "tolerance_degrees": TOLERANCE,
        "countries": countries,
    }


def main(argv: list[str] | None = None) -> int:
    """Download the wheel (unless given) and write the map data file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wheel", type=Path, help="A downloaded geopandas 0.14.4 wheel.")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        wheel = args.wheel
        if wheel is None:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "-d", folder, WHEEL],
                check=True,
            )
            wheel = next(Path(folder).glob("geopandas-*.whl"))
        data = build(wheel)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    args.output.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {args.output} ({len(text)} bytes, {len(data['countries'])} countries)")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
