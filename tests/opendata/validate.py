#!/usr/bin/env python3
"""Validates Galaxie's open-data exports against the national reference schemas.

- A MedNum CSV against La MedNum's Table Schema (frictionless): every column in the schema's
  order, types, patterns, required and unique values.
- data.inclusion JSON files (each one JSON array) against the v1 JSON Schemas (jsonschema,
  the draft the schema declares, Draft 2020-12 when it declares none), every item on its own,
  formats (uri, email, date) included; ids unique; each service's structure_id names a
  structure of the structures file when both are given.

Prints one JSON report on standard output and exits 1 when anything is invalid (2 on a usage
error). The schemas are read from tests/fixtures/reference/ unless given.

    validate.py --mednum mednum.csv --structures structures.json --services services.json
"""

import argparse
import json
import sys
from pathlib import Path

REFERENCE = Path(__file__).resolve().parent.parent / "fixtures" / "reference"
MEDNUM_SCHEMA = REFERENCE / "mednum-lieux-mediation-numerique.schema.json"
DI_STRUCTURE = REFERENCE / "data-inclusion" / "v1" / "structure.json"
DI_SERVICE = REFERENCE / "data-inclusion" / "v1" / "service.json"


def validate_mednum(path: Path, schema_path: Path) -> dict:
    from frictionless import Dialect, Resource, Schema, formats

    # Read here: frictionless refuses absolute paths as "not safe".
    schema = Schema.from_descriptor(json.loads(schema_path.read_text(encoding="utf-8")))
    path = path.resolve()
    resource = Resource(
        path=path.name,
        basepath=str(path.parent),
        schema=schema,
        format="csv",
        encoding="utf-8",
        dialect=Dialect(controls=[formats.CsvControl(delimiter=",")]),
    )
    report = resource.validate()
    errors = []
    for task in report.tasks:
        for error in task.errors:
            errors.append(
                {
                    "type": error.type,
                    "row": getattr(error, "row_number", None),
                    "field": getattr(error, "field_name", None),
                    "message": error.message,
                }
            )
    for error in report.errors:
        errors.append({"type": error.type, "message": error.message})
    rows = sum(task.stats.get("rows", 0) or 0 for task in report.tasks)
    return {
        "kind": "mednum",
        "path": str(path),
        "schema": str(schema_path),
        "valid": report.valid and not errors,
        "rows": rows,
        "errors": errors,
    }


def json_validator(schema_path: Path):
    from jsonschema import Draft202012Validator, validators

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    cls = validators.validator_for(schema, default=Draft202012Validator)
    cls.check_schema(schema)
    checker = cls.FORMAT_CHECKER
    for fmt in ("uri", "email", "date"):
        if fmt not in checker.checkers:
            raise SystemExit(
                f"jsonschema cannot check the format {fmt!r} here: install requirements.txt"
            )
    return cls(schema, format_checker=checker), cls.__name__


def validate_data_inclusion(kind: str, path: Path, schema_path: Path) -> dict:
    validator, draft = json_validator(schema_path)
    result = {
        "kind": f"data-inclusion/{kind}",
        "path": str(path.resolve()),
        "schema": str(schema_path),
        "draft": draft,
        "valid": False,
        "items": 0,
        "errors": [],
        "ids": [],
    }
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        result["errors"].append({"message": f"cannot read JSON: {e}"})
        return result
    if not isinstance(data, list):
        result["errors"].append({"message": "expected one JSON array of objects"})
        return result
    result["items"] = len(data)
    seen = {}
    for index, item in enumerate(data):
        item_id = item.get("id") if isinstance(item, dict) else None
        for error in sorted(validator.iter_errors(item), key=lambda e: list(e.path)):
            result["errors"].append(
                {
                    "item": index,
                    "id": item_id,
                    "path": "/".join(str(p) for p in error.absolute_path),
                    "message": error.message,
                }
            )
        if item_id is not None:
            if item_id in seen:
                result["errors"].append(
                    {
                        "item": index,
                        "id": item_id,
                        "message": f"id already used by item {seen[item_id]}",
                    }
                )
            seen.setdefault(item_id, index)
    result["ids"] = list(seen)
    result["valid"] = not result["errors"]
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mednum", type=Path, help="a MedNum CSV")
    parser.add_argument("--structures", type=Path, help="a data.inclusion structures JSON array")
    parser.add_argument("--services", type=Path, help="a data.inclusion services JSON array")
    parser.add_argument("--mednum-schema", type=Path, default=MEDNUM_SCHEMA)
    parser.add_argument("--structure-schema", type=Path, default=DI_STRUCTURE)
    parser.add_argument("--service-schema", type=Path, default=DI_SERVICE)
    args = parser.parse_args()
    if not (args.mednum or args.structures or args.services):
        parser.print_usage(sys.stderr)
        print("give at least one of --mednum, --structures, --services", file=sys.stderr)
        return 2

    files = []
    if args.mednum:
        files.append(validate_mednum(args.mednum, args.mednum_schema))
    structures = services = None
    if args.structures:
        structures = validate_data_inclusion("structures", args.structures, args.structure_schema)
        files.append(structures)
    if args.services:
        services = validate_data_inclusion("services", args.services, args.service_schema)
        files.append(services)
    if structures is not None and services is not None:
        known = set(structures["ids"])
        data = json.loads(args.services.read_text(encoding="utf-8"))
        for index, item in enumerate(data if isinstance(data, list) else []):
            sid = item.get("structure_id") if isinstance(item, dict) else None
            if sid not in known:
                services["errors"].append(
                    {
                        "item": index,
                        "id": item.get("id") if isinstance(item, dict) else None,
                        "path": "structure_id",
                        "message": f"{sid!r} is not the id of a structure in {args.structures}",
                    }
                )
        services["valid"] = not services["errors"]
    for f in files:
        f.pop("ids", None)
    report = {"valid": all(f["valid"] for f in files), "files": files}
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0 if report["valid"] else 1


if __name__ == "__main__":
    sys.exit(main())
