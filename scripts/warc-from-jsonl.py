#!/usr/bin/env python3
"""Writes a WARC.gz of news pages, as CC-NEWS ships them, from JSONL records.

Usage: scripts/warc-from-jsonl.py OUT.warc.gz MEGABYTES FILE.jsonl...

Each record's text becomes an HTML article in a gzip member of its own (a
request record and a response record, as a crawler writes them), with a URL
made unique by a running number, so that the records can be repeated until
the file reaches MEGABYTES of compressed size and each page is still a new
document to `isnad ingest`. Every 100th page is followed by an image, a 404
and a corrupt record, which isnad must skip and count. For memory and speed
measurements (README, "Conformance and speed"); the data stays where it is.
"""

import gzip
import html
import json
import sys


def record(kind, uri, block):
    head = (
        "WARC/1.0\r\n"
        f"WARC-Type: {kind}\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        "WARC-Date: 2016-02-03T10:00:00Z\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def member(out, data):
    out.write(gzip.compress(data, compresslevel=1))


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    out_path, limit = sys.argv[1], int(sys.argv[2]) * 1_000_000
    texts = []
    for path in sys.argv[3:]:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line:
                    texts.append(json.loads(line).get("text", ""))
    if not texts:
        sys.exit("no records")
    n = 0
    with open(out_path, "wb") as out:
        while out.tell() < limit:
            text = texts[n % len(texts)]
            uri = f"https://news.example/{n}"
            page = (
                f"<html><head><title>{n}</title></head><body><article><p>"
                + html.escape(text).replace("\n", "</p><p>")
                + "</p></article></body></html>"
            )
            block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page.encode()
            member(out, record("request", uri, b"GET / HTTP/1.1\r\n\r\n"))
            member(out, record("response", uri, block))
            if n % 100 == 7:
                member(out, record("response", uri + ".png", b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"))
                member(out, record("response", uri + "/gone", b"HTTP/1.1 404 Not Found\r\n\r\n<p>gone</p>"))
                member(out, b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: not-a-number\r\n\r\n")
            n += 1
    print(f"{out_path}: {n} pages", file=sys.stderr)


if __name__ == "__main__":
    main()
