"""The terminal digest: people with titles, events in date order, figures with
direction, value and period, totals and rejected inputs (model-free)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from legation.cli import cli
from legation.models import (
    DateExpr,
    Event,
    EventPlace,
    Extraction,
    ExtractionSet,
    Figure,
    Period,
    Person,
    Rejected,
    Title,
)
from legation.report.summary import format_period, format_value, render_summary


def sample() -> ExtractionSet:
    doc = Extraction(
        id="d1", source="examples/a.txt", title="Ministers meet in Lima", published="2019-09-18",
        published_basis="header", text="...",
        people=[Person(id="P1", name="Tran Minh Khoa", country="VN",
                       titles=[Title(text="Deputy Minister"), Title(text="Deputy Minister of Industry and Trade")]),
                Person(id="P2", name="Rosa Elena Quispe Huamán", country="PE")],
        events=[Event(id="E2", kind="visit", date=DateExpr(start="2019-09-15", end="2019-09-19", precision="day"),
                      participants=["P1"], place=EventPlace(country="PE")),
                Event(id="E1", kind="talks", date=DateExpr(start="2019-09-17", precision="day"),
                      participants=["P1", "P2"], place=EventPlace(name="Lima", country="PE"))],
        figures=[Figure(measure="exports", from_="Vietnam", to="Peru", value=245e6, unit="USD",
                        period=Period(start="2018-01-01", end="2018-12-31")),
                 Figure(measure="trade_turnover", from_="Vietnam", to="Peru", value=3.65e8, unit="USD",
                        approximate=True, period=Period(start="2021-01-01", end="2021-10-31")),
                 Figure(measure="share", subject="GDP", value=23.5, unit="percent")])
    return ExtractionSet(documents=[doc, Extraction(id="empty", source="b.txt", text="x")],
                         rejected=[Rejected(source="bad.txt", error="binary data, not text")])


def render(data: ExtractionSet) -> str:
    console = Console(record=True, width=120, color_system=None)
    render_summary(data, console)
    return console.export_text()


def test_summary_shows_people_events_figures_and_totals():
    out = render(sample())
    assert "Ministers meet in Lima" in out and "published 2019-09-18 (header)" in out
    # the shorter title "Deputy Minister" is folded into the longer one
    assert re.search(r"Tran Minh Khoa +VN +Deputy Minister of Industry and Trade *\n", out)
    assert "Rosa Elena Quispe Huamán" in out and "(no title)" in out
    talks, visit = out.index("talks"), out.index("visit")
    assert visit < talks  # date order: the visit began on the 15th
    assert "2019-09-15 – 2019-09-19" in out and "Lima, PE" in out
    assert "Tran Minh Khoa, Rosa Elena Quispe Huamán" in out
    assert "Vietnam → Peru" in out and "US$245 million" in out and "2018" in out
    assert "Vietnam ↔ Peru" in out and "~US$365 million" in out and "Jan–Oct 2021" in out
    assert "share (GDP)" in out and "23.5%" in out
    assert "nothing extracted" in out
    assert "2 documents: 2 people, 2 events, 3 figures; 1 rejected" in out
    assert "rejected bad.txt: binary data, not text" in out


@pytest.mark.parametrize(("value", "unit", "expected"), [
    (23_000_000, "USD", "US$23 million"), (1.25e9, "USD", "US$1.25 billion"), (95e9, "KES", "KES 95 billion"),
    (450, "EUR", "€450"), (23.0, "percent", "23%"), (1_500_000_000_000, "JPY", "¥1.5 trillion"),
    (2_500_000_000_000_000, "USD", "US$2,500 trillion")])
def test_format_value(value, unit, expected):
    assert format_value(value, unit) == expected


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2019-01-01", "2019-12-31", "2019"), ("2021-11-01", "2021-11-30", "Nov 2021"),
    ("2024-02-01", "2024-02-29", "Feb 2024"), ("2021-01-01", "2021-10-31", "Jan–Oct 2021"),
    ("2014-01-01", "2023-12-31", "2014–2023"), ("2024-08-22", "2024-08-22", "2024-08-22"),
    ("2024-08-22", "2024-08-25", "2024-08-22 – 2024-08-25"), ("2023-11", None, "2023-11"),
    (None, None, ""), ("2023", "2024", "2023 – 2024")])
def test_format_period(start, end, expected):
    assert format_period(start, end) == expected


def test_summary_command_reads_json_and_jsonl(tmp_path: Path):
    data = sample()
    (tmp_path / "out.json").write_text(json.dumps(data.to_contract()), encoding="utf-8")
    (tmp_path / "out.jsonl").write_text("\n".join(json.dumps(d.to_contract()) for d in data.documents) + "\n",
                                        encoding="utf-8")
    for name in ("out.json", "out.jsonl"):
        result = CliRunner().invoke(cli, ["summary", str(tmp_path / name)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert "Tran Minh Khoa" in result.stdout and "US$245 million" in result.stdout


def test_summary_of_a_file_that_is_not_an_extraction_is_one_line(tmp_path: Path):
    bad = tmp_path / "notes.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    result = CliRunner().invoke(cli, ["summary", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and str(bad) in result.stderr
