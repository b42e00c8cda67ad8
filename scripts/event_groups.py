#!/usr/bin/env python3
"""How well the ledger's events hold together on a labelled set.

Ingests a set of reports into a throw-away store with a data directory
whose events.toml has no [[event]] entries (the normal case for a new
event: only the target words and stops are kept), builds the ledger as
JSON and compares its events with the gold ones:

  - events: how many ledger events come out, for how many gold events;
  - largest piece: for each gold event, the share of its claims that the
    ledger event holding most of them holds;
  - purity: the share of all claims whose ledger event's majority gold
    event is their own.

A claim's gold event is the gold `subject` of the gold claim whose span
overlaps it, else its document's main `event` (docs.jsonl).

    python3 scripts/event_groups.py --bin target/debug/isnad --set devset
    python3 scripts/event_groups.py --bin target/debug/isnad --set realdev-ar \\
        --docs /tmp/rd/ar/docs
    python3 scripts/event_groups.py --bin target/debug/isnad --set realdev-en \\
        --docs /tmp/rd/en/docs

`--docs` for realdev is the output of realdev's tools/materialise.py
(OUTDIR/docs); the set's docs.jsonl gives each report's date and outlet.
`--keep-known` keeps the shipped [[event]] entries.
"""

import argparse
import collections
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SETS = {
    "devset": SHARED / "devset",
    "realdev-ar": SHARED / "realdev" / "ar",
    "realdev-en": SHARED / "realdev" / "en",
}


def emptied_events(src: str) -> str:
    """events.toml without its [[event]] tables: in TOML every key after
    the first table header belongs to a table, so the top-level keys (the
    target words and stops) are all before the first one. `replace = true`:
    a file in --data extends the built-in one unless it says so."""
    cut = src.find("\n[[event]]")
    return src if cut < 0 else "replace = true\n" + src[: cut + 1] + "event = []\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(ROOT / "target" / "debug" / "isnad"))
    ap.add_argument("--set", choices=sorted(SETS), default="devset")
    ap.add_argument("--docs", help="directory of the reports (default: the set's own)")
    ap.add_argument("--keep-known", action="store_true", help="keep the shipped [[event]] entries")
    ap.add_argument("--verbose", action="store_true", help="print every ledger event")
    a = ap.parse_args()
    base = SETS[a.set]
    meta = {}
    for line in open(base / "docs.jsonl", encoding="utf-8"):
        d = json.loads(line)
        meta[d["id"]] = d
    gold = collections.defaultdict(list)
    for line in open(base / "gold.jsonl", encoding="utf-8"):
        g = json.loads(line)
        gold[g["doc"]].append(g)
    docs = pathlib.Path(a.docs) if a.docs else base
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        data = tmp / "data"
        data.mkdir()
        ev = (ROOT / "data" / "events.toml").read_text(encoding="utf-8")
        (data / "events.toml").write_text(ev if a.keep_known else emptied_events(ev), encoding="utf-8")
        # One JSONL record per report, with its date and outlet.
        records = tmp / "set.jsonl"
        with open(records, "w", encoding="utf-8") as out:
            for doc_id, d in sorted(meta.items()):
                p = docs / f"{doc_id}.txt"
                if not p.exists():
                    print(f"missing {p}", file=sys.stderr)
                    continue
                rec = {"id": doc_id, "text": p.read_text(encoding="utf-8")}
                for k in ("url", "lang", "outlet"):
                    if d.get(k):
                        rec[k] = d[k]
                date = d.get("published") or d.get("date")
                if date:
                    rec["published"] = date
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        db = tmp / "isnad.db"
        env = dict(os.environ, ISNAD_DATA=str(data))
        def run(*args):
            p = subprocess.run([a.bin, *args, "--db", str(db), "--data", str(data)],
                               capture_output=True, env=env)
            if p.returncode != 0:
                sys.exit(f"{a.bin} {args[0]}: {p.stderr.decode(errors='replace').strip()}")
            return p.stdout

        run("ingest", str(records))
        ledger = json.loads(run("ledger", "--format", "json"))
        if a.verbose:
            import sqlite3
            for doc, pub, target in sqlite3.connect(db).execute(
                    "SELECT doc, published, target FROM documents ORDER BY doc"):
                print(f"  doc {doc} {pub} {target} gold={meta.get(doc, {}).get('event')}")
    # claim -> (ledger event, gold event)
    pairs = []
    for e in ledger["events"]:
        for f in e["facets"]:
            for v in f["values"]:
                for c in v["claims"]:
                    s, t = c["span"]
                    doc = c["doc"]
                    g = next((g["subject"] for g in gold.get(doc, [])
                              if g["span"][0] < t and s < g["span"][1]), None)
                    pairs.append((e["id"], g or meta.get(doc, {}).get("event", "?")))
    by_gold = collections.defaultdict(collections.Counter)
    by_ledger = collections.defaultdict(collections.Counter)
    for le, ge in pairs:
        by_gold[ge][le] += 1
        by_ledger[le][ge] += 1
    main_events = collections.Counter(d.get("event") for d in meta.values())
    print(f"set={a.set} claims={len(pairs)} ledger_events={len(by_ledger)} gold_events={len(by_gold)}")
    pure = sum(c.most_common(1)[0][1] for c in by_ledger.values())
    print(f"purity={pure / max(1, len(pairs)):.3f}")
    print("gold event (reports): claims, largest piece share, pieces")
    shares = []
    for ge, c in sorted(by_gold.items(), key=lambda kv: -sum(kv[1].values())):
        n = sum(c.values())
        top, k = c.most_common(1)[0]
        share = k / n
        if main_events.get(ge, 0) >= 2:
            shares.append(share)
        print(f"  {ge} ({main_events.get(ge, 0)}): {n}, {share:.2f} in {top}, {len(c)}")
    if shares:
        print(f"multi-report events: {len(shares)}, min largest share={min(shares):.2f}, "
              f"mean={sum(shares) / len(shares):.2f}")
    if a.verbose:
        for le, c in sorted(by_ledger.items()):
            print(f"  ledger {le}: {dict(c)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
