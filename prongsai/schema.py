"""The content model as Python values, read from data/kinds.yaml.

Owns Field and Kind: what each item's YAML file may contain. The model is
data (kinds.yaml) so the validator, the editor schema and the documentation
all come from one place; this module only reads it and resolves the named
composite types (document, activity, result).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from . import yamlio

SCALAR_TYPES = {
    "text", "longtext", "int", "money", "decimal", "date", "month", "year",
    "url", "email", "phone", "file", "image", "bool", "choice", "counts",
}
IMAGE_EXTENSIONS = ("jpg", "jpeg", "png", "webp", "gif", "svg")


@dataclass(frozen=True)
class Field:
    """One field of a record: its type and what it means, in Thai and English."""

    name: str
    type: str
    th: str = ""
    en: str = ""
    #: the public heading on a page; th may carry writing instructions for the clerk
    label: str = ""
    required: bool = False
    #: for `list`: the item field (named "item"); for `record`: the sub-fields
    item: Field | None = None
    fields: tuple[Field, ...] = ()
    #: for `choice`: value -> Thai label
    choices: dict = field(default_factory=dict)
    #: for `file` and `image`: the allowed extensions
    ext: tuple[str, ...] = ()

    def sub(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


@dataclass(frozen=True)
class Kind:
    """A topic of evidence (procurement, executives, ...): the fields of its YAML file."""

    id: str
    th: str
    en: str
    #: the record type of the whole file
    record: Field
    #: what the optional Markdown body beside the YAML holds, or "" when the kind has none
    body_th: str = ""
    #: the public heading of the body
    body_label: str = ""
    body_en: str = ""


@dataclass(frozen=True)
class Model:
    """All kinds, the site settings record and the news front matter record."""

    kinds: dict
    site: Field
    news_post: Field


class SchemaError(Exception):
    """kinds.yaml itself is wrong: a bug in Prongsai, not in the clerk's content."""


def _field(name: str, spec: dict, types: dict) -> Field:
    kind = spec["type"]
    common = {
        "name": name, "th": spec.get("th", ""), "en": spec.get("en", ""), "label": spec.get("label") or spec.get("th", ""),
        "required": spec.get("required") == "true",
    }
    if kind in types:
        return Field(type="record", fields=_record_fields(types[kind], types), **common)
    if kind == "list":
        of = spec["of"]
        item_spec = {"type": "record", "fields": of} if isinstance(of, dict) else {"type": of}
        # An entry is named after its list, so messages about it say which list it is in.
        item_spec.update(th=common["th"], en=common["en"], label=common["label"])
        return Field(type="list", item=_field(name, item_spec, types), **common)
    if kind == "record":
        return Field(type="record", fields=_record_fields(spec["fields"], types), **common)
    if kind not in SCALAR_TYPES:
        raise SchemaError(f"field {name}: unknown type {kind}")
    ext = tuple(spec.get("ext") or (IMAGE_EXTENSIONS if kind == "image" else ()))
    return Field(type=kind, choices=spec.get("choices") or {}, ext=ext, **common)


def _record_fields(specs: dict, types: dict) -> tuple[Field, ...]:
    return tuple(_field(name, spec, types) for name, spec in specs.items())


def _record(name: str, specs: dict, types: dict, common: dict | None = None) -> Field:
    fields = _record_fields(specs, types) + (_record_fields(common, types) if common else ())
    return Field(name=name, type="record", fields=fields)


#: The content model's data file.
MODEL_FILE = Path(str(resources.files(__package__).joinpath("data", "kinds.yaml")))


def load_model() -> Model:
    """Read data/kinds.yaml from the package."""
    text = MODEL_FILE.read_text(encoding="utf-8")
    doc, problems = yamlio.parse(text, "prongsai/data/kinds.yaml")
    if problems or doc is None:
        raise SchemaError("; ".join(p.en for p in problems))
    data = doc.data
    types, common = data["types"], data["common"]
    kinds = {
        kind_id: Kind(
            id=kind_id, th=spec["th"], en=spec["en"],
            record=_record(kind_id, spec["fields"], types, common),
            body_th=(spec.get("body") or {}).get("th", ""),
            body_en=(spec.get("body") or {}).get("en", ""),
            body_label=(spec.get("body") or {}).get("label") or (spec.get("body") or {}).get("th", ""),
        )
        for kind_id, spec in data["kinds"].items()
    }
    return Model(
        kinds=kinds,
        site=_record("site", data["site"], types),
        news_post=_record("news_post", data["news_post"], types),
    )
