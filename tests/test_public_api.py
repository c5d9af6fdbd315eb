"""The public API: a curated, sorted ``legation.__all__`` that matches what the
package exports, and the names the README and the contract promise."""

from __future__ import annotations

import importlib.metadata
import inspect

import legation


def public_names() -> set[str]:
    return {name for name, value in vars(legation).items()
            if not name.startswith("_") and not inspect.ismodule(value) and name != "annotations"}


def test_all_is_sorted():
    assert legation.__all__ == sorted(legation.__all__)


def test_all_has_no_duplicates():
    assert len(legation.__all__) == len(set(legation.__all__))


def test_all_is_complete():
    exported = set(legation.__all__) - {"__version__"}
    assert public_names() - exported == set(), "public names missing from __all__ (or name them _private)"
    assert exported - public_names() == set(), "__all__ lists names the package does not define"


def test_promised_names_are_exported():
    for name in ("extract", "extract_files", "Extraction", "ExtractionSet", "Settings", "LegationError",
                 "IngestError", "__version__"):
        assert name in legation.__all__, name


def test_every_exported_name_is_documented():
    for name in legation.__all__:
        if name != "__version__":
            assert inspect.getdoc(getattr(legation, name)), f"legation.{name} has no docstring"


def test_version_matches_the_package_metadata():
    assert legation.__version__ == importlib.metadata.version("legation")


def test_the_three_line_example_of_the_readme_is_the_api():
    sig = inspect.signature(legation.extract)
    assert list(sig.parameters)[0] == "text"
    assert sig.parameters["published"].kind is inspect.Parameter.KEYWORD_ONLY
    assert sig.parameters["doc_id"].kind is inspect.Parameter.KEYWORD_ONLY
    assert callable(legation.Extraction.to_contract)
