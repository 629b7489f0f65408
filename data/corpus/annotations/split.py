import json,hashlib,collections,sys
tuned=set()
for f in ['en-dev','kk-dev','ru-dev','ru-parallel-dev']:
    for l in open('/work/main/data/annotated/%s.jsonl'%f):
        r=json.loads(l); p=r['source']['path']
        import re
        m=re.match(r'(kaz|rus)/(\d+)\.md',p)
        if m: tuned.add('kz-'+m.group(2)); continue
        m=re.match(r'data/html/(\d+)\.html',p)
        if m: tuned.add('rf-'+m.group(1)); continue
        tuned.add(p)
T,D=float(sys.argv[1]),float(sys.argv[2])
def split(act,files):
    if act in tuned or any(f in tuned for f in files): return 'train'
    u=int(hashlib.sha256(('adaldyq-split-2026:'+act).encode()).hexdigest()[:8],16)/2**32
    return 'test' if u<T else 'dev' if u<T+D else 'train'
out={}
for lang in ['kk','ru','en']:
    rows=[json.loads(x) for x in open('/tmp/pool/%s.jsonl'%lang)]
    files=collections.defaultdict(set)
    for r in rows: files[r['act']].add(r['file'].split('/',2)[-1] if lang=='en' else r['file'])
    cnt=collections.Counter()
    for r in rows:
        fs={('bill-version-samples-september-2024/' if not f.startswith(('previous',)) else '')+f for f in files[r['act']]}
        fs|={f.replace('usgpo-uslm/','') for f in files[r['act']]}
        s=split(r['act'],fs); out[r['act']]=s; cnt[s]+=1
    print(lang,len(rows),dict(cnt))
json.dump(out,open('/tmp/corp/split.json','w'),indent=0,sort_keys=True)
print(sorted(a for a in out if out[a]=='test'))
