"""Versioned prompt files (prompts/*.yaml): loading, validation, rendering and content hashes."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from briefing.errors import ConfigurationError
from briefing.io.resources import resource_dir

#: The prompt the llm backend uses: the model labels numbered units of a report.
EXTRACT_PROMPT = "label-units"


class PromptFile(BaseModel):
    """One prompt file as written on disk; unknown keys are an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(description="Stable name of the prompt, recorded in the brief.")
    version: str = Field(description="Bumped whenever the wording changes meaning.")
    description: str = ""
    system: str = Field(description="Jinja template of the system message.")
    user: str = Field(description="Jinja template of the user message (holds the data block).")
    reask: str = Field(description="Jinja template of the message sent after invalid output.")


class RenderedPrompt(BaseModel):
    """The messages of one request, ready for the chat completions API."""

    model_config = ConfigDict(frozen=True)

    system: str
    user: str

    def messages(self) -> list[dict[str, str]]:
        return [{"role": "system", "content": self.system}, {"role": "user", "content": self.user}]


def _environment() -> jinja2.Environment:
    # Prompts are plain text, not HTML: no autoescaping; a missing variable is an error.
    return jinja2.Environment(
        undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True
    )


def data_delimiter(text: str) -> str:
    """A tag for the data block that the data itself cannot forge (derived from its hash)."""
    return "REPORT-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Prompt:
    """A loaded prompt: renders its parts with StrictUndefined and hashes itself with a schema."""

    def __init__(self, spec: PromptFile, path: Path | None = None) -> None:
        self.spec = spec
        self.path = path
        env = _environment()
        try:
            self._system = env.from_string(spec.system)
            self._user = env.from_string(spec.user)
            self._reask = env.from_string(spec.reask)
        except jinja2.TemplateSyntaxError as exc:
            raise ConfigurationError(f"prompt {spec.id} ({path}): {exc}") from exc

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def version(self) -> str:
        return self.spec.version

    def hash(self, schema: dict[str, Any]) -> str:
        """sha256 of the prompt's text plus the answer schema: changes when either changes."""
        payload = {
            "id": self.spec.id,
            "version": self.spec.version,
            "system": self.spec.system,
            "user": self.spec.user,
            "reask": self.spec.reask,
            "schema": schema,
        }
        canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def render(self, **variables: Any) -> RenderedPrompt:
        """System and user messages; raises ConfigurationError when a variable is missing."""
        try:
            return RenderedPrompt(
                system=self._system.render(**variables).strip(),
                user=self._user.render(**variables).strip(),
            )
        except jinja2.UndefinedError as exc:
            raise ConfigurationError(f"prompt {self.spec.id}: {exc}") from exc

    def render_reask(self, **variables: Any) -> str:
        """The follow-up message that carries a validation error back to the model."""
        try:
            return self._reask.render(**variables).strip()
        except jinja2.UndefinedError as exc:
            raise ConfigurationError(f"prompt {self.spec.id}: {exc}") from exc


def load_prompt_file(path: Path) -> Prompt:
    """Load and validate one prompt file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigurationError(f"cannot read prompt file {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigurationError(f"prompt file {path} must hold a mapping")
    try:
        spec = PromptFile.model_validate(data)
    except ValidationError as exc:
        raise ConfigurationError(f"prompt file {path} is invalid: {exc}") from exc
    return Prompt(spec, path)


@cache
def load_prompt(name: str = EXTRACT_PROMPT) -> Prompt:
    """A shipped prompt by name, from prompts/ in a checkout or inside the wheel."""
    path = resource_dir("prompts") / f"{name}.yaml"
    if not path.is_file():
        raise ConfigurationError(f"no prompt called {name!r} in {path.parent}")
    return load_prompt_file(path)
