#!/usr/bin/env python3
"""Validates JSON lines on standard input against a JSON Schema (draft 2020-12).

Usage: validate-records.py SCHEMA < lines.jsonl
Prints one line per problem ("line N: /json/pointer: message") and exits 1 if there is any, 0 otherwise.
Run with the virtualenv scripts/install-deps --tests makes (.build-venv/bin/python).
"""
import json
import sys

import jsonschema


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    problems = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            print(f"line {number}: not JSON: {error}")
            problems += 1
            continue
        for error in validator.iter_errors(value):
            pointer = "/" + "/".join(str(part) for part in error.absolute_path)
            print(f"line {number}: {pointer}: {error.message[:300]}")
            problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
