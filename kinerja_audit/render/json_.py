"""The contract as JSON: UTF-8 text, indent 2, keys in the contract's own (stable) order."""
from __future__ import annotations

import json


def render(contract: dict, *, lang: str = "id", options=None) -> str:
    """``lang`` and ``options`` are ignored: the JSON contract is language-neutral.  A number
    that is not finite (NaN, Infinity: not JSON) is written as null."""
    from ..contract import finite

    return json.dumps(finite(contract), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
