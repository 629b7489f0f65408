#!/usr/bin/env python3
"""Checks an annotation file against its batch: python3 check.py BATCH.jsonl LABELS.jsonl

Every batch id labelled exactly once, known provision-level codes only, every evidence quote an exact
substring of the provision's text. Prints problems and exits 1 if any; prints a count summary otherwise."""
import json, sys, collections

CODES = {"WIDE_DISCRETION", "OPTIONAL_POWER", "SELECTIVE_EXCEPTION", "BLANKET_DELEGATION",
         "MISSING_PROCEDURE", "NON_COMPETITIVE", "NORM_COLLISION", "EXCESSIVE_REQUIREMENTS",
         "APPLICANT_BURDEN", "VAGUE_TERMS", "PRIVATE_DELEGATION", "NON_TRANSPARENCY"}

def main(batch_path, labels_path):
    batch = [json.loads(l) for l in open(batch_path, encoding="utf-8") if l.strip()]
    text = {b["id"]: b["text"] for b in batch}
    problems, seen, counts = [], set(), collections.Counter()
    for n, line in enumerate(open(labels_path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except ValueError as e:
            problems.append(f"line {n}: not JSON: {e}")
            continue
        i = r.get("id")
        if i not in text:
            problems.append(f"line {n}: unknown id {i!r}")
            continue
        if i in seen:
            problems.append(f"line {n}: {i} labelled twice")
        seen.add(i)
        factors = r.get("factors")
        if not isinstance(factors, list):
            problems.append(f"line {n}: {i}: factors must be a list")
            continue
        for f in factors:
            if f not in CODES:
                problems.append(f"line {n}: {i}: unknown code {f!r}")
            counts[f] += 1
        ev = r.get("evidence", {})
        for f in factors:
            q = ev.get(f)
            if not q:
                problems.append(f"line {n}: {i}: no evidence for {f}")
            elif q not in text[i]:
                problems.append(f"line {n}: {i}: evidence for {f} is not an exact substring: {q!r}")
    missing = [i for i in text if i not in seen]
    if missing:
        problems.append(f"{len(missing)} ids not labelled yet, first: {missing[:5]}")
    for p in problems:
        print(p)
    print(f"{len(seen)}/{len(text)} labelled; factors: {dict(sorted(counts.items()))}")
    sys.exit(1 if problems else 0)

if __name__ == "__main__":
    main(*sys.argv[1:3])
