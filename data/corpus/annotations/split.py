#!/usr/bin/env python3
"""Recomputes the frozen by-act split (../split.tsv) from the pools: python3 split.py [--check]

Rule, fixed before any label was seen: an act whose provisions the rules were tuned on (named in
data/annotated) goes to train; any other act gets u = first 8 hex digits of sha256("adaldyq-split-2026:" +
act) / 2^32 and goes to test if u < 0.40, dev if u < 0.50, else train. A Kazakh act and its official
Russian version share one act id (kz-<n>), so twins always fall in the same split."""
import hashlib, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(CORPUS))
TEST, DEV = 0.40, 0.10

tuned = set()
for f in ("en-dev", "kk-dev", "ru-dev", "ru-parallel-dev"):
    for line in open(os.path.join(REPO, "data", "annotated", f + ".jsonl"), encoding="utf-8"):
        path = json.loads(line)["source"]["path"]
        m = re.match(r"(kaz|rus)/(\d+)\.md", path) or re.match(r"data/html/(\d+)\.html", path)
        if m and path.startswith(("kaz", "rus")):
            tuned.add("kz-" + m.group(2))
        elif m:
            tuned.add("rf-" + m.group(1))
        else:
            tuned.add(os.path.basename(path))

def split(act, files):
    if act in tuned or any(os.path.basename(f) in tuned for f in files):
        return "train"
    u = int(hashlib.sha256(("adaldyq-split-2026:" + act).encode()).hexdigest()[:8], 16) / 2 ** 32
    return "test" if u < TEST else "dev" if u < TEST + DEV else "train"

files = {}
for lang in ("kk", "ru", "en"):
    for line in open(os.path.join(CORPUS, "pool", lang + ".jsonl"), encoding="utf-8"):
        r = json.loads(line)
        files.setdefault(r["act"], set()).add(r["file"])
result = {act: split(act, fs) for act, fs in sorted(files.items())}
if "--check" in sys.argv:
    frozen = dict(l.rstrip("\n").split("\t") for l in open(os.path.join(CORPUS, "split.tsv")) if not l.startswith("act\t"))
    diff = {a: (frozen.get(a), s) for a, s in result.items() if frozen.get(a) != s}
    print("split.tsv reproduced" if not diff else f"differs: {diff}")
    sys.exit(1 if diff else 0)
print("act\tsplit")
for act, s in result.items():
    print(f"{act}\t{s}")
