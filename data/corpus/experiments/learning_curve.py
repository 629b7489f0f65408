#!/usr/bin/python3
"""Learning curve by act: the bag-of-words model, alone and with the rules' findings as features, trained on a
share of the training acts (the folds and thresholds of by_act_semantic.py).

usage: learning_curve.py LANG   (run from the repository root; WORK as in README.md)"""
import os, random, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import by_act_semantic as b

b.setup(sys.argv[1], vectors=False)
for share in (0.25, 0.5, 1.0):
    rng = random.Random(11)
    keep = {a for a in b.acts if rng.random() < share or share >= 1.0}
    provisions = sum(1 for r in b.rows if r['act'] in keep)
    print(f"share {share}: {len(keep)} of {len(b.acts)} acts, {provisions} provisions")
    b.score(b.run('bow', keep), f'bow@{share}')
    b.score(b.run('bow+rule', keep), f'bow+rule@{share}')
