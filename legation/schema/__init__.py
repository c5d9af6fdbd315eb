"""The JSON Schema of the extraction contract, generated from ``legation.models``.

Why a committed, generated file: users validate our output (and their own
tools' output) without installing Legation, and a diff of the schema in a pull
request shows exactly how the contract changed.  ``tests/test_schema.py`` fails
when the committed files differ from what the models generate; run
``make schema`` (``python -m legation.schema --write``) after changing a model.

Two files, both draft 2020-12:

* ``extraction.schema.json``: what ``legation extract --format json`` writes
  (``{"schema", "documents", "rejected"}``).
* ``document.schema.json``: one document, i.e. one line of ``--format jsonl``.

Every field of every object is required: the extractor always writes all of
them (``null`` or ``[]`` when empty), and objects allow no other fields.
"""

from __future__ import annotations

import copy
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from legation.models import SCHEMA, Extraction, ExtractionSet

__all__ = ["FILES", "document_schema", "extraction_schema", "generate", "load", "validate_document",
           "validate_extraction"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FILES = {"extraction.schema.json": "extraction", "document.schema.json": "document"}


def _all_required(node: Any) -> None:
    """Mark every property of every object schema required (the writer always emits all)."""
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" in node:
            node["required"] = list(node["properties"])
        for value in node.values():
            _all_required(value)
    elif isinstance(node, list):
        for value in node:
            _all_required(value)


#: ISO 8601 calendar date at the precision known: 2024, 2024-08 or 2024-08-23
ISO_DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
#: ISO 3166-1 alpha-2
COUNTRY = r"^[A-Z]{2}$"
#: rules of docs/contract.md that the models' types do not carry: (model, field) -> constraint
REFINEMENTS: dict[tuple[str, str], dict] = {
    **{(model, name): {"pattern": ISO_DATE} for model, name in (
        ("Extraction", "published"), ("DateExpr", "start"), ("DateExpr", "end"), ("DateExpr", "base"),
        ("Period", "start"), ("Period", "end"))},
    **{(model, name): {"pattern": COUNTRY} for model, name in (
        ("Person", "country"), ("Organization", "country"), ("Place", "country"), ("EventPlace", "country"),
        ("Event", "source_country"), ("Event", "target_country"))},
    ("Evidence", "start"): {"minimum": 0},
    ("Evidence", "end"): {"minimum": 0},
}


def _refine(schema: dict, root_name: str) -> None:
    defs = dict(schema.get("$defs", {}))
    defs[root_name] = schema
    for (model, name), rule in REFINEMENTS.items():
        prop = defs.get(model, {}).get("properties", {}).get(name)
        if prop is None:
            continue
        branches = [b for b in prop.get("anyOf", [prop]) if b.get("type") in ("string", "integer")]
        for branch in branches:
            branch.update(rule)
    for model in defs.values():  # character spans [start, end] are never negative
        for prop in model.get("properties", {}).values():
            for branch in prop.get("anyOf", [prop]):
                spans = [branch] + ([branch["items"]] if isinstance(branch.get("items"), dict) else [])
                for span in spans:
                    for item in span.get("prefixItems", []):
                        if item.get("type") == "integer":
                            item["minimum"] = 0


def _finish(schema: dict, root_name: str, schema_id: str, description: str) -> dict:
    _refine(schema, root_name)
    _all_required(schema)
    schema.pop("description", None)
    return {"$schema": DRAFT, "$id": schema_id, "description": description, **schema}


def extraction_schema() -> dict:
    """The schema of the json output, freshly generated from the models."""
    schema = ExtractionSet.model_json_schema(by_alias=True, mode="serialization")
    schema["properties"]["schema"] = {"const": SCHEMA, "title": "Schema",
                                      "description": "The contract's name and version."}
    return _finish(schema, "ExtractionSet", "urn:legation:schema:extraction:1",
                   f"{SCHEMA}: what `legation extract --format json` writes (docs/contract.md).")


def document_schema() -> dict:
    """The schema of one document (one line of the jsonl output)."""
    schema = Extraction.model_json_schema(by_alias=True, mode="serialization")
    return _finish(schema, "Extraction", "urn:legation:schema:document:1",
                   f"One document of {SCHEMA}: one line of `legation extract --format jsonl` (docs/contract.md).")


def generate() -> dict[str, str]:
    """File name -> text, as committed under legation/schema/."""
    made = {"extraction": extraction_schema(), "document": document_schema()}
    return {name: json.dumps(made[kind], indent=2, ensure_ascii=False, sort_keys=False) + "\n"
            for name, kind in FILES.items()}


def load(name: str = "extraction.schema.json") -> dict:
    """A committed schema file (shipped as package data)."""
    return json.loads(resources.files("legation.schema").joinpath(name).read_text(encoding="utf-8"))


def _errors(obj: dict, schema: dict) -> list[str]:
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(schema)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
            for e in Draft202012Validator(schema).iter_errors(copy.deepcopy(obj))]


def validate_extraction(obj: dict, schema: dict | None = None) -> list[str]:
    """Problems with a json output object, one line each (empty when it is valid).

    :param schema: the schema to use (default: the committed extraction.schema.json)
    """
    return _errors(obj, schema or load("extraction.schema.json"))


def validate_document(obj: dict, schema: dict | None = None) -> list[str]:
    """Problems with one document (a jsonl line), one line each (empty when it is valid).

    :param schema: the schema to use (default: the committed document.schema.json)
    """
    return _errors(obj, schema or load("document.schema.json"))


def main(argv: list[str] | None = None) -> int:
    """``python -m legation.schema [--write | --check] [DIR]``."""
    args = list(sys.argv[1:] if argv is None else argv)
    mode = args.pop(0) if args and args[0].startswith("--") else "--check"
    folder = Path(args[0]) if args else Path(__file__).parent
    stale = []
    for name, text in generate().items():
        path = folder / name
        if mode == "--write":
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    if stale:
        print(f"stale: {', '.join(stale)}; run `make schema`", file=sys.stderr)
        return 1
    return 0
