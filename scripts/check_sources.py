#!/usr/bin/env python3
"""Checks data/sources.toml: ids, kinds, sides, and names that clash.

Every id is unique; every kind and side is one the loader accepts; no name,
alias or contextual alias belongs to two entries, compared as the engine
matches them (Arabic letters folded as in isnad-text's normalize, case
folded, a hyphen read as a space, a leading "the " and a leading article
of an Arabic alias dropped); no host belongs to two entries; no contextual alias is also a full one
(the name counts as one). Prints every
problem and exits 1 when there is one.

    python3 scripts/check_sources.py [path/to/sources.toml]
"""

import re
import sys
import tomllib
from pathlib import Path

KINDS = {"outlet", "organisation", "armed_group", "government", "person"}
SIDES = {"security", "insurgent", "civilian", "neutral"}

FOLD = str.maketrans(
    {
        "\u0622": "\u0627",  # آ
        "\u0623": "\u0627",  # أ
        "\u0625": "\u0627",  # إ
        "\u0671": "\u0627",  # ٱ
        "\u0649": "\u064a",  # ى
        "\u06cc": "\u064a",  # ی
        "\u0626": "\u064a",  # ئ
        "\u0629": "\u0647",  # ة
        "\u0624": "\u0648",  # ؤ
        "\u06a9": "\u0643",  # ک
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2019": "'",
    }
)
DROP = re.compile("[\u0640\u064b-\u065f\u0670\u0610-\u061a\u06d6-\u06ed\u200b-\u200f]")
ARABIC = re.compile("[\u0600-\u06ff]")


def key(s: str) -> str:
    """The match key of a name, close to isnad-text's `key`."""
    k = DROP.sub("", s.translate(FOLD)).lower().replace("-", " ")
    words = k.split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    # An Arabic alias matches with and without the article on its first word.
    if words and ARABIC.search(words[0]) and words[0].startswith("ال") and len(words[0]) > 3:
        words[0] = words[0][2:]
    return " ".join(words)


def main() -> int:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent.parent / "data" / "sources.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    problems = []
    ids = {}
    owner = {}  # key -> (id, form, contextual?)
    hosts = {}
    for s in data["source"]:
        sid = s["id"]
        if sid in ids:
            problems.append(f"id {sid!r} repeats")
        ids[sid] = s
        if s.get("kind") not in KINDS:
            problems.append(f"{sid}: kind {s.get('kind')!r} is not one of {sorted(KINDS)}")
        if "side" in s and s["side"] not in SIDES:
            problems.append(f"{sid}: side {s['side']!r} is not one of {sorted(SIDES)}")
        unknown = set(s) - {"id", "name", "kind", "side", "aliases", "contextual", "hosts"}
        if unknown:
            problems.append(f"{sid}: unknown fields {sorted(unknown)}")
        full = {key(a) for a in [s["name"], *s.get("aliases", [])]}
        for c in s.get("contextual", []):
            if key(c) in full:
                problems.append(f"{sid}: contextual {c!r} is also a full alias or the name")
        forms = [(a, False) for a in [s["name"], *s.get("aliases", [])]]
        forms += [(a, True) for a in s.get("contextual", [])]
        seen = set()
        for form, ctx in forms:
            k = key(form)
            if not k:
                problems.append(f"{sid}: empty alias {form!r}")
                continue
            if k in seen:
                continue
            seen.add(k)
            if k in owner and owner[k][0] != sid:
                other, oform, _ = owner[k]
                problems.append(f"{form!r} of {sid} clashes with {oform!r} of {other}")
            else:
                owner[k] = (sid, form, ctx)
        for h in s.get("hosts", []):
            h = h.lower()
            if h in hosts and hosts[h] != sid:
                problems.append(f"host {h} of {sid} is also {hosts[h]}'s")
            hosts[h] = sid
            if h.startswith("www.") or "/" in h or not re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", h):
                problems.append(f"{sid}: host {h!r} is not a bare host name")
    for p in problems:
        print(p)
    kinds = {}
    for s in data["source"]:
        kinds[s["kind"]] = kinds.get(s["kind"], 0) + 1
    print(f"{len(data['source'])} sources, {kinds}; {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
