"""Validation of the bundled knowledge: ids, codes, office terms, names mapping back."""
from collections import Counter, defaultdict

import pycountry
import pytest

from parley.kb import ROLES, SINGLE_HOLDER_ROLES
from parley.kb.base import DATA_DIR, norm_lang
from parley.kb.loader import read_yaml
from parley.kb.model import _pad

EXTRA_CODES = {"XKX", "SUN", "TWN", "PSE", "ESH", "VAT"}
ISO3 = {c.alpha_3 for c in pycountry.countries} | EXTRA_CODES


@pytest.fixture(scope="module")
def raw_persons():
    out = []
    for path in sorted((DATA_DIR / "persons").glob("*.yaml")):
        for p in read_yaml(path) or []:
            out.append((path.name, p))
    return out


def test_person_ids_are_unique_within_a_file(raw_persons):
    # one person may sit in a regional file and in igo.yaml: entries with one id are merged
    dup = [i for i, n in Counter((f, p["id"]) for f, p in raw_persons).items() if n > 1]
    assert not dup, f"duplicate person ids: {dup[:20]}"


def test_one_person_one_id(kb):
    """Two ids for one person show up as identical terms of one single-holder office."""
    seen = {}
    clash = []
    for p in kb.persons.values():
        for o in p.offices:
            if o.role in SINGLE_HOLDER_ROLES and o.start and len(o.start) == 10 and o.body not in ("acting",):
                key = (o.role, o.seat, o.body, o.start, o.end)
                if key in seen and seen[key] != p.id:
                    clash.append(f"{seen[key]} / {p.id}: {key}")
                seen[key] = p.id
    assert not clash, clash[:20]


def test_every_person_has_an_english_name_and_an_office(raw_persons):
    bad = [p.get("id") for _, p in raw_persons if not p.get("name") or not p.get("offices")]
    assert not bad, bad[:20]
    nonascii = [p["name"] for _, p in raw_persons if not p["name"].isascii()]
    assert not nonascii, f"canonical names are written without diacritics: {nonascii[:20]}"


def test_offices_have_known_roles_valid_seats_and_ordered_dates(kb):
    problems = []
    orgs = set(kb.orgs)
    for p in kb.persons.values():
        for o in p.offices:
            if o.role not in ROLES:
                problems.append(f"{p.id}: role {o.role}")
            if o.country and o.country not in ISO3:
                problems.append(f"{p.id}: country {o.country}")
            if o.org and o.org not in orgs:
                problems.append(f"{p.id}: org {o.org}")
            if not (o.country or o.org):
                problems.append(f"{p.id}: office {o.role} for nobody")
            if o.start and o.end and _pad(o.start, "") > _pad(o.end, "", upper=True):
                problems.append(f"{p.id}: {o.role} ends {o.end} before it starts {o.start}")
    assert not problems, problems[:30]


def test_single_holder_offices_do_not_overlap(kb):
    problems = []
    for (role, seat), terms in kb.holders.items():
        if role not in SINGLE_HOLDER_ROLES:
            continue
        by_body = defaultdict(list)
        for office, pid in terms:
            if office.body in ("acting", "caretaker", "disputed"):
                continue  # an acting holder overlaps the titular one by definition
            by_body[office.body].append((_pad(office.start, "0000-01-01"), _pad(office.end, "9999-12-31", True),
                                         pid, _precise(office.start) and _precise(office.end)))
        for body, spans in by_body.items():
            spans.sort()
            for (s1, e1, p1, x1), (s2, e2, p2, x2) in zip(spans, spans[1:]):
                if p1 == p2 or s2 >= e1:
                    continue
                # a hand-over day may be shared; terms known only to the month or year may
                # overlap within that precision
                slack = 1 if x1 and x2 else 366
                if _days(s2, e1) > slack:
                    problems.append(f"{role}/{seat}/{body}: {p1} ({s1}..{e1}) overlaps {p2} ({s2}..{e2})")
    assert not problems, "\n".join(problems[:40])


def _precise(iso) -> bool:
    return iso is None or len(str(iso)) == 10


def _days(a: str, b: str) -> int:
    import datetime as dt

    def d(x):
        try:
            return dt.date.fromisoformat(x)
        except ValueError:  # '2015-04-31' from a month-precision pad
            return dt.date.fromisoformat(x[:8] + "28")
    return (d(b) - d(a)).days


def test_country_codes_are_valid():
    raw = read_yaml(DATA_DIR / "countries.yaml")
    bad = [k for k in raw if k not in ISO3]
    assert not bad, bad


def test_organisations_have_unique_ids_and_valid_countries():
    raw = read_yaml(DATA_DIR / "organisations.yaml")
    ids = Counter(o["id"] for o in raw)
    assert not [i for i, n in ids.items() if n > 1]
    assert not [o["id"] for o in raw if o.get("country") and o["country"] not in ISO3]


def test_every_language_form_maps_back_to_its_entity(kb):
    for p in list(kb.persons.values())[:100000]:
        for lang, forms in p.names.items():
            for f in forms:
                if len(f.strip()) < 2 or (f.isascii() and len(f.strip()) < 3 and not f.isupper()) \
                        or f.strip() in kb.withheld:
                    continue  # too short, or the first name of many: the loader withholds these
                hits = kb.lookup(f.strip(), norm_lang(lang))
                assert ("person", p.id) in hits, f"{lang} form {f!r} of {p.id} does not resolve"
    for o in kb.orgs.values():
        for lang, forms in o.names.items():
            for f in forms:
                if len(f.strip()) >= 2:
                    assert ("org", o.id) in kb.lookup(f.strip(), norm_lang(lang)), (o.id, f)


def test_contract_org_codes_exist(kb):
    for code in ("UN", "EU", "NATO", "ASEAN", "AU", "G7", "G20", "BRICS", "SCO", "WHO", "IAEA", "IMF",
                 "WB", "WTO", "OPEC", "GCC", "ARAB_LEAGUE", "OIC", "APEC", "OSCE", "ICRC"):
        assert code in kb.orgs, code
