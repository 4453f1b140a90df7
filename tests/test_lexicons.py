"""Every per-language lexicon loads, uses known kinds and roles, and its date patterns work."""

import pytest

from parley import lexicon
from parley.kb import ROLES
from parley.mentions import date_mentions

LANGS = ["zh", "vi", "en", "ru", "ar", "de", "fr", "es", "ja", "ko"]


def test_ten_languages_have_lexicons():
    assert set(LANGS) <= set(lexicon.available())


@pytest.mark.parametrize("lang", LANGS)
def test_lexicon_is_well_formed(lang):
    lex = lexicon.get(lang)
    assert lex.boundaries in ("word", "none", "arabic")
    assert set(lex.triggers) >= {"meet", "talks", "visit", "phone"}, "core trigger kinds"
    assert all(lex.triggers[k] for k in ("meet", "talks", "visit", "phone"))
    unknown_roles = set(lex.titles) - ROLES - {"other", "leader"}  # leader: countries.yaml says which office
    assert not unknown_roles, unknown_roles
    for role in ("head_of_state", "head_of_government", "foreign_minister"):
        assert lex.titles.get(role), f"{lang}: no titles for {role}"
    assert lex.status.get("planned") and lex.status.get("negation")
    assert lex.weekdays and set(lex.weekdays.values()) <= set(range(7))
    assert lex.patterns, "date patterns"
    if lex.boundaries == "none":
        singles = [t for t, kind, _ in lex.terms() if kind == "trigger" and len(t) == 1]
        assert not singles, f"one-character triggers match everywhere: {singles}"


@pytest.mark.parametrize("lang,text,expected", [
    ("zh", "8月15日，两国元首举行会谈", (None, 8, 15)),
    ("vi", "Ngày 3/11, hai bên hội đàm", (None, 11, 3)),
    ("en", "on March 31, 1987 the talks", (1987, 3, 31)),
    ("ru", "3 ноября 2022 года прошли переговоры", (2022, 11, 3)),
    ("de", "am 4. November 2022 traf", (2022, 11, 4)),
    ("fr", "le 16 février 2024, le président", (2024, 2, 16)),
    ("es", "el 31 de marzo de 2023 se reunió", (2023, 3, 31)),
    ("ja", "2023年6月19日に会談", (2023, 6, 19)),
    ("ko", "2023년 6월 19일 회담", (2023, 6, 19)),
    ("ar", "في 6 ديسمبر 2023 استقبل", (2023, 12, 6)),
])
def test_date_patterns(lang, text, expected):
    found = date_mentions(text, lang)
    assert found, f"{lang}: no date in {text!r}"
    best = max(found, key=lambda m: sum(v is not None for v in m.value.values()))
    assert (best.value["y"], best.value["m"], best.value["d"]) == expected
