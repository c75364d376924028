"""README.md stays true to the code: its rule table is the one the rule packs generate."""
import readme_rules


def test_rule_table_is_generated_from_the_packs():
    text = readme_rules.README.read_text(encoding="utf-8")
    assert text == readme_rules.rendered_readme(), "README rule table is stale: run `make readme`"
