#!/usr/bin/python3
"""Learning curve by act: the bag-of-words model, alone and with the rules' findings as features, trained on a
share of the training acts (the folds and thresholds of by_act_semantic.py). usage: learning_curve.py LANG"""
import os, sys, random
sys.argv = [sys.argv[0], sys.argv[1]]
src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'by_act_semantic.py')).read().split("rules = [r['rules'] for r in rows]")[0]
src = src.replace("ft = FastText(", "ft = None and FastText(").replace("ft.build_vocab(corpus_iterable=sents)\nft.train(corpus_iterable=sents, total_examples=len(sents), epochs=10)\nprint('vectors', len(ft.wv), file=sys.stderr)", "")
src = src.replace("E = np.array([emb(r['text']) for r in rows])", "E = np.zeros((len(rows), 2))")
exec(src)
base_run = run
for share in (0.25, 0.5, 1.0):
    rng = random.Random(11)
    keep = {a for a in acts if rng.random() < share or share >= 1.0}
    def run_share(kind):
        global rows
        pred = [set() for _ in rows]
        for k in range(5):
            tr = np.array([i for i, r in enumerate(rows) if fold[r['act']] != k and r['act'] in keep])
            te = np.array([i for i, r in enumerate(rows) if fold[r['act']] == k])
            inner_a = np.array([i for i in tr if fold[rows[i]['act']] == (k + 1) % 5])
            inner_b = np.array([i for i in tr if fold[rows[i]['act']] != (k + 1) % 5])
            Xtr, Xte = featurize(tr, te, kind)
            if len(inner_a):
                Xa_tr, Xa_te = featurize(inner_b, inner_a, kind)
            for f in factors:
                y = np.array([1 if f in rows[i]['gold'] else 0 for i in tr])
                thr = 0.5
                if len(inner_a):
                    ya = np.array([1 if f in rows[i]['gold'] else 0 for i in inner_b])
                    yb = np.array([1 if f in rows[i]['gold'] else 0 for i in inner_a])
                    if yb.sum() > 0 and ya.sum() > 1:
                        thr = best_threshold(fit_scores(Xa_tr, ya, Xa_te), yb)
                s = fit_scores(Xtr, y, Xte)
                for j, i in enumerate(te):
                    if s[j] >= thr:
                        pred[i].add(f)
        return pred
    n_train = sum(1 for r in rows if r['act'] in keep)
    print(f"share {share}: {len(keep)} of {len(acts)} acts, {n_train} provisions")
    score(run_share('bow'), f'bow@{share}')
    score(run_share('bow+rule'), f'bow+rule@{share}')
