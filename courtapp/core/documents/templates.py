"""Document templates as data: ``resources/templates/<lang>/<kind>.json``.

A template is a JSON object of named texts: ``title``, ``basis``, ``body``
(a list of paragraphs), ``legal_basis`` (a list), ``term``, ``remedy`` and
kind-specific pieces (variants such as ``title_revoke``, list item patterns
such as ``obligation_monetary``).  Texts hold named placeholders
(``{respondent}``, ``{deadline}``…) that the builders fill in.  A paragraph
that is exactly one placeholder (``"{obligations}"``) expands into one
paragraph per item when its value is a list.

``common.json`` in the same folder holds the labels shared by every kind
(party roles, identifier labels, kinds of enforcement basis…).

Civil Procedure Law articles are never written into a template: a template
says ``{cpl_restriction_measures}`` (or another key of
:data:`courtapp.core.domain.citations.CPL_ARTICLES`) and the builder fills in
the article of the version in force on the document's date (R-N2).

A court may edit the wording without a release: pass ``templates_dir`` to
the builders or set ``COURTAPP_TEMPLATES_DIR`` to a folder with the same
layout; a file missing there falls back to the bundled one.  The builders
copy the filled-in text into the :class:`~courtapp.core.documents.model.Document`,
so a later template change never alters a document already built.
"""

from __future__ import annotations

import json
import os
import string
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from courtapp.core.documents.model import DocKind
from courtapp.core.paths import resources_dir

LANGS = ("zh", "en")

#: Keys every template of a kind must define (besides ``title``).
REQUIRED: dict[DocKind, tuple[str, ...]] = {
    DocKind.EXECUTION_NOTICE: ("basis", "body", "legal_basis", "term", "remedy", "outstanding",
                               "obligation_monetary", "obligation_non_monetary"),
    DocKind.WARNING: ("basis", "body", "legal_basis", "term", "remedy", "outstanding"),
    DocKind.LISTING_DECISION: ("basis", "body", "legal_basis", "term_fixed", "term_none",
                               "remedy", "outstanding", "decision_fixed", "decision_none"),
    DocKind.RESTRICTION_ORDER: ("basis", "body", "legal_basis", "term", "term_open", "remedy",
                                "outstanding", "initiation_application", "initiation_ex_officio",
                                "initiation_listing", "person", "person_name", "item",
                                "period", "period_open", "entity_clause", "legal_consequences",
                                "objectors_entity", "objectors_person"),
    DocKind.RESTRICTION_LIFTING: ("basis", "body_whole", "body_items", "legal_basis", "term",
                                  "remedy", "grounds", "ground_bases", "item"),
    DocKind.DELETION: ("title_revoke", "basis", "body_delete", "body_revoke", "legal_basis_delete",
                       "legal_basis_revoke", "term", "remedy", "grounds", "ground_expired",
                       "ground_early", "article_items", "article_expired", "article_early",
                       "relisting", "relisting_bar", "article_relisting", "article_relisting_bar",
                       "late_delete", "late_revoke"),
    DocKind.CORRECTION_DECISION: ("title_rejected", "basis", "body_granted", "body_rejected",
                                  "legal_basis", "term_granted", "term_rejected",
                                  "remedy_granted", "remedy_rejected", "grounds", "actions"),
    DocKind.PERMISSION: ("title_private", "title_necessary", "basis", "body_travel",
                         "body_private", "body_necessary", "legal_basis_travel",
                         "legal_basis_private", "legal_basis_necessary", "term", "remedy",
                         "travel_grounds"),
    DocKind.RECEIPT: ("basis", "body", "term", "remedy", "petitions", "legal_basis"),
}
COMMON_REQUIRED = ("roles", "officer_roles", "basis_kinds", "id_person", "id_entity", "sex",
                   "person_detail", "entity_detail", "officer_detail", "join", "date",
                   "signature_date", "signer", "qr_caption", "legal_basis_heading",
                   "representative", "case_number", "page", "former_officer_roles", "supersedes")


class TemplateError(ValueError):
    """A template file is missing, malformed or uses an unknown placeholder."""


def _bundled() -> Path:
    return resources_dir() / "templates"


