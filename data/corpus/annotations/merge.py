#!/usr/bin/env python3
"""Two-annotator labels → adjudication batches → gold corpus, with agreement.

  python3 merge.py disagreements   # writes batches-c/<batch>.jsonl: provisions where A and B differ
  python3 merge.py gold            # writes ../gold/<lang>.jsonl and ../agreement.json
  python3 merge.py twins           # writes batches-d/twins.jsonl: kk/ru twins whose gold labels differ
                                   # (a reconciler's d/twins.jsonl then applies in gold)

A provision's gold factors are A's = B's where they agree, otherwise the adjudicator's (c/<batch>.jsonl),
who saw the text and both labels (never the program's output). Evidence: the adjudicator's, else A's,
else B's quote for each gold factor. kk/ru twins (same act, same citation) get each other's id in "pair".
Run from this folder."""
import json, os, sys, collections, glob, hashlib

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
CODES = ["WIDE_DISCRETION", "OPTIONAL_POWER", "SELECTIVE_EXCEPTION", "BLANKET_DELEGATION",
         "MISSING_PROCEDURE", "NON_COMPETITIVE", "NORM_COLLISION", "EXCESSIVE_REQUIREMENTS",
         "APPLICANT_BURDEN", "VAGUE_TERMS", "PRIVATE_DELEGATION", "NON_TRANSPARENCY"]

def read(path):
    return [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]

def labels(who, batch):
    p = os.path.join(HERE, who, batch + ".jsonl")
    return {r["id"]: r for r in read(p)} if os.path.exists(p) else None

def batches():
    return sorted(os.path.basename(p)[:-6] for p in glob.glob(os.path.join(HERE, "batches", "*.jsonl")))

def complete(batch):
    ids = [r["id"] for r in read(os.path.join(HERE, "batches", batch + ".jsonl"))]
    a, b = labels("a", batch), labels("b", batch)
    return ids if a and b and all(i in a for i in ids) and all(i in b for i in ids) else None

def disagreements():
    os.makedirs(os.path.join(HERE, "batches-c"), exist_ok=True)
    for batch in batches():
        ids = complete(batch)
        if not ids:
            print(batch, "not labelled by both yet"); continue
        a, b = labels("a", batch), labels("b", batch)
        text = {r["id"]: r for r in read(os.path.join(HERE, "batches", batch + ".jsonl"))}
        out = []
        for i in ids:
            if set(a[i]["factors"]) != set(b[i]["factors"]):
                out.append({"id": i, "provision": text[i]["provision"], "text": text[i]["text"],
                            "annotator_1": {"factors": a[i]["factors"], "evidence": a[i].get("evidence", {}), "note": a[i].get("note", "")},
                            "annotator_2": {"factors": b[i]["factors"], "evidence": b[i].get("evidence", {}), "note": b[i].get("note", "")}})
        with open(os.path.join(HERE, "batches-c", batch + ".jsonl"), "w", encoding="utf-8") as w:
            for r in out:
                w.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(batch, len(ids), "provisions,", len(out), "disagreements")

def twins():
    """kk/ru twin provisions (same act, same citation) whose gold factor sets differ, for reconciliation."""
    gold = {}
    for lang in ("kk", "ru"):
        for r in read(os.path.join(CORPUS, "gold", lang + ".jsonl")):
            gold[r["id"]] = r
    out = []
    for r in gold.values():
        if r["lang"] == "kk" and r.get("pair") in gold:
            t = gold[r["pair"]]
            if set(r["factors"]) != set(t["factors"]):
                out.append({"kk_id": r["id"], "ru_id": t["id"], "provision": r["provision"],
                            "kk_text": r["text"], "ru_text": t["text"],
                            "kk_labels": {"factors": r["factors"], "evidence": r["evidence"]},
                            "ru_labels": {"factors": t["factors"], "evidence": t["evidence"]}})
    os.makedirs(os.path.join(HERE, "batches-d"), exist_ok=True)
    with open(os.path.join(HERE, "batches-d", "twins.jsonl"), "w", encoding="utf-8") as w:
        for x in sorted(out, key=lambda x: x["kk_id"]):
            w.write(json.dumps(x, ensure_ascii=False) + "\n")
    print(len(out), "twin pairs with different factor sets")

def test_hash():
    """The frozen test split's fingerprint: sha256 over the gold lines (bytes as written) whose split is test,
    files en, kk, ru in that order, each line with its newline. FrozenTestSplitTest recomputes it."""
    sha = hashlib.sha256()
    for lang in ("en", "kk", "ru"):
        with open(os.path.join(CORPUS, "gold", lang + ".jsonl"), "rb") as f:
            for line in f:
                if json.loads(line)["split"] == "test":
                    sha.update(line if line.endswith(b"\n") else line + b"\n")
    return sha.hexdigest()

