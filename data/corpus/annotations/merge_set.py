#!/usr/bin/env python3
"""A labelled set beside the corpus (fresh/, dev2/): provisions labelled blind by two annotators, a third resolving.

  python3 merge_set.py SET disagreements   # SET/annotations/batches-c/<batch>.jsonl: provisions where A and B differ
  python3 merge_set.py SET gold            # SET/<lang>.jsonl (split = the folder's name) and SET/agreement.json

SET is the set's folder (e.g. ../fresh). Same rules as merge.py: gold = A = B where they agree, else C.
Batches (SET/annotations/batches/<lang>-<name>.jsonl) take their sources from SET/annotations/pool-<lang>.jsonl."""
import json, os, sys, glob, collections

OUT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else sys.exit(__doc__)
HERE = os.path.join(OUT, "annotations")
SPLIT = os.path.basename(OUT)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from merge import CODES  # noqa: E402  (the corpus's codes, one list)

def read(p):
    return [json.loads(l) for l in open(p, encoding="utf-8") if l.strip()]

def by_id(p):
    return {r["id"]: r for r in read(p)} if os.path.exists(p) else {}

def kappa(a, b):
    n = len(a)
    po = sum(1 for x, y in zip(a, b) if x == y) / n
    pa, pb = sum(a) / n, sum(b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)

def main(cmd):
    langs = collections.OrderedDict()
    for bp in sorted(glob.glob(os.path.join(HERE, "batches", "*.jsonl"))):
        batch = os.path.basename(bp)[:-6]
        rows = read(bp)
        a, b = by_id(os.path.join(HERE, "a", batch + ".jsonl")), by_id(os.path.join(HERE, "b", batch + ".jsonl"))
        if not all(r["id"] in a and r["id"] in b for r in rows):
            sys.exit(batch + ": not labelled by both yet")
        if cmd == "disagreements":
            os.makedirs(os.path.join(HERE, "batches-c"), exist_ok=True)
            out = [{"id": r["id"], "provision": r["provision"], "text": r["text"],
                    "annotator_1": {k: a[r["id"]].get(k) for k in ("factors", "evidence", "note")},
                    "annotator_2": {k: b[r["id"]].get(k) for k in ("factors", "evidence", "note")}}
                   for r in rows if set(a[r["id"]]["factors"]) != set(b[r["id"]]["factors"])]
            path = os.path.join(HERE, "batches-c", batch + ".jsonl")
            if not os.path.exists(path):
                with open(path, "w", encoding="utf-8") as w:
                    for r in out:
                        w.write(json.dumps(r, ensure_ascii=False) + "\n")
            print(batch, len(rows), "provisions,", len(out), "disagreements")
            continue
        c = by_id(os.path.join(HERE, "c", batch + ".jsonl"))
        langs.setdefault(batch.split("-")[0], []).append((rows, a, b, c))
    if cmd == "disagreements":
        return
    ap = os.path.join(OUT, "agreement.json")
    allag = {}
    for lang, parts in langs.items():
        pool = {p["id"]: p for p in read(os.path.join(HERE, "pool-" + lang + ".jsonl"))}
        gold, same, xa, xb = [], 0, [], []
        for rows, a, b, c in parts:
            for r in rows:
                i = r["id"]
                fa, fb = set(a[i]["factors"]), set(b[i]["factors"])
                if fa == fb:
                    factors, ev, same = sorted(fa), {**b[i].get("evidence", {}), **a[i].get("evidence", {})}, same + 1
                elif i in c:
                    factors, ev = sorted(set(c[i]["factors"])), {**b[i].get("evidence", {}), **a[i].get("evidence", {}), **c[i].get("evidence", {})}
                else:
                    sys.exit(f"{i}: A and B differ and no adjudication yet")
                p = pool[i]
                gold.append({"id": i, "lang": lang, "act": p["act"], "split": SPLIT, "file": p["file"], "provision": p["provision"],
                             "text": p["text"], "factors": factors, "evidence": {k: v for k, v in ev.items() if k in factors},
                             "annotators": {"A": sorted(fa), "B": sorted(fb), **({"C": sorted(c[i]["factors"])} if fa != fb else {})}})
                xa.append(fa)
                xb.append(fb)
        with open(os.path.join(OUT, lang + ".jsonl"), "w", encoding="utf-8") as w:
            for g in gold:
                w.write(json.dumps(g, ensure_ascii=False) + "\n")
        ks = {code: round(kappa([code in s for s in xa], [code in s for s in xb]), 3)
              for code in CODES if any(code in s for s in xa + xb)}
        pooled = kappa([code in s for s in xa for code in CODES], [code in s for s in xb for code in CODES])
        allag[lang] = {"provisions": len(gold), "acts": len({g["act"] for g in gold}), "same_set": same,
                       "adjudicated": len(gold) - same, "with_factor": sum(1 for g in gold if g["factors"]),
                       "labels": dict(sorted(collections.Counter(f for g in gold for f in g["factors"]).items())),
                       "kappa_pooled": round(pooled, 3), "kappa": ks}
        print(lang, json.dumps(allag[lang], ensure_ascii=False))
    with open(ap, "w", encoding="utf-8") as w:
        json.dump(allag, w, indent=1, sort_keys=True)
        w.write("\n")

if __name__ == "__main__":
    main(sys.argv[2] if len(sys.argv) > 2 else "gold")
