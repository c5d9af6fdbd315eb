"""The knowledge-base commands end to end through the CLI (model-free: ingest of extraction files)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from kbfactory import corpus

from legation.cli import cli


@pytest.fixture
def kb_path(tmp_path):
    source = tmp_path / "corpus.jsonl"
    source.write_text("".join(json.dumps(e.to_contract()) + "\n" for e in corpus()), encoding="utf-8")
    db = tmp_path / "kb.db"
    result = CliRunner().invoke(cli, ["ingest", str(source), "--extracted", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "4 added, 0 replaced, 0 unchanged" in result.output
    return str(db)


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_kb_cli_people_formats(kb_path):
    table = run("people", "--db", kb_path)
    assert "Luis Alberto Villanueva Carbajal" in table and "people" in table.splitlines()[-1]
    data = json.loads(run("people", "--db", kb_path, "--format", "json"))
    assert data["total"] == len(data["items"]) and {"id", "name", "country"} <= set(data["items"][0])
    rows = list(csv.DictReader(io.StringIO(run("people", "--db", kb_path, "--format", "csv", "--country", "PE"))))
    assert {r["country"] for r in rows} == {"PE"}


def test_kb_cli_person_by_short_form(kb_path):
    out = run("person", "Villanueva Carbajal", "--db", kb_path)
    assert out.startswith("Luis Alberto Villanueva Carbajal")
    assert "Secretary General of the Peruvian Communist Party" in out and "2023-11-10" in out
    assert "name_form" in out  # why the two records are one person
    data = json.loads(run("person", "Villanueva Carbajal", "--db", kb_path, "--format", "json"))
    assert data["roles"][0]["sources"][0]["doc_id"] in {"c-hanoi", "d-short"}


def test_kb_cli_person_unknown_is_an_error(kb_path):
    result = CliRunner().invoke(cli, ["person", "Nobody Atall", "--db", kb_path])
    assert result.exit_code == 1 and "no person matches" in result.output


def test_kb_cli_events_between(kb_path):
    out = run("events", "--between", "VN", "PE", "--db", kb_path)
    lines = out.splitlines()
    assert lines[0].split() == ["id", "date", "kind", "place", "country", "participants", "sources"]
    dates = [line.split()[1] for line in lines[2:-1]]
    assert dates == sorted(dates) and "2024-08-22" in dates
    data = json.loads(run("events", "--between", "VN", "PE", "--since", "2024-01-01", "--db", kb_path,
                          "--format", "json"))
    assert data["total"] == 1 and data["items"][0]["n_sources"] == 2
    out = run("events", "--between", "VN", "PE", "--kind", "visit", "--db", kb_path, "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(out)))) == 1


def test_kb_cli_check(kb_path):
    out = run("check", "--db", kb_path)
    assert "acronym_mismatch" in out and "CPC" in out
    result = CliRunner().invoke(cli, ["check", "--db", kb_path, "--strict"])
    assert result.exit_code == 4


def test_kb_cli_sql_read_only(kb_path):
    out = run("sql", "SELECT count(*) AS n FROM documents", "--db", kb_path, "--format", "json")
    assert json.loads(out) == [{"n": 4}]
    result = CliRunner().invoke(cli, ["sql", "DELETE FROM documents", "--db", kb_path])
    assert result.exit_code == 1 and "read-only" in result.output
    out = run("sql", "SELECT id FROM documents WHERE id = :d", "-p", "d=a-lima", "--db", kb_path)
    assert "a-lima" in out


def test_kb_cli_split_and_merge_survive_reingest(kb_path, tmp_path):
    luis = json.loads(run("person", "Villanueva Carbajal", "--db", kb_path, "--format", "json"))
    out = run("split", str(luis["id"]), "Villanueva Carbajal", "--db", kb_path, "--note", "not sure")
    assert "split person" in out
    names = {p["name"] for p in json.loads(run("people", "--db", kb_path, "--format", "json"))["items"]}
    assert "Villanueva Carbajal" in names and "Luis Alberto Villanueva Carbajal" in names
    # re-ingest (a changed document forces a new resolution): the split holds
    changed = [e for e in corpus() if e.id == "d-short"][0]
    changed.text += " He flew home."
    (tmp_path / "changed.jsonl").write_text(json.dumps(changed.to_contract()) + "\n", encoding="utf-8")
    assert "1 replaced" in run("ingest", str(tmp_path / "changed.jsonl"), "--extracted", "--db", kb_path)
    names = {p["name"] for p in json.loads(run("people", "--db", kb_path, "--format", "json"))["items"]}
    assert "Villanueva Carbajal" in names
    # merge them back: the newer decision replaces the split
    short = json.loads(run("person", "Villanueva Carbajal", "--db", kb_path, "--format", "json"))
    long = [p for p in json.loads(run("people", "--db", kb_path, "--format", "json"))["items"]
            if p["name"] == "Luis Alberto Villanueva Carbajal"][0]
    assert "merged person" in run("merge", str(long["id"]), str(short["id"]), "--db", kb_path)
    decisions = json.loads(run("sql", "SELECT action FROM decisions", "--db", kb_path, "--format", "json"))
    assert decisions == [{"action": "merge"}]
    names = [p["name"] for p in json.loads(run("people", "--db", kb_path, "--format", "json"))["items"]]
    assert "Villanueva Carbajal" not in names


def test_kb_cli_missing_database_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["people", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no knowledge base" in result.output
    assert not (tmp_path / "none.db").exists()


def test_kb_cli_ingest_bad_extraction_lines_are_rejected_not_fatal(tmp_path):
    source = tmp_path / "mixed.jsonl"
    good = corpus()[0].to_contract()
    source.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"id": 3}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(source), "--extracted", "--db", str(tmp_path / "kb.db")])
    assert result.exit_code == 3
    assert "mixed.jsonl:2" in result.output and "1 added" in result.output and "2 rejected" in result.output


def test_kb_cli_env_default_database(tmp_path, monkeypatch, kb_path):
    monkeypatch.setenv("LEGATION_DB", kb_path)
    assert "Nguyen Van Dung" in run("people")


def test_kb_cli_series_from_the_knowledge_base(kb_path):
    out = run("series", "--db", kb_path, "--from", "Ho Chi Minh City", "--to", "Peru", "--format", "json")
    data = json.loads(out)
    (series,) = [s for s in data if s["measure"] == "exports"] if isinstance(data, list) else data["series"]
    points = series["points"]
    assert {p["document"] for p in points} == {"a-lima", "b-lima"}
    assert {p["value"] for p in points} == {23_000_000.0}
    result = CliRunner().invoke(cli, ["series", "x.json", "--db", kb_path])
    assert result.exit_code == 2 and "not both" in result.output


def test_kb_cli_relations_picture(kb_path):
    out = run("relations", "VN", "PE", "--db", kb_path)
    assert out.startswith("VN – PE: 3 encounters")
    encounters = out.split("Encounters in date order\n")[1].split("\n\n")[0].splitlines()
    assert [line.split()[0] for line in encounters] == ["2023-11-09..2023-11-19", "2023-11-10", "2024-08-22"]
    assert "[2 sources]" in encounters[2]
    vn = out.split("People for VN\n")[1].split("\n\n")[0]
    pe = out.split("People for PE\n")[1].split("\n\n")[0]
    assert "Nguyen Van Dung" in vn and "Tran Tuan Anh" in vn and "Cabrera Toro" not in vn
    assert "Domingo Cabrera Toro" in pe and "Luis Alberto Villanueva Carbajal, Secretary General" in pe
    assert "exports: Ho Chi Minh City → Peru" in out
    data = json.loads(run("relations", "PE", "VN", "--db", kb_path, "--format", "json", "--since", "2024-01-01"))
    assert data["countries"] == ["PE", "VN"] and len(data["events"]) == 1
    assert data["series"][0]["points"][0]["value"] == 23_000_000.0
    result = CliRunner().invoke(cli, ["relations", "Vietnam", "PE", "--db", kb_path])
    assert result.exit_code == 1 and "alpha-2" in result.output
