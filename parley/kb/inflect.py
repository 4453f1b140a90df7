"""Per-language adapters that add the inflected forms of a name news writes ('с Путиным').
Languages whose names do not inflect in text need none; a language is added by registering a
function from a name form to its other forms in INFLECTORS."""
from __future__ import annotations

from typing import Callable


_CONS = set("бвгджзклмнпрстфхцчшщ")


def _ru_token_cases(w: str) -> list[str]:
    """Genitive/accusative, dative, instrumental and prepositional of a name in Russian
    ('Лавров' → 'Лаврова', 'Лаврову', 'Лавровым', 'Лаврове'); foreign names ending in other
    vowels ('Макрон' declines, 'Гутерриш' declines, 'Моди' does not)."""
    low = w.lower()
    if len(w) < 3 or not ("а" <= low[-1] <= "я" or low[-1] == "ё"):
        return []
    if low.endswith(("ский", "цкий")):
        st = w[:-2]
        return [st + "ого", st + "ому", st + "им", st + "ом"]
    if low.endswith(("ова", "ева", "ина", "ына")):
        st = w[:-1]
        return [st + "ой", st + "у"]
    if low[-1] == "й":
        st = w[:-1]
        return [st + "я", st + "ю", st + "ем", st + ("и" if low.endswith("ий") else "е")]
    if low[-1] == "ь":
        st = w[:-1]
        return [st + "я", st + "ю", st + "ем", st + "е"]
    if low[-1] == "а":
        st = w[:-1]
        gen = "и" if low[-2:-1] in ("г", "к", "х", "ж", "ш", "щ", "ч") else "ы"
        return [st + gen, st + "е", st + "ой", st + "у"]
    if low[-1] == "я":
        st = w[:-1]
        return [st + "и", st + "е", st + "ей", st + "ю"]
    if low[-1] in _CONS:
        if low.endswith(("ин", "ын")):
            # 'Путиным' but 'Си Цзиньпином': Russian surnames in -ин take -ым, foreign names -ом
            return [w + "а", w + "у", w + "ым", w + "е", w + "ом"]
        ins = "ым" if low.endswith(("ов", "ев", "ёв")) else "ем" if low[-1] in "цжшчщ" else "ом"
        return [w + "а", w + "у", w + ins, w + "е"]
    return []


def russian_cases(form: str) -> list[str]:
    """The same case applied to every word of a Russian name form."""
    words = form.split()
    if not words or not all(any("а" <= c.lower() <= "я" for c in x) for x in words):
        return []
    per = [_ru_token_cases(x) for x in words]
    n = max((len(p) for p in per), default=0)
    out = []
    for i in range(n):
        out.append(" ".join(p[i] if i < len(p) else w for p, w in zip(per, words)))
    return [o for o in out if o != form]


def no_inflection(form: str) -> list[str]:
    return []


INFLECTORS: dict[str, Callable[[str], list[str]]] = {"ru": russian_cases}
