#!/usr/bin/python3
"""By-act check: does a semantic signal (fastText vectors trained on the whole body of law) let a model
find what the rules miss on acts it never saw? Exploratory, outside the product (README.md here).

usage: by_act_semantic.py LANG [SETS [KINDS]]   (run from the repository root; WORK as in README.md)"""
import json, os, re, sys, hashlib
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.feature_extraction.text import TfidfVectorizer
from scipy.sparse import hstack, csr_matrix
from gensim.models import FastText

LANG = sys.argv[1] if __name__ == '__main__' else None
MAIN = 'data/corpus/'
WORK = os.environ.get('WORK', '/tmp/exp') + '/'
DOCLEVEL = {'MISSING_DEADLINE', 'NO_APPEAL'}
TOK = re.compile(r"[^\W\d_]+", re.U)

def tokens(t):
    return [w.lower() for w in TOK.findall(t)]

def load(path, splits):
    out = []
    for line in open(path, encoding='utf-8'):
        r = json.loads(line)
        if r.get('split', 'train') in splits and r['lang'] == LANG:
            out.append(r)
    return out

def rules_pred(vfile):
    pred = {}
    for line in open(vfile, encoding='utf-8'):
        m = re.match(r"(\S+) missed=\[(.*?)\] extra=\[(.*?)\]", line)
        if m:
            miss = {x.strip() for x in m.group(2).split(',') if x.strip()}
            extra = {x.strip() for x in m.group(3).split(',') if x.strip()}
            pred[m.group(1)] = (miss, extra)
    return pred

def setup(lang, vectors=True):
    """Loads the labelled provisions of LANG with the engine's findings, and (if asked) the word vectors."""
    global LANG, rows, ft, E, texts, acts, fold, factors
    LANG = lang
    rows = []
    for name, splits, v in [('gold', {'train', 'dev'}, 'v-gold.txt'), ('calib', {'calib'}, 'v-calib.txt'),
                            ('dev2', {'dev2'}, 'v-dev2.txt'), ('fresh', {'fresh'}, 'v-fresh.txt')]:
        try:
            rs = load(MAIN + name + '/' + LANG + '.jsonl', splits)
        except FileNotFoundError:
            continue
        diff = rules_pred(WORK + v)
        for r in rs:
            gold = set(r['factors']) - DOCLEVEL
            miss, extra = diff.get(r['id'], (set(), set()))
            r['gold'] = gold
            r['rules'] = (gold - miss) | extra
            r['set'] = name
            rows.append(r)
    print(LANG, len(rows), 'provisions', file=sys.stderr)

    if vectors and not os.environ.get('SENTENCE_VECTORS'):
        # vectors from every provision of every act of the language (unlabelled text)
        sents = [tokens(json.loads(l)['text']) for l in open(WORK + 'allpool/' + LANG + '.jsonl', encoding='utf-8')]
        ft = FastText(vector_size=100, window=5, min_count=3, min_n=3, max_n=5, epochs=10, seed=7, workers=1, sg=1)
        ft.build_vocab(corpus_iterable=sents)
        ft.train(corpus_iterable=sents, total_examples=len(sents), epochs=10)
        print('vectors', len(ft.wv), file=sys.stderr)

    def emb(t):
        ws = tokens(t)
        if not ws:
            return np.zeros(200)
        M = np.array([ft.wv[w] for w in ws])
        return np.concatenate([M.mean(0), M.max(0)])

    if vectors and os.environ.get('SENTENCE_VECTORS'):
        # a sentence-embedding model's vectors, one line per provision: id, then the numbers, tab-separated
        given = {}
        for line in open(os.environ['SENTENCE_VECTORS'], encoding='utf-8'):
            parts = line.rstrip('\n').split('\t')
            given[parts[0]] = np.array([float(x) for x in parts[1:]])
        E = np.array([given[r['id']] for r in rows])
        E = E / (np.linalg.norm(E, axis=1, keepdims=True) + 1e-9)
    elif vectors:
        E = np.array([emb(r['text']) for r in rows])
        E = E / (np.linalg.norm(E, axis=1, keepdims=True) + 1e-9)
    texts = [r['text'] for r in rows]
    acts = sorted({r['act'] for r in rows})
    h = lambda a: int(hashlib.sha256(a.encode()).hexdigest()[:8], 16)
    fold = {a: h(a) % 5 for a in acts}
    factors = sorted({f for r in rows for f in r['gold']})
    factors = [f for f in factors if sum(f in r['gold'] for r in rows) >= 8]
    print('factors', factors, file=sys.stderr)


