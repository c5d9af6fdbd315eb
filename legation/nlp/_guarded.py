"""The shape shared by our spaCy components: ``match`` then ``set_annotations``, guarded.

spaCy's best practice is ``__call__ = set_annotations(doc, match(doc))`` with
the work wrapped in the component's error handler.  spaCy's default handler
re-raises, which would drop a whole ``nlp.pipe`` batch for one odd article;
ours records a ``component_failed`` warning on the document (naming the
component and the error) and lets the document go on without that
component's output.  ``nlp.set_error_handler(fn)`` still replaces it, e.g.
with ``spacy.util.raise_error`` in tests that want failures loud.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

from legation.models import Warning
from legation.nlp.extensions import get_dict, get_list

log = logging.getLogger("legation.nlp")

ErrorHandler = Callable[[str, Any, list[Doc], Exception], Any]


def record_failure(name: str, component: Any, docs: list[Doc], exc: Exception) -> None:
    """The default handler: a warning on each document, a log line naming it."""
    for doc in docs:
        doc_id = get_dict(doc, "legation_meta").get("id")
        log.warning("%s failed on document %s: %s: %s", name, doc_id, type(exc).__name__, exc)
        get_list(doc, "legation_warnings").append(
            Warning(kind="component_failed", message=f"{name} failed: {type(exc).__name__}: {exc}"))


class GuardedComponent:
    """Base for components whose ``match`` may meet text it cannot handle."""

    name: str

    def __init__(self, name: str) -> None:
        self.name = name
        self._error_handler: ErrorHandler = record_failure

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self.set_annotations(doc, self.match(doc))
        except Exception as exc:  # noqa: BLE001 - handed to the error handler, which decides
            self.get_error_handler()(self.name, self, [doc], exc)
            return doc

    def match(self, doc: Doc) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def set_annotations(self, doc: Doc, result: Any) -> Doc:  # pragma: no cover - abstract
        raise NotImplementedError

    def get_error_handler(self) -> ErrorHandler:
        return self._error_handler

    def set_error_handler(self, error_handler: ErrorHandler) -> None:
        self._error_handler = error_handler


class RuleComponent(GuardedComponent):
    """Base of the entity components: rules configured by the curated lexicon.

    Their ``match`` annotates as it goes (a later step of the same component reads what an
    earlier one claimed, e.g. people read the organizations' token claims), so
    ``set_annotations`` has nothing left to do but return the document.
    """

    def __init__(self, nlp: Any = None, name: str = "", *, lex: Any = None) -> None:
        from legation.nlp.lexicon import load_lexicon

        GuardedComponent.__init__(self, name)
        self.lex = lex or load_lexicon()

    def set_annotations(self, doc: Doc, result: Doc) -> Doc:
        return result