def template_dirs(templates_dir: Path | None = None) -> list[Path]:
    """Where templates are looked up, first match wins: the argument, then
    ``COURTAPP_TEMPLATES_DIR``, then the bundled templates."""
    dirs: list[Path] = []
    if templates_dir is not None:
        dirs.append(Path(templates_dir))
    env = os.environ.get("COURTAPP_TEMPLATES_DIR")
    if env:
        dirs.append(Path(env))
    dirs.append(_bundled())
    return dirs


def _read(name: str, lang: str, templates_dir: Path | None) -> tuple[dict[str, Any], Path]:
    if lang not in LANGS:
        raise TemplateError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    for d in template_dirs(templates_dir):
        path = d / lang / f"{name}.json"
        if path.is_file():
            return _parsed(path), path
    raise TemplateError(f"no template {lang}/{name}.json in {', '.join(map(str, template_dirs(templates_dir)))}")


#: Parsed templates by (path, modification time, size): parsed once per process,
#: and again only when the file changes (a court may edit its templates).
_PARSED: dict[tuple[str, int, int], dict[str, Any]] = {}


def _parsed(path: Path) -> dict[str, Any]:
    try:
        st = path.stat()
        stamp = (str(path), st.st_mtime_ns, st.st_size)
        if stamp in _PARSED:
            return _PARSED[stamp]
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TemplateError(f"{path}: not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise TemplateError(f"{path}: a template is a JSON object")
    _PARSED[stamp] = data
    return data


class _Values(dict[str, Any]):
    def __init__(self, values: Mapping[str, Any], where: str) -> None:
        super().__init__(values)
        self.where = where

    def __missing__(self, key: str) -> Any:
        raise TemplateError(f"{self.where}: unknown placeholder {{{key}}}")


def fill(text: str, values: Mapping[str, Any], where: str = "template") -> str:
    """``text`` with its ``{name}`` placeholders replaced; an unknown one is an error."""
    try:
        return string.Formatter().vformat(text, (), _Values(values, where))
    except (IndexError, ValueError) as exc:
        raise TemplateError(f"{where}: malformed placeholder in {text!r}: {exc}") from exc


@dataclass(frozen=True)
class Template:
    kind: str  # a DocKind value, or "common"
    lang: str
    data: Mapping[str, Any]
    path: Path

    @property
    def title(self) -> str:
        return str(self.data["title"])

    def raw(self, key: str) -> Any:
        try:
            return self.data[key]
        except KeyError:
            raise TemplateError(f"{self.path}: no text {key!r}") from None

    def text(self, key: str, **values: Any) -> str:
        """One text, filled in.  A list value is joined with the language's separator."""
        raw = self.raw(key)
        if not isinstance(raw, str):
            raise TemplateError(f"{self.path}: {key!r} must be a string")
        return fill(raw, values, f"{self.path.name}:{key}")

    def paragraphs(self, key: str, **values: Any) -> list[str]:
        """A list of paragraphs, filled in; ``"{name}"`` alone expands a list value."""
        raw = self.raw(key)
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not all(isinstance(p, str) for p in raw):
            raise TemplateError(f"{self.path}: {key!r} must be a list of strings")
        out: list[str] = []
        for p in raw:
            name = p.strip()
            if name.startswith("{") and name.endswith("}") and name[1:-1].isidentifier():
                v = values.get(name[1:-1])
                if isinstance(v, list | tuple):
                    out.extend(str(x) for x in v if str(x))
                    continue
            t = fill(p, values, f"{self.path.name}:{key}")
            if t.strip():
                out.append(t)
        return out

    def mapping(self, key: str) -> Mapping[str, Any]:
        raw = self.raw(key)
        if not isinstance(raw, dict):
            raise TemplateError(f"{self.path}: {key!r} must be an object")
        return raw


def load_template(kind: DocKind | str, lang: str, templates_dir: Path | None = None) -> Template:
    """The template of ``kind`` in ``lang``, checked for its required texts."""
    k = DocKind(kind)
    data, path = _read(k.value, lang, templates_dir)
    missing = [key for key in ("title", *REQUIRED[k]) if key not in data]
    if missing:
        raise TemplateError(f"{path}: missing {', '.join(missing)}")
    return Template(k.value, lang, data, path)


def load_common(lang: str, templates_dir: Path | None = None) -> Template:
    data, path = _read("common", lang, templates_dir)
    missing = [key for key in COMMON_REQUIRED if key not in data]
    if missing:
        raise TemplateError(f"{path}: missing {', '.join(missing)}")
    return Template("common", lang, data, path)