def stats():
    """Markdown tables for the datasheet: provisions per language and split, labels per factor, agreement."""
    rows = {lang: read(os.path.join(CORPUS, "gold", lang + ".jsonl")) for lang in ("kk", "ru", "en")}
    agreement = json.load(open(os.path.join(CORPUS, "agreement.json")))
    print("| language | acts | provisions | train | dev | test | with a factor | labels |")
    print("|---|---|---|---|---|---|---|---|")
    for lang, rs in rows.items():
        c = collections.Counter(r["split"] for r in rs)
        print(f"| {lang} | {len({r['act'] for r in rs})} | {len(rs)} | {c['train']} | {c['dev']} | {c['test']} | "
              f"{sum(1 for r in rs if r['factors'])} | {sum(len(r['factors']) for r in rs)} |")
    print()
    print("| factor | " + " | ".join(f"{l} (train/dev/test)" for l in rows) + " | κ kk | κ ru | κ en |")
    print("|---|" + "---|" * (len(rows) + 3))
    for code in CODES:
        cells = []
        for lang, rs in rows.items():
            c = collections.Counter(r["split"] for r in rs if code in r["factors"])
            cells.append(f"{c['train']}/{c['dev']}/{c['test']}")
        ks = []
        for lang in ("kk", "ru", "en"):
            k = agreement[lang]["factors"][code]["kappa"]
            ks.append("–" if k is None else f"{k:.2f}")
        print(f"| {code} | " + " | ".join(cells) + " | " + " | ".join(ks) + " |")
    print()
    for lang in ("kk", "ru", "en"):
        a = agreement[lang]
        print(f"{lang}: {a['provisions']} provisions double-labelled, same factor set {a['same_factor_set']} "
              f"({100 * a['same_factor_set'] / a['provisions']:.1f}%), adjudicated {a['adjudicated']}, pooled κ {a['kappa_pooled']}")
    print("test sha256:", agreement["test_sha256"])

def kappa(pairs):
    n = len(pairs)
    if n == 0: return None
    po = sum(1 for x, y in pairs if x == y) / n
    pa = sum(x for x, _ in pairs) / n; pb = sum(y for _, y in pairs) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return None if pe == 1 else (po - pe) / (1 - pe)

def gold():
    pool = {}
    for lang in ("kk", "ru", "en"):
        for r in read(os.path.join(CORPUS, "pool", lang + ".jsonl")):
            pool[r["id"]] = r
    reconciled = {}
    twins_file = os.path.join(HERE, "d", "twins.jsonl")
    if os.path.exists(twins_file):
        for r in read(twins_file):
            reconciled[r["kk_id"]] = (r["kk_factors"], r.get("kk_evidence", {}))
            reconciled[r["ru_id"]] = (r["ru_factors"], r.get("ru_evidence", {}))
    out = collections.defaultdict(list)
    agree = collections.defaultdict(lambda: collections.defaultdict(list))
    exact = collections.Counter(); total = collections.Counter(); adjudicated = collections.Counter()
    missing_c = []
    for batch in batches():
        ids = complete(batch)
        if not ids:
            print(batch, "skipped: not labelled by both", file=sys.stderr); continue
        lang = batch.split("-")[0]
        a, b, c = labels("a", batch), labels("b", batch), labels("c", batch) or {}
        for i in ids:
            fa, fb = set(a[i]["factors"]), set(b[i]["factors"])
            for code in CODES:
                agree[lang][code].append((int(code in fa), int(code in fb)))
            total[lang] += 1
            if fa == fb:
                exact[lang] += 1
                factors, ev, by = fa, {}, None
            elif i in c:
                factors, ev, by = set(c[i]["factors"]), c[i].get("evidence", {}), c[i]["factors"]
                adjudicated[lang] += 1
            else:
                missing_c.append(i); continue
            twin = None
            if i in reconciled:
                twin = sorted(reconciled[i][0])
                factors, ev = set(reconciled[i][0]), {**ev, **reconciled[i][1]}
            evidence = {}
            for code in sorted(factors):
                evidence[code] = ev.get(code) or a[i].get("evidence", {}).get(code) or b[i].get("evidence", {}).get(code) or ""
            p = pool[i]
            out[lang].append({"id": i, "lang": lang, "act": p["act"], "split": p["split"], "file": p["file"],
                              "provision": p["provision"], "text": p["text"], "factors": sorted(factors),
                              "evidence": evidence,
                              "annotators": {"a": sorted(fa), "b": sorted(fb), "c": sorted(by) if by is not None else None,
                                             "twin": twin}})
    # kk/ru twins: same act and citation
    key = {}
    for lang in ("kk", "ru"):
        for r in out[lang]:
            if r["act"].startswith("kz-") and r["provision"]:
                key[(lang, r["act"], r["provision"])] = r["id"]
    for lang, other in (("kk", "ru"), ("ru", "kk")):
        for r in out[lang]:
            twin = key.get((other, r["act"], r["provision"]))
            if twin:
                r["pair"] = twin
    os.makedirs(os.path.join(CORPUS, "gold"), exist_ok=True)
    for lang, rows in out.items():
        rows.sort(key=lambda r: r["id"])
        with open(os.path.join(CORPUS, "gold", lang + ".jsonl"), "w", encoding="utf-8") as w:
            for r in rows:
                w.write(json.dumps(r, ensure_ascii=False) + "\n")
    report = {}
    for lang in agree:
        per = {}
        for code in CODES:
            pairs = agree[lang][code]
            k = kappa(pairs)
            per[code] = {"a": sum(x for x, _ in pairs), "b": sum(y for _, y in pairs),
                         "both": sum(1 for x, y in pairs if x and y), "kappa": None if k is None else round(k, 3)}
        allpairs = [p for code in CODES for p in agree[lang][code]]
        report[lang] = {"provisions": total[lang], "same_factor_set": exact[lang], "adjudicated": adjudicated[lang],
                        "kappa_pooled": round(kappa(allpairs), 3), "factors": per}
    report["test_sha256"] = test_hash()
    with open(os.path.join(CORPUS, "agreement.json"), "w") as w:
        json.dump(report, w, indent=1, sort_keys=True)
    for lang in sorted(out):
        print(lang, len(out[lang]), "gold;", report[lang]["same_factor_set"], "of", report[lang]["provisions"],
              "same set; kappa", report[lang]["kappa_pooled"])
    if missing_c:
        print(len(missing_c), "disagreements not adjudicated yet (left out)", file=sys.stderr)

if __name__ == "__main__":
    {"disagreements": disagreements, "gold": gold, "twins": twins, "stats": stats}[sys.argv[1]]()
