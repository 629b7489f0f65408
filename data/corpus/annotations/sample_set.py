#!/usr/bin/env python3
"""Sample a new labelled set of provisions nobody has read, from a `corpus sample` pool.

  risk-cli corpus sample --from ../shared/data/regulations --out POOL --target ru=20000 --target en=20000 --target kk=1 --seed S
  python3 sample_set.py POOL SET SEED LANG=N... [--batch 360]

Takes whole articles of acts in the train split only (split.tsv), none of whose provisions is in gold/ or in
another set beside it, round-robin over acts in a seeded order, until N provisions per language. Writes
SET/annotations/pool-<lang>.jsonl and batches SET/annotations/batches/<lang>-<k>.jsonl of about --batch
provisions each (id, provision, text: what an annotator sees)."""
import json, os, sys, glob, random, collections

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)

def main(argv):
    pool_dir, out, seed = argv[0], os.path.abspath(argv[1]), int(argv[2])
    batch = int(argv[argv.index("--batch") + 1]) if "--batch" in argv else 360
    targets = dict((a.split("=")[0], int(a.split("=")[1])) for a in argv[3:] if "=" in a)
    split = dict(l.rstrip("\n").split("\t") for l in open(os.path.join(CORPUS, "split.tsv"), encoding="utf-8")
                 if l.strip() and not l.startswith("act\t"))
    seen = set()
    for f in glob.glob(os.path.join(CORPUS, "*", "*.jsonl")):
        for l in open(f, encoding="utf-8"):
            if l.strip():
                seen.add(json.loads(l)["id"])
    os.makedirs(os.path.join(out, "annotations", "batches"), exist_ok=True)
    for lang, n in targets.items():
        rows = [json.loads(l) for l in open(os.path.join(pool_dir, lang + ".jsonl"), encoding="utf-8") if l.strip()]
        articles = collections.OrderedDict()
        for r in rows:
            if split.get(r["act"]) == "train":
                articles.setdefault((r["act"], r["article"]), []).append(r)
        rng = random.Random(seed)
        by_act = collections.defaultdict(list)
        for key, provisions in articles.items():
            if not any(p["id"] in seen for p in provisions):
                by_act[key[0]].append(provisions)
        for act in by_act:
            rng.shuffle(by_act[act])
        acts = sorted(by_act)
        rng.shuffle(acts)
        chosen = []
        while len(chosen) < n and any(by_act[a] for a in acts):
            for a in acts:
                if by_act[a] and len(chosen) < n:
                    chosen.extend(by_act[a].pop())
        with open(os.path.join(out, "annotations", "pool-" + lang + ".jsonl"), "w", encoding="utf-8") as w:
            for r in chosen:
                w.write(json.dumps(r, ensure_ascii=False) + "\n")
        k = max(1, round(len(chosen) / batch))
        size = -(-len(chosen) // k)
        for i in range(k):
            part = chosen[i * size:(i + 1) * size]
            with open(os.path.join(out, "annotations", "batches", "%s-%d.jsonl" % (lang, i + 1)), "w", encoding="utf-8") as w:
                for r in part:
                    w.write(json.dumps({"id": r["id"], "provision": r["provision"], "text": r["text"]}, ensure_ascii=False) + "\n")
        print(lang, len(chosen), "provisions of", len({r["act"] for r in chosen}), "acts in", k, "batches")

if __name__ == "__main__":
    main(sys.argv[1:]) if len(sys.argv) > 3 else sys.exit(__doc__)
