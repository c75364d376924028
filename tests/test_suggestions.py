"""Suggestions that fit the case they are given for."""
from test_rule_cases import run_example


def _suggestion(findings, rule):
    return next(f.suggestion for f in findings if f.rule == rule)


def test_zero_target_with_something_realised_is_not_called_unmeasured(tmp_path):
    realised = run_example(tmp_path, replace=[["0 nilai         0 nilai            -",
                                               "0 nilai         80 nilai           100 %"]])
    text = _suggestion(realised, "ZER001")
    assert "80 nilai dicapai tanpa target" in text and "belum diukur" not in text
    # near miss: nothing realised against the zero target: not measured yet
    unmeasured = run_example(tmp_path, replace=[["0 nilai            -", "0 nilai            100 %"]])
    text = _suggestion(unmeasured, "ZER001")
    assert "belum diukur pada periode ini" in text and "tanpa target" not in text
