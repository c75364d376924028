"""The README's JSON example is the real output of the reference seed, shortened: every value it
shows is the value ``kinerja-audit check SEED --format json`` gives (``"...": "..."`` marks what is
left out; lists show their first matching item)."""
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "lkj-tw2-2025-bkhit-kalbar.txt"


def readme_example() -> dict:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"### Kontrak JSON.*?```json\n(.*?)```", text, re.DOTALL).group(1)
    return json.loads(block)


def contains(shown, real, where="") -> None:
    if shown == "...":
        return
    if isinstance(shown, dict):
        assert isinstance(real, dict), where
        for key, value in shown.items():
            if key != "...":
                assert key in real, f"{where}.{key} not in the output"
                contains(value, real[key], f"{where}.{key}")
        return
    if isinstance(shown, list):
        for item in shown:   # each item shown is one of the real items (matched by its first
            first = next((k for k, v in item.items() if v != "..."), None) \
                if isinstance(item, dict) else None         # key with a value shown)
            candidates = [r for r in real if not first or r.get(first) == item[first]]
            assert candidates, f"{where}: no item like {item}"
            contains(item, candidates[0], f"{where}[]")
        return
    assert shown == real, f"{where}: README shows {shown!r}, the output has {real!r}"


def test_readme_json_example_is_the_seed_output(tmp_path):
    if not SEED.exists():
        pytest.skip("reference seed not present")
    import subprocess

    out = subprocess.run([sys.executable, "-m", "kinerja_audit", "check", str(SEED), "-f", "json"],
                         capture_output=True, text=True, encoding="utf-8", cwd=tmp_path,
                         check=False).stdout
    contains(readme_example(), json.loads(out))
