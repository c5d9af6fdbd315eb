"""The project's JSON Schema of the contract: committed = generated from the
models, and every output of `legation extract` (json and jsonl) validates."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from legation.cli import cli
from legation.models import SCHEMA
from legation.schema import FILES, document_schema, extraction_schema, generate, load
from legation.schema import validate_document as _validate_document
from legation.schema import validate_extraction as _validate_extraction

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "legation" / "schema"
ARTICLE = ("date 2023-10-12\nKenyan Trade Secretary Wanjiku Mwangi met Japanese Ambassador Hiroshi Tanaka in "
           "Nairobi on October 11. Mwangi said Kenya's exports to Japan reached US$ 120 million in 2022, "
           "up 8 percent from 2021.")


@pytest.mark.parametrize("name", sorted(FILES))
def test_committed_schema_equals_the_generated_one(name: str):
    committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert committed == generate()[name], (
        f"legation/schema/{name} is stale: the models changed. Run `make schema` and commit the result.")


@pytest.mark.parametrize("name", sorted(FILES))
def test_schema_is_valid_draft_2020_12(name: str):
    Draft202012Validator.check_schema(load(name))


# Outputs are checked against the schema the current models generate, so that a
# model change shows up once, in the staleness test above, not in every test.
def validate_extraction(obj: dict) -> list[str]:
    return _validate_extraction(obj, extraction_schema())


def validate_document(obj: dict) -> list[str]:
    return _validate_document(obj, document_schema())


def test_committed_schema_is_what_validate_uses_by_default():
    assert _validate_extraction({"schema": SCHEMA, "documents": [], "rejected": []}) == []
    assert _validate_document({}) != []


def extract(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["extract", *args], catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory, make_warc_module, sample_pages_module) -> Path:
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "kenya.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "page.html").write_text(
        "<html><head><title>Talks</title><meta name='date' content='2023-10-13'>"
        "<link rel='canonical' href='https://news.example.org/talks'></head><body><nav>Home</nav><article><p>"
        + ARTICLE.split("\n", 1)[1] + "</p></article></body></html>", encoding="utf-8")
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": ARTICLE.split("\n", 1)[1], "published": "2023-10-14", "title": "T"})
        + "\n{broken\n", encoding="utf-8")
    (folder / "crawl.warc.gz").write_bytes(make_warc_module(sample_pages_module, gzip=True))
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def make_warc_module():
    from conftest import build_warc

    return build_warc


@pytest.fixture(scope="module")
def sample_pages_module():
    from conftest import article_html

    return [(f"https://news.example.org/{i}", article_html(
        f"Story {i}", ["The foreign ministers of Indonesia and Chile held talks in Jakarta on Friday and agreed "
                       "to widen trade in copper and palm oil.", "Both sides signed a memorandum on fisheries."],
        published=f"2023-03-0{i + 1}").encode()) for i in range(2)]


@pytest.mark.slow
def test_json_output_validates(mixed_folder: Path):
    code, out = extract([str(mixed_folder)])
    assert code == 3  # the empty file and the broken line are rejected
    data = json.loads(out)
    assert validate_extraction(data) == []
    assert data["schema"] == SCHEMA
    assert len(data["documents"]) == 5 and len(data["rejected"]) == 2


@pytest.mark.slow
def test_jsonl_output_validates(mixed_folder: Path):
    code, out = extract([str(mixed_folder), "--format", "jsonl"])
    lines = out.splitlines()
    assert code == 3 and len(lines) == 5
    for line in lines:
        assert validate_document(json.loads(line)) == []


@pytest.mark.slow
def test_seed_output_validates(shared_dir: Path, seeds_output: Path):
    data = json.loads(seeds_output.read_text(encoding="utf-8"))
    assert validate_extraction(data) == []
    assert len(data["documents"]) == len(list((shared_dir / "seeds").glob("*.txt")))
    for doc in data["documents"]:  # what --format jsonl writes, one a line (same serializer)
        assert validate_document(doc) == []


@pytest.mark.slow
def test_python_api_output_validates():
    import legation

    doc = legation.extract(ARTICLE.split("\n", 1)[1], published="2023-10-12", doc_id="api")
    assert validate_document(doc.to_contract()) == []


VALID = {"id": "x", "source": "x.txt", "title": None, "url": None, "published": "2024-05", "published_basis":
         "inferred", "text": "Hello.", "people": [], "organizations": [], "places": [], "dates": [], "events": [],
         "figures": [], "acronyms": [], "warnings": []}


def test_schema_accepts_a_minimal_document():
    doc = copy.deepcopy(VALID)
    for name, prop in document_schema()["properties"].items():
        doc.setdefault(name, [] if prop.get("type") == "array" else None)  # fields others added since
    assert validate_document(doc) == []


@pytest.mark.parametrize(("change", "problem"), [
    (lambda d: d.pop("people"), "'people' is a required property"),
    (lambda d: d.update(colour="red"), "Additional properties are not allowed"),
    (lambda d: d.update(published="23 May 2024"), "published: '23 May 2024' is not valid"),
    (lambda d: d.update(published_basis="guess"), "is not valid under any of the given schemas"),
    (lambda d: d["people"].append({"id": "P1", "name": "A", "aliases": [], "country": "Peru", "titles": [],
                                   "mentions": [[0, 1]]}), "people/0/country"),
    (lambda d: d["figures"].append({"measure": "exports", "value": "many", "unit": "USD"}), "is not of type"),
])
def test_schema_rejects_what_breaks_the_contract(change, problem):
    doc = copy.deepcopy(VALID)
    for name, prop in document_schema()["properties"].items():
        doc.setdefault(name, [] if prop.get("type") == "array" else None)
    change(doc)
    problems = validate_document(doc)
    assert problems and any(problem in p for p in problems), problems


def test_wrong_schema_name_is_rejected():
    assert validate_extraction({"schema": "legation.extraction/0", "documents": [], "rejected": []})
