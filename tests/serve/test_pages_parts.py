"""The dashboard's building blocks: highlighting, chart geometry, map data, templates, packaging."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from eventwatch.serve.errors import Unprocessable
from eventwatch.serve.pages.charts import (
    marker_radius,
    nice_ticks,
    period_range,
    stacked_periods,
    timeline_points,
)
from eventwatch.serve.pages.highlight import Layer, claim_class, cut, reveal, tokens
from eventwatch.serve.pages.params import read_event_query, url
from eventwatch.serve.pages.rendering import templates
from eventwatch.serve.pages.vocabulary import factuality_class, type_class
from eventwatch.serve.pages.worldmap import country_shapes, markers, shade

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "src" / "eventwatch"


# --------------------------------------------------------------------------- highlight


def _text_of(runs) -> str:
    return "".join(
        token.text or chr(int(token.control[2:], 16))
        for run in runs
        for part in run.parts
        for token in part.tokens
    )


def test_pages_cut_covers_the_text_and_groups_claims() -> None:
    text = "Police detained nine people. Officials said so. The end."
    layers = [
        Layer(0, 28, "evidence", "e1", "f-asserted"),
        Layer(0, 28, "evidence", "e2", "f-alleged"),
        Layer(29, 47, "evidence", "e3", "f-attributed"),
        Layer(0, 6, "part", "e1", "role-actor", "actor: police"),
        Layer(29, 38, "part", "e3", "role-source", "source: officials"),
    ]
    runs = cut(text, layers, event_order=["e1", "e2", "e3"])
    assert _text_of(runs) == text
    first = runs[0]
    assert first.events == ("e1", "e2") and first.css == "f-alleged"  # most hedged wins
    assert first.anchors == ["e1", "e2"] and first.ends == ["e1", "e2"]
    assert first.parts[0].css == "role-actor" and first.parts[0].tokens[0].text == "Police"
    claimed = [run for run in runs if run.events == ("e3",)]
    assert claimed and claimed[0].css == "f-attributed"
    assert runs[-1].events == () and runs[-1].css == ""


def test_pages_cut_clips_offsets_outside_the_text() -> None:
    runs = cut(
        "short",
        [Layer(-5, 3, "evidence", "e", "f-asserted"), Layer(4, 99, "part", "e", "role-actor")],
    )
    assert _text_of(runs) == "short"
    assert runs[0].events == ("e",)


@pytest.mark.parametrize(
    ("text", "controls"),
    [
        ("plain", []),
        ("a\u202eb", ["U+202E"]),
        ("zero\u200bwidth\ufeff", ["U+200B", "U+FEFF"]),
        ("bell\x07 and tab\t and newline\n", ["U+0007"]),
        ("isolate\u2066x\u2069", ["U+2066", "U+2069"]),
        ("emoji 😀 and e\u0301 stay", []),
    ],
)
def test_pages_tokens_show_invisible_characters(text, controls) -> None:
    found = tokens(text)
    assert [t.control for t in found if t.control] == controls
    assert "".join(t.text or chr(int(t.control[2:], 16)) for t in found) == text
    assert all(not re.search("[\u202a-\u202e\u200b\ufeff\u2066-\u2069]", t.text) for t in found)
    shown = reveal(text)
    for label in controls:
        assert f"⟨{label}⟩" in shown


def test_pages_claim_classes() -> None:
    assert claim_class(["f-asserted", "f-attributed"]) == "f-attributed"
    assert claim_class(["f-asserted", "f-alleged"]) == "f-alleged"
    assert claim_class([]) == ""
    assert factuality_class("attributed", anonymous=True) == "f-alleged"
    assert factuality_class("denied", anonymous=True) == "f-denied"
    assert factuality_class('x" onclick="y') == "f-other"
    assert type_class("coup") == "t-coup" and type_class("<b>") == "t-other"


# --------------------------------------------------------------------------- charts


def test_pages_stacked_periods_stack_by_type_and_link() -> None:
    months = {"2024-01": Counter({"COUP": 2, "ASSAULT": 1}), "2024-03": Counter({"COUP": 4})}
    chart = stacked_periods(months, lambda p, t: f"/events?p={p}&t={t}", width=400, height=100)
    assert [b["period"] for b in chart["bars"]] == ["2024-01", "2024-02", "2024-03"]  # gaps filled
    assert [b["total"] for b in chart["bars"]] == [3, 0, 4]
    january = chart["bars"][0]
    assert [s["type"] for s in january["segments"]] == ["ASSAULT", "COUP"]
    heights = [s["height"] for s in january["segments"]]
    assert heights[1] == pytest.approx(2 * heights[0])
    assert january["segments"][1]["href"] == "/events?p=2024-01&t=COUP"
    assert chart["ticks"][-1]["value"] >= 4


def test_pages_stacked_periods_fold_long_spans_into_years() -> None:
    months = {"2001-05": Counter({"COUP": 1}), "2020-02": Counter({"COUP": 2})}
    chart = stacked_periods(months, lambda p, t: "#")
    assert chart["period"] == "year" and len(chart["bars"]) == 20
    assert stacked_periods({}, lambda p, t: "#")["bars"] == []


def test_pages_timeline_points_lanes_and_sizes() -> None:
    rows = [
        {
            "id": "a",
            "event_type": "COUP",
            "start": "2024-01-01",
            "corroboration": 1,
            "href": "/events/a",
        },
        {
            "id": "b",
            "event_type": "COUP",
            "start": "2024-12-31",
            "corroboration": 5,
            "href": "/events/b",
        },
        {
            "id": "c",
            "event_type": "AGREE",
            "start": "2024-06-01",
            "corroboration": None,
            "href": "/events/c",
        },
        {"id": "d", "event_type": "AGREE", "start": None, "corroboration": 1, "href": "/events/d"},
    ]
    chart = timeline_points(rows, width=500)
    assert chart["undated"] == 1
    assert [lane["type"] for lane in chart["lanes"]] == ["AGREE", "COUP"]  # the legend's order
    by_id = {p["id"]: p for p in chart["points"]}
    assert by_id["a"]["x"] < by_id["c"]["x"] < by_id["b"]["x"]
    assert by_id["b"]["r"] > by_id["a"]["r"]
    assert chart["points"][0]["id"] == "b"  # big dots drawn first


def test_pages_chart_helpers() -> None:
    assert nice_ticks(0) == [0]
    assert nice_ticks(7)[-1] >= 7
    assert period_range("2023-11", "2024-02", period="month") == [
        "2023-11",
        "2023-12",
        "2024-01",
        "2024-02",
    ]
    assert marker_radius(None) == marker_radius(1) < marker_radius(2) < marker_radius(50)
    assert marker_radius(10_000) == marker_radius(100_000)  # capped


# --------------------------------------------------------------------------- map


def test_pages_map_data_is_the_packaged_world() -> None:
    shapes = country_shapes()
    codes = {s["iso3"] for s in shapes}
    assert len(shapes) > 150
    assert {"KGZ", "PAK", "NER", "BOL", "FRA", "NOR", "UKR"} <= codes
    assert "ATA" not in codes
    for shape in shapes:
        assert re.fullmatch(r"(M-?[\d.]+ -?[\d.]+l[-\d. ]*z)+", shape["d"]), shape["name"]
    sources = (PACKAGE / "serve" / "static" / "map" / "SOURCES.md").read_text("utf-8")
    assert "public domain" in sources.lower() and "build_world_map.py" in sources


def test_pages_map_markers_project_and_spread() -> None:
    rows = [
        {"id": "a", "lat": 42.87, "lon": 74.59, "corroboration": 1},
        {"id": "b", "lat": 42.87, "lon": 74.59, "corroboration": 3},
        {"id": "c", "lat": None, "lon": None},
    ]
    placed, missing = markers(rows)
    assert missing == 1 and len(placed) == 2
    a, b = sorted(placed, key=lambda m: m["id"])
    assert (a["x"], a["y"]) == (74.59, -42.87)  # equirectangular: y = -lat
    assert (b["x"], b["y"]) != (a["x"], a["y"])  # stacked markers stay clickable
    assert shade(0, 10) == "c0" and shade(10, 10) == "c5" and shade(1, 1000) in ("c1", "c2")


# --------------------------------------------------------------------------- params


def test_pages_event_query_uses_the_api_names() -> None:
    query = read_event_query(
        {
            "type": "coup",
            "country": "kgz",
            "q": "",
            "min_corroboration": "2",
            "sort": "-date",
            "limit": "20",
        }
    )
    assert query.filters.event_type == "COUP" and query.filters.country == "KGZ"
    assert query.filters.q is None and query.filters.min_corroboration == 2
    assert query.params() == {
        "type": "COUP",
        "country": "KGZ",
        "min_corroboration": 2,
        "sort": "-date",
    }
    assert (
        url("/events", query.params(), cursor=None, type=None)
        == "/events?country=KGZ&min_corroboration=2&sort=-date"
    )


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 201},
        {"q": "a\x00b"},
        {"limit": "9999"},
        {"limit": "ten"},
        {"sort": "name"},
        {"min_corroboration": "0"},
    ],
)
def test_pages_event_query_rejects_bad_values(params) -> None:
    with pytest.raises(Unprocessable):
        read_event_query(params)


# --------------------------------------------------------------------------- templates and packaging


def test_pages_templates_autoescape_everywhere() -> None:
    environment = templates()
    assert environment.autoescape is True
    rendered = environment.from_string("{{ value }}").render(value="<script>x</script>")
    assert rendered == "&lt;script&gt;x&lt;/script&gt;"
    for template in (PACKAGE / "serve" / "templates").glob("*.html"):
        source = template.read_text("utf-8")
        assert "|safe" not in source.replace(" ", "") and "autoescape false" not in source, template
        assert "style=" not in source and "<style" not in source, template  # CSP: style-src 'self'
        assert not re.search(r"<script(?![^>]*\bsrc=)", source), template  # no inline scripts
        assert not re.search(r"\son[a-z]+=", source), template  # no inline handlers
    for module in (PACKAGE / "serve" / "pages").glob("*.py"):
        source = module.read_text("utf-8")
        assert "Markup(" not in source and "mark_safe" not in source, module


def test_pages_scripts_never_write_html() -> None:
    for script in (PACKAGE / "serve" / "static" / "js").glob("*.js"):
        source = script.read_text("utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in source, (script.name, sink)
        assert "http://" not in source and "https://" not in source, script.name


def test_pages_package_data_ships_templates_and_static_files() -> None:
    """pyproject's package-data patterns match every template and static file."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["eventwatch"]
    shipped = {p for pattern in patterns for p in PACKAGE.glob(pattern) if p.is_file()}
    for folder in ("templates", "static"):
        files = [
            p
            for p in (PACKAGE / "serve" / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        ]
        assert files
        missing = [str(p.relative_to(PACKAGE)) for p in files if p not in shipped]
        assert not missing, missing
    dependencies = " ".join(config["project"]["dependencies"]).lower()
    assert "jinja2" in dependencies
