#!/usr/bin/python3
"""An upper bound for a model: the folds of by_act_semantic.py, each factor's threshold chosen on the scored
provisions themselves (what no real run can do), for four regularisation strengths.

usage: oracle_thresholds.py LANG KIND   (KIND as in by_act_semantic.py: bow, emb, bow+emb, ...)"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np
import by_act_semantic as b
b.setup(sys.argv[1])
kind = sys.argv[2]
which = ('calib', 'dev2', 'fresh')
CS = (0.25, 1.0, 4.0, 16.0)
# out-of-fold scores of every provision, per regularisation strength and factor: each fold's features made once
scores = {(C, f): np.zeros(len(b.rows)) for C in CS for f in b.factors}
for k in range(5):
    tr = np.array([i for i, r in enumerate(b.rows) if b.fold[r['act']] != k])
    te = np.array([i for i, r in enumerate(b.rows) if b.fold[r['act']] == k])
    if len(te) == 0:
        continue
    Xtr, Xte = b.featurize(tr, te, kind)
    for f in b.factors:
        y = np.array([1 if f in b.rows[i]['gold'] else 0 for i in tr])
        for C in CS:
            scores[C, f][te] = b.fit_scores(Xtr, y, Xte, C)
idx = [i for i, r in enumerate(b.rows) if r['set'] in which]
for C in CS:
    tp = fp = fn = 0
    for f in b.factors:
        y = np.array([1 if f in b.rows[i]['gold'] else 0 for i in idx])
        s = scores[C, f][idx]
        best = (0, 0, y.sum())
        for t in np.arange(0.05, 1.0, 0.01):
            p = s >= t
            a, c, d = (p & (y == 1)).sum(), (p & (y == 0)).sum(), (~p & (y == 1)).sum()
            if 2 * a / (2 * a + c + d) > 2 * best[0] / (2 * best[0] + best[1] + best[2] + 1e-9):
                best = (a, c, d)
        tp += best[0]; fp += best[1]; fn += best[2]
    P = tp / (tp + fp) if tp + fp else 0; R = tp / (tp + fn)
    print(f"{b.LANG} {kind} C={C} oracle thresholds per factor: P={P:.3f} R={R:.3f} F1={2*P*R/(P+R) if P+R else 0:.3f}", flush=True)
