"""``legation series``: options, formats, output file, exit status."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from legation.cli import cli
from legation.models import Evidence, Extraction, ExtractionSet, Figure, Period


def _figure(measure, a, b, value, year):
    return Figure(measure=measure, **{"from": a}, to=b, value=value, unit="USD",
                  period=Period(start=f"{year}-01-01", end=f"{year}-12-31", text=str(year)),
                  evidence=Evidence(start=0, end=5, text="Trade."))


@pytest.fixture
def extraction(tmp_path):
    docs = [Extraction(id="n1", source="n1.txt", figures=[_figure("exports", "Chile", "Japan", 5e6, 2021),
                                                          _figure("imports", "Japan", "Chile", 2e6, 2021)]),
            Extraction(id="n2", source="n2.txt", figures=[_figure("exports", "Chile", "Japan", 7e6, 2022)])]
    path = tmp_path / "out.json"
    path.write_text(json.dumps(ExtractionSet(documents=docs).to_contract()))
    return path


def test_series_cli_table(extraction):
    r = CliRunner().invoke(cli, ["series", str(extraction)])
    assert r.exit_code == 0, r.output
    assert "exports: Chile → Japan" in r.output and "imports: Japan → Chile" in r.output
    assert r.output.index("2021") < r.output.index("2022")


def test_series_cli_filters_and_csv_to_a_file(extraction, tmp_path):
    out = tmp_path / "s.csv"
    r = CliRunner().invoke(cli, ["series", str(extraction), "--measure", "exports", "--from", "chile",
                                 "--to", "Japan", "--format", "csv", "-o", str(out)])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert [(x["document"], x["value"], x["period_start"]) for x in rows] == [
        ("n1", "5000000", "2021-01-01"), ("n2", "7000000", "2022-01-01")]


def test_series_cli_json(extraction):
    r = CliRunner().invoke(cli, ["series", str(extraction), "--format", "json", "--measure", "imports"])
    data = json.loads(r.output)
    assert [s["measure"] for s in data["series"]] == ["imports"]


def test_series_cli_rejects_a_bad_measure(extraction):
    r = CliRunner().invoke(cli, ["series", str(extraction), "--measure", "tourism"])
    assert r.exit_code == 2


def test_series_cli_broken_extraction_file_is_one_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "legation.extraction/1", "documents": [{"id": ')
    r = CliRunner().invoke(cli, ["series", str(bad)])
    assert r.exit_code == 1
    assert "bad.json" in r.output and "Traceback" not in r.output


@pytest.mark.slow
def test_series_cli_on_articles(shared_dir, pipeline_settings, tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01\x02" * 50)
    r = CliRunner().invoke(cli, ["series", str(shared_dir / "seeds"), str(junk), "--measure", "exports",
                                 "--from", "HCMC", "--format", "json"])
    assert r.exit_code == 3  # one input rejected, the rest went through
    data = json.loads(r.stdout)
    [s] = data["series"]
    assert (s["from"], s["to"]) == ("Ho Chi Minh City", "Peru")
    assert [p["period"]["start"][:4] for p in s["points"]] == ["2013", "2019", "2023", "2024"]
