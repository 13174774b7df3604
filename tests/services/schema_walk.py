"""Walking a JSON document along its JSON Schema: every string and every integer with the
schema's name for its field (``"FileBallot.comment"``), so that a test covers a field
added later without being told."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Schema = dict[str, Any]
#: (field, its schema, its value) -> the value to put in its place
Change = Callable[[str, Schema, Any], Any]


def _resolved(root: Schema, node: Schema, name: str) -> tuple[Schema, str]:
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = root["$defs"][name]
    return node, name


def _branch(root: Schema, node: Schema, name: str, value: object) -> tuple[Schema, str]:
    """The branch of an ``anyOf`` that describes ``value`` (nullable fields)."""
    for option in node["anyOf"]:
        resolved, _ = _resolved(root, option, name)
        if resolved.get("type") != "null":
            return option, name
    return node, name


def rewrite(root: Schema, value: Any, change: Change, *, kind: str = "string") -> Any:
    """``value`` (a document of ``root``) with every leaf of ``kind`` ("string" or
    "integer") replaced by ``change(field, schema, leaf)``; free-form objects (an audit
    entry's ``detail``) count as one field whose every leaf string is offered."""
    return _rewrite(root, root, value, change, kind, "$", "")


def _rewrite(
    root: Schema, node: Schema, value: Any, change: Change, kind: str, name: str, field: str
) -> Any:
    node, name = _resolved(root, node, name)
    if value is None:
        return None
    if "anyOf" in node:
        branch, name = _branch(root, node, name, value)
        return _rewrite(root, branch, value, change, kind, name, field)
    typ = node.get("type")
    if typ == kind:
        return change(field, node, value)
    if typ == "array":
        items = node.get("items", {})
        return [_rewrite(root, items, item, change, kind, name, field) for item in value]
    if typ == "object" and "properties" in node:
        props = node["properties"]
        return {
            key: _rewrite(root, props[key], item, change, kind, name, f"{name}.{key}")
            if key in props
            else item
            for key, item in value.items()
        }
    if typ == "object" and kind == "string":  # free-form: every string in it
        return _free(value, lambda leaf: change(field, {"type": "string"}, leaf))
    return value


def _free(value: Any, change: Callable[[str], Any]) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, dict):
        return {change(k): _free(v, change) for k, v in value.items()}
    if isinstance(value, list):
        return [_free(v, change) for v in value]
    return value


def fields(root: Schema, kind: str = "string") -> dict[str, list[Schema]]:
    """Every field of ``kind`` the schema names (``Model.field``, nullable ones included),
    with the schemas its leaves may have."""
    found: dict[str, list[Schema]] = {}
    models = [("$", root), *root.get("$defs", {}).items()]
    for name, model in models:
        for key, sub in model.get("properties", {}).items():
            nodes = _of_kind(root, sub, kind)
            if nodes:
                found[f"{name}.{key}"] = nodes
    return found


def _of_kind(root: Schema, node: Schema, kind: str) -> list[Schema]:
    node, _ = _resolved(root, node, "")
    if "anyOf" in node:
        return [n for option in node["anyOf"] for n in _of_kind(root, option, kind)]
    if node.get("type") == "array" and kind == "integer":
        return _of_kind(root, node.get("items", {}), kind)
    if node.get("type") == "object" and "properties" not in node and kind == "string":
        return [{"type": "string"}]  # free-form (an audit entry's detail)
    return [node] if node.get("type") == kind else []


def seen(root: Schema, value: Any, kind: str = "string") -> set[str]:
    """The fields of ``kind`` that ``value`` fills (with something other than null)."""
    found: set[str] = set()

    def note(field: str, _schema: Schema, leaf: Any) -> Any:
        found.add(field)
        return leaf

    rewrite(root, value, note, kind=kind)
    return found


def strings_in(value: Any) -> list[str]:
    """Every string inside a JSON value, keys included."""
    found: list[str] = []

    def note(leaf: str) -> str:
        found.append(leaf)
        return leaf

    _free(value, note)
    return found
