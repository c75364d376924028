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
    unmeasured = run_example(
        tmp_path, replace=[["0 nilai            -", "0 nilai            100 %"]]
    )
    text = _suggestion(unmeasured, "ZER001")
    assert "belum diukur pada periode ini" in text and "tanpa target" not in text


def test_one_corrected_sentence_carries_every_correction(tmp_path):
    findings = run_example(tmp_path, replace=[[
        ("Pada triwulan III diterbitkan 410 sertifikat dari target 400 sertifikat "
         "sehingga capaian sebesar\n"
         "102,50% dan melebihi target."),
        ("Pada triwulan II diterbitkan 410 sertifikat dari target 400 sertifikat "
         "sehingga capaian sebesar\n"
         "102,50% dan belum mencapai target.")]])
    rewrites = [f for f in findings if f.rule in ("NPD001", "NVD001")]
    assert {f.rule for f in rewrites} == {"NPD001", "NVD001"}
    for f in rewrites:
        assert "Pada triwulan III diterbitkan 410" in f.suggestion, f.suggestion
        assert "belum mencapai target" not in f.suggestion, f.suggestion


def test_a_single_rewrite_keeps_its_own_sentence(tmp_path):
    findings = run_example(
        tmp_path, replace=[["102,50% dan melebihi target.", "102,50% dan belum mencapai target."]]
    )
    verdict = next(f for f in findings if f.rule == "NVD001")
    assert "Pada triwulan III diterbitkan 410" in verdict.suggestion
    assert not any(f.rule == "NPD001" for f in findings)
