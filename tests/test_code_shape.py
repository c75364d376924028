"""Shape of the code: functions stay short enough to read.

A function of the package has at most ``LIMIT`` lines.  The few longer ones that exist are listed
with their present length: they may shrink, never grow, and a new function never joins them.
(Cyclomatic complexity is limited by ruff, ``C901`` at 25: ``make lint``.)
"""
import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "kinerja_audit"
LIMIT = 60
# (module, function): its length today; to be split when next touched.
LONGER = {
    ("parse/tables.py", "_read_body"): 147,
    ("data/generate.py", "_plant"): 116,
    ("data/expr.py", "to_sql"): 62,
    ("data/checks.py", "integrity_checks"): 62,
    ("data/expr.py", "to_spark"): 62,
    ("runner.py", "_pooled"): 61,
    ("data/expr.py", "to_query"): 61,
}


def _functions():
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield module, node.name, node.end_lineno - node.lineno + 1


def test_functions_are_short_or_do_not_grow():
    too_long = []
    for module, name, length in _functions():
        allowed = LONGER.get((module, name), LIMIT)
        if length > allowed:
            too_long.append(f"{module}:{name} has {length} lines (limit {allowed})")
    assert too_long == []


def test_the_list_of_longer_functions_names_real_functions():
    present = {(m, n) for m, n, _ in _functions()}
    assert set(LONGER) <= present, set(LONGER) - present


def test_lint_is_clean():
    """``make lint``: ruff over every Python folder (pyproject.toml settings)."""
    root = PACKAGE.parent
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "kinerja_audit", "tests",
                           "benchmarks", "schemas", "checks"],
                          cwd=root, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-1000:]
