"""Server-side SVG: trade series, timeline, network and role spells (model-free)."""

from __future__ import annotations

import re

from legation.models import Evidence
from legation.report.series import Series, SeriesPoint
from legation.web import charts


def _point(year: int, value: float, *, unit: str = "USD", qualifier: str | None = None, doc: str = "d1") -> SeriesPoint:
    return SeriesPoint(value, unit, f"{year}-01-01", f"{year}-12-31", str(year), False, qualifier, doc,
                       Evidence(start=year, end=year + 5, text=f"in {year}"))


def test_charts_series_one_chart_per_unit_every_point_linked():
    series = [Series("exports", None, "Vietnam", "Peru", [_point(2019, 268e6), _point(2020, 231e6),
                                                           _point(2022, 500e6, qualifier="target")]),
              Series("imports", None, "Peru", "Vietnam", [_point(2019, 98e6)]),
              Series("other", "exports", "Vietnam", "Peru", [_point(2023, 9.3, unit="percent")])]
    found = charts.series_charts(series, href=lambda p: f"/documents/{p.document}#at-{p.evidence.start}")
    assert [c.unit for c in found] == ["USD", "percent"]
    usd = str(found[0].svg)
    assert usd.count("<circle") == found[0].points == 4
    assert usd.count('class="pt s0 hollow"') == 1  # the target is hollow
    line = re.search(r'<polyline class="line s0" points="([^"]+)"', usd).group(1)
    assert len(line.split()) == 2  # the target is off the line
    assert 'href="/documents/d1#at-2019"' in usd and "US$268 million" in usd
    assert found[0].legend == [("exports: Vietnam → Peru", "s0"), ("imports: Peru → Vietnam", "s1")]
    assert ">US$500M<" in usd  # compact axis labels


def test_charts_escape_names_from_articles():
    series = [Series("exports", None, '<script>alert(1)</script>', "Peru", [_point(2020, 5.0), _point(2021, 6.0)])]
    svg = str(charts.series_charts(series, href=lambda p: '/x?a=1&b="2"')[0].svg)
    assert "<script>" not in svg and "&lt;script&gt;" in svg and 'href="/x?a=1&amp;b=&#34;2&#34;"' in svg
    nodes = [charts.Node(1, '<img src=x onerror=alert(1)>', "VN", 2, "/people/1"),
             charts.Node(2, "B", "PE", 1, "/people/2")]
    net = str(charts.network(nodes, [(1, 2, 1)], sides=("VN", "PE")))
    assert "<img" not in net and "&lt;img src=x onerror=alert(1)&gt;" in net


def test_charts_timeline_lanes_and_stacking():
    items = [charts.TimelineItem(i, "2021-11-24", None, "meeting" if i < 3 else "praise", f"event {i}",
                                 i < 3, f"/events/{i}") for i in range(5)]
    items.append(charts.TimelineItem(9, None, None, "visit", "undated", True, "/events/9"))
    svg = str(charts.timeline(items))
    circles = re.findall(r'<circle class="ev (ev-encounter|ev-statement)[^"]*" cx="([\d.]+)" cy="([\d.]+)"', svg)
    assert len(circles) == 5  # the undated one is left out
    encounter_ys = {float(y) for kind, _x, y in circles if kind == "ev-encounter"}
    assert len(encounter_ys) == 3  # same day: stacked, not drawn on top of each other
    assert "/events/9" not in svg and 'href="/events/0"' in svg
    assert charts.timeline([charts.TimelineItem(1, None, None, "visit", "x", True, "/e/1")]) is None


def test_charts_network_columns_per_side_and_edge_weight():
    nodes = [charts.Node(1, "Khoa", "VN", 5, "/people/1"), charts.Node(2, "Vinh", "VN", 1, "/people/2"),
             charts.Node(3, "Quispe", "PE", 4, "/people/3"), charts.Node(4, "Guest", "CL", 1, "/people/4")]
    svg = str(charts.network(nodes, [(1, 3, 4), (1, 2, 1), (3, 4, 1)], sides=("VN", "PE")))
    xs = {name: float(x) for x, name in re.findall(r'<circle class="node side-\w+" cx="([\d.]+)"[^>]*><title>(\w+)',
                                                    svg)}
    assert xs["Khoa"] == xs["Vinh"] < xs["Guest"] < xs["Quispe"]
    widths = sorted(float(w) for w in re.findall(r'stroke-width="([\d.]+)"', svg))
    assert widths[-1] > widths[0]  # four encounters draw a thicker line than one
    assert 'd="M' in svg and " Q" in svg  # same-side pairs bow outwards
    assert charts.network(nodes, [], sides=("VN", "PE")) is None


def test_charts_spells_bar_per_title():
    svg = str(charts.spells([charts.Spell("Deputy Minister", "2019-09-18", "2021-11-24"),
                             charts.Spell("Minister", "2023-06-14", "2024-04-02"),
                             charts.Spell("Undated", None, None)]))
    assert svg.count('<rect class="spell"') == 2
    assert charts.spells([charts.Spell("x", None, None)]) is None


def test_charts_year_fraction_of_any_precision():
    assert charts.year_fraction("2019") == charts.year_fraction("2019-01-01", "2019-12-31")
    assert 2019.0 < charts.year_fraction("2019-01-01", "2019-12-31") < 2020.0
    assert charts.year_fraction("2019-02") < charts.year_fraction("2019-03-01")
    assert charts.year_fraction("--11-10") is None and charts.year_fraction(None) is None
    assert charts.year_fraction("2021-02-30") is None


def test_charts_points_at_one_spot_sit_side_by_side():
    series = [Series("exports", None, "A", "B", [_point(2020, 5.0, doc="d1"), _point(2020, 5.0, doc="d2")])]
    svg = str(charts.series_charts(series, href=lambda p: f"/documents/{p.document}")[0].svg)
    xs = [float(x) for x in re.findall(r'<circle class="pt[^"]*" cx="([\d.]+)"', svg)]
    assert len(xs) == 2 and abs(xs[0] - xs[1]) >= 9  # both clickable


def test_charts_timeline_crowded_spot_links_to_the_list():
    items = [charts.TimelineItem(i, "2021-11-24", None, "meeting", f"event {i}", True, f"/events/{i}")
             for i in range(9)]
    svg = str(charts.timeline(items, more=lambda a, b: f"/events?since={a}&until={b}"))
    assert svg.count("data-event=") == 4
    assert 'data-count="5"' in svg and 'href="/events?since=2021-11-24&amp;until=2021-11-24"' in svg


def test_charts_network_keeps_the_most_frequent_people():
    nodes = [charts.Node(i, f"P{i}", "VN" if i % 2 else "PE", 20 - i, f"/people/{i}") for i in range(20)]
    edges = [(i, i + 1, 1) for i in range(19)]
    svg = str(charts.network(nodes, edges, sides=("VN", "PE"), most=3))
    assert svg.count('<circle class="node') == 6
