#!/usr/bin/env python3
"""How reports of real events group, on the corpora in ../shared.

A held-out check of event grouping with no annotation: each event below
is every report of a corpus whose opening (its first 300 characters)
names the event's place and a word of violence. The reports are ingested
together into a throw-away store with no [[event]] entries (as
scripts/event_groups.py does), and for each event the script prints how
many claims its reports hold, the share the largest ledger event holds,
and into how many pieces they fall; then the ledger events that mix two
of them. A report's claims all count for its event, so a piece can be a
second event the report also tells (two policemen shot elsewhere the
same day): read the pieces before calling them errors.

    python3 scripts/corpus_events.py --bin target/release/isnad [--verbose]
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
CORPORA = ROOT.parent / "shared" / "corpora" / "arabic-news"
sys.path.insert(0, str(ROOT / "scripts"))
from event_groups import emptied_events  # noqa: E402

# name: (corpus file, the place in the opening, a word of violence there)
EVENTS = {
    "abha_mosque_bombing_2015": ("saudinewsnet-sample.jsonl", r"أبها", r"تفجير|انتحاري|هجوم|الإرهابي"),
    "suruc_bombing_2015": ("saudinewsnet-sample.jsonl", r"سروج", r"تفجير|انتحاري|هجوم"),
    "kuwait_mosque_bombing_2015": ("saudinewsnet-sample.jsonl", r"الصادق", r"تفجير|انتحاري|هجوم"),
    "ben_guerdane_attack_2016": ("ant-v1.1.jsonl", r"بن ?قردان", r"هجوم|إرهابي|ارهابي|الإرهابية"),
}


def published(doc_id: str):
    """The date in a corpus id: saudinewsnet:YYYY-MM-DD:n, ANT's
    …-YYYYMMDD or …-DDMMYYYY."""
    m = re.search(r"(\d{4}-\d\d-\d\d)", doc_id)
    if m:
        return m.group(1)
    m = re.search(r"-(\d{8})$", doc_id)
    if not m:
        return None
    d = m.group(1)
    if d[:2] in ("19", "20") and 1 <= int(d[4:6]) <= 12:
        return f"{d[:4]}-{d[4:6]}-{d[6:]}"
    return f"{d[4:]}-{d[2:4]}-{d[:2]}"


def select(out) -> dict:
    """Writes the reports of every event as JSONL; returns doc -> event."""
    event_of = {}
    for name, (corpus, place, violence) in EVENTS.items():
        with open(CORPORA / corpus, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                opening = d["text"][:300]
                if not (re.search(place, opening) and re.search(violence, opening)):
                    continue
                doc = d["id"].replace(":", "_")
                if doc in event_of:
                    continue
                event_of[doc] = name
                rec = {"id": doc, "text": d["text"], "lang": "ar"}
                if published(d["id"]):
                    rec["published"] = published(d["id"])
                if d.get("source"):
                    rec["outlet"] = d["source"]
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return event_of


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "isnad"))
    ap.add_argument("--verbose", action="store_true", help="print each report's ledger events")
    a = ap.parse_args()
    if not CORPORA.is_dir():
        sys.exit(f"no corpora at {CORPORA}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        data = tmp / "data"
        data.mkdir()
        ev = (ROOT / "data" / "events.toml").read_text(encoding="utf-8")
        (data / "events.toml").write_text(emptied_events(ev), encoding="utf-8")
        records = tmp / "set.jsonl"
        with open(records, "w", encoding="utf-8") as out:
            event_of = select(out)
        db = tmp / "isnad.db"
        env = dict(os.environ, ISNAD_DATA=str(data))

        def run(*args):
            p = subprocess.run([a.bin, *args, "--db", str(db), "--data", str(data)], capture_output=True, env=env)
            if p.returncode != 0:
                sys.exit(f"{a.bin} {args[0]}: {p.stderr.decode(errors='replace').strip()}")
            return p.stdout

        run("ingest", str(records))
        ledger = json.loads(run("ledger", "--format", "json"))
    by_event = collections.defaultdict(collections.Counter)
    by_ledger = collections.defaultdict(collections.Counter)
    by_doc = collections.defaultdict(collections.Counter)
    for e in ledger["events"]:
        for f in e["facets"]:
            for v in f["values"]:
                for c in v["claims"]:
                    g = event_of.get(c["doc"], "?")
                    by_event[g][e["id"]] += 1
                    by_ledger[e["id"]][g] += 1
                    by_doc[c["doc"]][e["id"]] += 1
    reports = collections.Counter(event_of.values())
    total = sum(sum(c.values()) for c in by_ledger.values())
    pure = sum(c.most_common(1)[0][1] for c in by_ledger.values())
    print(f"reports={len(event_of)} claims={total} ledger_events={len(by_ledger)} purity={pure / max(1, total):.3f}")
    print("event (reports): claims, largest piece share, pieces")
    for g, c in sorted(by_event.items()):
        n = sum(c.values())
        top, k = c.most_common(1)[0]
        print(f"  {g} ({reports[g]}): {n}, {k / n:.2f} in {top}, {len(c)}")
    for le, c in sorted(by_ledger.items()):
        if len(c) > 1:
            print(f"  mixed {le}: {dict(c)}")
    if a.verbose:
        for doc, c in sorted(by_doc.items()):
            print(f"  report {doc} ({event_of.get(doc)}): {dict(c)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
