"""``legation.report.series``: figures lined up per (measure, from, to), model-free."""

from __future__ import annotations

import csv
import io
import json

import pytest

from legation.errors import LegationError
from legation.models import Evidence, Extraction, ExtractionSet, Figure, Period
from legation.report.series import figures_from_extractions, figures_from_paths, line_up, render_series


def fig(measure, a, b, value, year=None, *, unit="USD", subject=None, qualifier=None, approximate=False):
    period = Period(start=f"{year}-01-01", end=f"{year}-12-31", text=str(year)) if year else None
    return Figure(measure=measure, subject=subject, **{"from": a}, to=b, value=value, unit=unit, period=period,
                  approximate=approximate, qualifier=qualifier,
                  evidence=Evidence(start=0, end=10, text=f"{a} {measure} {value}"))


FIGS = [
    ("d2", fig("exports", "Ho Chi Minh City", "Peru", 23e6, 2023)),
    ("d1", fig("exports", "Ho Chi Minh City", "Peru", 19e6, 2013)),
    ("d1", fig("exports", "Ho Chi Minh City", "Peru", 35e6, 2019, qualifier="peak")),
    ("d1", fig("imports", "Peru", "Ho Chi Minh City", 3.8e6, 2013)),
    ("d3", fig("trade_turnover", "Peru", "Ho Chi Minh City", 20e6, 2024, approximate=True)),
    ("d1", fig("trade_turnover", "Ho Chi Minh City", "Peru", 25e6, 2022)),
    ("d1", fig("share", "Ho Chi Minh City", "Vietnam", 23.0, unit="percent", subject="GDP")),
    ("d1", fig("share", "Ho Chi Minh City", "Vietnam", 10.0, unit="percent", subject="population")),
    ("d4", fig("exports", "ho chi minh city", "Peru", 5e6)),
]


def test_series_groups_per_measure_and_sides_sorted_by_period():
    series = line_up(FIGS)
    labels = [(s.measure, s.subject, s.from_, s.to, len(s.points)) for s in series]
    assert labels == [
        ("exports", None, "Ho Chi Minh City", "Peru", 4),
        ("imports", None, "Peru", "Ho Chi Minh City", 1),
        ("trade_turnover", None, "Peru", "Ho Chi Minh City", 2),
        ("share", "GDP", "Ho Chi Minh City", "Vietnam", 1),
        ("share", "population", "Ho Chi Minh City", "Vietnam", 1)]
    exports = series[0]
    assert [(p.period_start, p.value, p.document) for p in exports.points] == [
        ("2013-01-01", 19e6, "d1"), ("2019-01-01", 35e6, "d1"), ("2023-01-01", 23e6, "d2"), (None, 5e6, "d4")]
    assert exports.points[1].qualifier == "peak"
    assert exports.points[0].evidence.text.startswith("Ho Chi Minh City")


def test_series_trade_turnover_has_no_direction():
    [s] = line_up(FIGS, measure="trade_turnover", from_="HCMC", to="Peru")
    assert [p.value for p in s.points] == [25e6, 20e6]


@pytest.mark.parametrize(("kwargs", "n"), [
    ({"measure": "exports"}, 1), ({"from_": "HCMC"}, 4), ({"from_": "ho chi minh city", "to": "peru"}, 2),
    ({"to": "Vietnam"}, 2), ({"measure": "share", "subject": "gdp"}, 1), ({"from_": "Lima"}, 0),
])
def test_series_filters(kwargs, n):
    assert len(line_up(FIGS, **kwargs)) == n


def test_series_unknown_measure_is_an_actionable_error():
    with pytest.raises(LegationError, match="valid: exports"):
        line_up(FIGS, measure="exprots")


def test_series_render_csv_round_trips_values():
    text = render_series(line_up(FIGS), "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(FIGS)
    first = rows[0]
    assert (first["measure"], first["from"], first["to"], first["value"], first["unit"], first["period_start"]) == (
        "exports", "Ho Chi Minh City", "Peru", "19000000", "USD", "2013-01-01")
    assert {float(r["value"]) for r in rows} == {f.value for _, f in FIGS}


def test_series_render_json_and_table():
    data = json.loads(render_series(line_up(FIGS, measure="exports"), "json"))
    [s] = data["series"]
    assert s["from"] == "Ho Chi Minh City" and s["units"] == ["USD"]
    assert s["points"][0]["period"] == {"start": "2013-01-01", "end": "2013-12-31", "text": "2013"}
    assert s["points"][0]["document"] == "d1"
    table = render_series(line_up(FIGS, measure="exports"), "table")
    assert "exports: Ho Chi Minh City → Peru" in table and "US$19 million" in table and "peak" in table
    assert render_series([], "table") == "(no figures)\n"


def test_series_from_extraction_files(tmp_path):
    ext = Extraction(id="a1", source="a1.txt", figures=[f for _, f in FIGS[:3]])
    path = tmp_path / "out.json"
    path.write_text(json.dumps(ExtractionSet(documents=[ext]).to_contract()))
    jsonl = tmp_path / "out.jsonl"
    jsonl.write_text(json.dumps(ext.to_contract()) + "\n")
    pairs = list(figures_from_paths([path, jsonl]))
    assert [d for d, _ in pairs] == ["a1"] * 6
    assert list(figures_from_extractions([ext]))[0][1] == FIGS[0][1]


def test_series_bad_extraction_file_names_the_file(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"schema": "legation.extraction/1", "documents": [')
    with pytest.raises(LegationError, match="broken.json"):
        list(figures_from_paths([bad]))