def featurize(train_idx, test_idx, kind):
    parts_tr, parts_te = [], []
    if 'bow' in kind:
        v = TfidfVectorizer(analyzer='char_wb', ngram_range=(4, 5), min_df=2, sublinear_tf=True, max_features=60000)
        parts_tr.append(v.fit_transform([texts[i] for i in train_idx]))
        parts_te.append(v.transform([texts[i] for i in test_idx]))
        w = TfidfVectorizer(token_pattern=r"(?u)\b[^\W\d_]+\b", ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        parts_tr.append(w.fit_transform([texts[i] for i in train_idx]))
        parts_te.append(w.transform([texts[i] for i in test_idx]))
    if 'emb' in kind:
        parts_tr.append(csr_matrix(E[train_idx] * 2.0))
        parts_te.append(csr_matrix(E[test_idx] * 2.0))
    if 'rule' in kind:
        R = lambda idx: csr_matrix(np.array([[1.0 if f in rows[i]['rules'] else 0.0 for f in factors] for i in idx]))
        parts_tr.append(R(train_idx)); parts_te.append(R(test_idx))
    return hstack(parts_tr).tocsr(), hstack(parts_te).tocsr()

def fit_scores(Xtr, ytr, Xte, C=4.0):
    if ytr.sum() < 2:
        return np.zeros(Xte.shape[0])
    m = LogisticRegression(C=C, class_weight='balanced', solver='liblinear', max_iter=2000)
    m.fit(Xtr, ytr)
    return m.predict_proba(Xte)[:, 1]

def best_threshold(scores, y):
    best, bt = -1, 0.5
    for t in np.arange(0.3, 0.99, 0.02):
        p = scores >= t
        tp = (p & (y == 1)).sum(); fp = (p & (y == 0)).sum(); fn = (~p & (y == 1)).sum()
        f = 2 * tp / (2 * tp + fp + fn) if tp else 0
        if f > best:
            best, bt = f, t
    return bt

def run(kind, keep=None):
    """Out-of-fold by act; thresholds chosen by an inner by-act split of the training acts; trained on the
    acts in `keep` only, when given (every held-out act is still scored)."""
    pred = [set() for _ in rows]
    for k in range(5):
        tr = np.array([i for i, r in enumerate(rows) if fold[r['act']] != k and (keep is None or r['act'] in keep)])
        te = np.array([i for i, r in enumerate(rows) if fold[r['act']] == k])
        if len(te) == 0:
            continue
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
                if yb.sum() > 0:
                    thr = best_threshold(fit_scores(Xa_tr, ya, Xa_te), yb)
            s = fit_scores(Xtr, y, Xte)
            for j, i in enumerate(te):
                if s[j] >= thr:
                    pred[i].add(f)
    return pred

def score(pred, name, which=('calib', 'dev2', 'fresh'), every_factor=False):
    """Micro P/R/F1 on the provisions of WHICH; against the modelled factors' labels only, unless EVERY_FACTOR."""
    tp = fp = fn = 0
    for r, p in zip(rows, pred):
        if r['set'] not in which:
            continue
        g = r['gold'] if every_factor else r['gold'] & set(factors)
        tp += len(p & g); fp += len(p - g); fn += len(g - p)
    P = tp / (tp + fp) if tp + fp else 0; R = tp / (tp + fn) if tp + fn else 0
    F = 2 * P * R / (P + R) if P + R else 0
    print(f"{LANG} {name:14s} {str(which):28s} tp={tp:4d} fp={fp:4d} fn={fn:4d} P={P:.3f} R={R:.3f} F1={F:.3f}")
    return P, R, F

if __name__ == '__main__':
    setup(LANG)
    rules = [r['rules'] for r in rows]
    which = tuple(sys.argv[2].split(',')) if len(sys.argv) > 2 else ('calib', 'dev2', 'fresh')
    score(rules, 'rules', which, every_factor=True)
    for kind in sys.argv[3].split(',') if len(sys.argv) > 3 else ['bow', 'emb', 'bow+emb', 'bow+emb+rule']:
        p = run(kind)
        score(p, kind, which)
        if 'rule' not in kind:
            score([a | b for a, b in zip(p, rules)], kind + '|rules', which)
            score([a & b for a, b in zip(p, rules)], kind + '&rules', which)
