"""Office-at-date, ambiguity, unknown officials, user extensions, `parley kb` commands."""
import json
import subprocess
import sys
import textwrap

import pytest

from parley import extract
from parley.kb import build, load
from parley.resolve import choose_person


@pytest.mark.parametrize("role,seat,day,name", [
    ("foreign_minister", "USA", "2022-11-03", "Antony Blinken"),
    ("foreign_minister", "USA", "2025-03-01", "Marco Rubio"),
    ("foreign_minister", "CHN", "2022-11-03", "Wang Yi"),
    ("foreign_minister", "CHN", "2023-03-01", "Qin Gang"),
    ("head_of_state", "USA", "2025-08-15", "Donald Trump"),
    ("head_of_state", "USA", "2022-11-14", "Joe Biden"),
    ("head_of_state", "RUS", "2009-01-01", "Dmitry Medvedev"),
    ("head_of_government", "RUS", "2009-01-01", "Vladimir Putin"),
    ("igo_chief", "UN", "2015-06-01", "Ban Ki-moon"),
])
def test_office_at_date(kb, role, seat, day, name):
    p = kb.holder(role, seat, day)
    assert p is not None and p.name == name


@pytest.mark.parametrize("text,published,name", [
    ("Ngoại trưởng Mỹ hội đàm với Ngoại trưởng Đức tại Berlin.", "2022-11-03", "Antony Blinken"),
    ("Ngoại trưởng Mỹ hội đàm với Ngoại trưởng Đức tại Berlin.", "2025-03-01", "Marco Rubio"),
    ("美国国务卿3日在柏林同德国外长举行会谈。", "2022-11-03", "Antony Blinken"),
    ("The US Secretary of State held talks with the German foreign minister in Berlin on Monday.", "2025-03-04", "Marco Rubio"),
])
def test_titles_resolve_to_the_holder_on_the_day(text, published, name):
    events = extract(text, published=published)
    assert events, "no event"
    names = {p.name for e in events for p in e.participants()}
    assert name in names


def test_a_role_without_known_holder_keeps_country_and_role():
    kb = load()
    assert kb.holder("foreign_minister", "USA", "1066-10-14") is None
    events = extract("Ngày 14/10/1066, Ngoại trưởng Mỹ hội đàm với Ngoại trưởng Đức tại Berlin.", published="1066-10-15")
    parts = [p for e in events for p in e.participants()]
    assert any(p.country == "USA" and p.name is None for p in parts)


def test_unknown_official_is_emitted_with_name_key_country_and_role():
    events = extract("Ngày 5/5, Bộ trưởng Ngoại giao Bùi Thanh Sơn điện đàm với Ngoại trưởng Hàn Quốc Zzyx Qwerty.",
                     published="2024-05-06")
    parts = [p.to_dict() for e in events for p in e.participants()]
    unknown = [p for p in parts if p["name"] == "Zzyx Qwerty"]
    assert unknown and unknown[0]["country"] == "KOR" and unknown[0]["role"] == "foreign_minister"
    assert unknown[0]["key"] == "Zzyx Qwerty"


def test_surname_ambiguity_is_settled_by_country_office_and_date(kb):
    # 'Kim' alone is too short to match; 'Abe' likewise; use a real shared surname form
    bushes = [pid for kind, pid in kb.lookup("Bush", "en") if kind == "person"]
    assert len(bushes) >= 2, "George H. W. Bush and George W. Bush share the surname"
    assert choose_person(kb, bushes, "2003-03-01", "USA", "head_of_state").name == "George W. Bush"
    assert choose_person(kb, bushes, "1990-03-01", "USA", "head_of_state").name == "George H. W. Bush"


def test_user_knowledge_file_extends_the_base(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text(textwrap.dedent("""
        persons:
          - id: zorblax-quintar
            name: Zorblax Quintar
            names: {zh: [佐布拉克斯], vi: [Zorblax Quintar]}
            offices:
              - {role: foreign_minister, country: ISL, from: 2030-01-01}
        countries:
          ISL:
            names: {vi: [Băng Đảo]}
    """), encoding="utf-8")
    kb = build([extra])
    assert ("person", "zorblax-quintar") in kb.lookup("佐布拉克斯", "zh")
    assert ("country", "ISL") in kb.lookup("Băng Đảo", "vi")
    assert kb.holder("foreign_minister", "ISL", "2031-01-01").name == "Zorblax Quintar"


def run(*args):
    return subprocess.run([sys.executable, "-m", "parley", *args], capture_output=True, text=True, timeout=300)


def test_kb_stats_json():
    r = run("kb", "stats", "--json")
    assert r.returncode == 0, r.stderr
    s = json.loads(r.stdout)
    assert s["persons"] >= 1500 and s["organisations"] >= 40 and s["places"] >= 1000
    assert set(s["countries_named"]) >= {"zh", "vi", "en", "ru", "ar", "de", "fr", "es", "ja", "ko"}
    assert min(s["countries_named"].values()) >= 190


def test_kb_find_in_any_language():
    r = run("kb", "find", "Vương Nghị", "--date", "2024-01-01")
    assert r.returncode == 0, r.stderr
    hit = json.loads(r.stdout.splitlines()[0])
    assert hit["name"] == "Wang Yi" and hit["country"] == "CHN"
    r = run("kb", "find", "x", "--role", "foreign_minister", "--country", "USA", "--date", "2025-03-01")
    assert json.loads(r.stdout.splitlines()[0])["holder"] == "Marco Rubio"
    assert run("kb", "find", "Nobody Atall Here").returncode == 1
