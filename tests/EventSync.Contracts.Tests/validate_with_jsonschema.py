"""Validates messages with Python's jsonschema (draft 2020-12), as an engine written in Python would.

Usage: validate_with_jsonschema.py CASES.json SCHEMA_DIR
CASES.json holds [{"name", "schema", "message", "valid"}]; prints each case whose verdict differs and exits 1 if any.
"""
import json
import re
import sys
from datetime import datetime

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ModuleNotFoundError:
    print("jsonschema is not installed", file=sys.stderr)
    sys.exit(3)

# jsonschema checks "date-time" only with rfc3339-validator installed; this is the same RFC 3339 rule.
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")
format_checker = jsonschema.FormatChecker()


@format_checker.checks("date-time")
def is_rfc3339(value):
    if not isinstance(value, str):
        return True
    if not RFC3339.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
        return True
    except ValueError:
        return False


cases_file, schema_dir = sys.argv[1], sys.argv[2]
validators = {}
differing = 0
cases = json.load(open(cases_file, encoding="utf-8"))
for case in cases:
    name = case["schema"]
    if name not in validators:
        schema = json.load(open(f"{schema_dir}/{name}", encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        validators[name] = Draft202012Validator(schema, format_checker=format_checker)
    errors = [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message[:120]}" for e in validators[name].iter_errors(case["message"])]
    if (not errors) != case["valid"]:
        differing += 1
        print(f"{case['name']}: expected {'valid' if case['valid'] else 'invalid'}, jsonschema says {errors or 'valid'}")
print(f"{len(cases)} messages, {differing} with another verdict")
sys.exit(1 if differing else 0)
