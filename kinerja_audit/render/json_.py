"""The contract as JSON: UTF-8 text, indent 2, keys in the contract's own (stable) order."""
from __future__ import annotations

import json


def render(contract: dict, *, lang: str = "id", color: bool = False) -> str:
    """``lang`` and ``color`` are ignored: the JSON contract is language-neutral."""
    return json.dumps(contract, ensure_ascii=False, indent=2) + "\n"
