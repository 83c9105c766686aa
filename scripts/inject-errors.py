#!/usr/bin/env python3
"""Recall of the checks on errors injected into correct translations.

Usage: scripts/inject-errors.py PAIR_DIR... [-v] [--en-source]

Each PAIR_DIR holds es.txt (source) and en.txt (a correct translation), such as corpora/correcto-*
or the Debian news pairs of ../shared/eval/real; with --en-source, en.txt is the source and the
errors go into es.txt (debian_news.py --en-source builds such pairs). For each pair it injects, one
at a time, into the translation: a changed number, a changed month or weekday, a swapped two-word name, a dropped
paragraph, an added paragraph, a paragraph left in Spanish; then counts how often the matching
check reports it on the right paragraph, and how many other new findings appear. -v lists misses.
"""
import json, subprocess, glob, os, re, random, sys, tempfile
random.seed(7)
COTEJO = os.environ.get('COTEJO', 'target/release/cotejo')
TMP = tempfile.mkdtemp()
EN_SOURCE = '--en-source' in sys.argv
if EN_SOURCE:
    MONTHS = ['enero','febrero','marzo','abril','mayo','junio','julio','agosto','septiembre','octubre','noviembre','diciembre']
    DAYS = ['lunes','martes','miércoles','jueves','viernes','sábado','domingo']
else:
    MONTHS = ['January','February','March','April','May','June','July','August','September','October','November','December']
    DAYS = ['Monday','Tuesday','Wednesday','Thursday','Friday','Saturday','Sunday']
def paras(t): return [p for p in re.split(r'\n[ \t]*\n', t.strip('\n')) if p.strip()]
def check(es, en):
    """Checks source `es` against translation `en` (the names of the default direction)."""
    open(TMP+'/src.txt','w').write(es); open(TMP+'/tgt.txt','w').write(en)
    out = subprocess.run([COTEJO,'check',TMP+'/src.txt',TMP+'/tgt.txt','--format','json','--fail-on','never'],capture_output=True,text=True)
    return json.loads(out.stdout)
def key(f): return (f['check'], tuple(f['source']), tuple(f['target']), f['message'])
stats = {}
NOTE = ['']
def record(kind, ok, fa):
    s = stats.setdefault(kind, [0,0,0]); s[0]+=1; s[1]+=ok; s[2]+=fa
pairs = [a for a in sys.argv[1:] if not a.startswith('-')]
other_en = "The committee also approved a separate plan to renovate three public libraries in the northern district before the end of the year."
if EN_SOURCE:
    other_en = "El comité también aprobó un plan distinto para renovar tres bibliotecas públicas del distrito norte antes de que termine el año."
for d in pairs:
    # `es` is the source and `en` the translation below, whatever the languages.
    es = open(d+'/es.txt').read(); en = open(d+'/en.txt').read()
    if EN_SOURCE: es, en = en, es
    E = paras(en); S = paras(es)
    base = check(es, en)
    base_keys = {key(f) for f in base['findings'] if f['severity']!='info'}
    content = [(l['source'][0], l['target'][0]) for l in base['alignment'] if l['kind']=='content' and len(l['source'])==1 and len(l['target'])==1]
    def run(kind, new_en, want_check, want_src=None, want_tgt=None, new_es=None):
        r = check(new_es or es, new_en)
        new = [f for f in r['findings'] if f['severity']!='info' and key(f) not in base_keys]
        ok = any(f['check']==want_check and (want_src is None or want_src in f['source']) and (want_tgt is None or want_tgt in f['target']) for f in new)
        fa = sum(1 for f in new if not (f['check']==want_check))
        if not ok and '-v' in sys.argv: print('MISS', kind, os.path.basename(d), want_src, want_tgt, [ (f['check'],f['message'][:90]) for f in new][:3], NOTE[0])
        record(kind, ok, fa)
    # number
    cands = [(s,t) for s,t in content if re.search(r'(?<![\w.,])\d{2,}(?![\w])', E[t])]
    if cands:
        s,t = random.choice(cands)
        m = random.choice(list(re.finditer(r'(?<![\w.,])\d{2,}(?![\w])', E[t])))
        v = m.group(); nv = str(int(v)+1) if not v.startswith('19') and not v.startswith('20') else str(int(v)-3)
        E2 = list(E); E2[t] = E[t][:m.start()]+nv+E[t][m.end():]
        run('number', '\n\n'.join(E2), 'number-mismatch' if not re.fullmatch(r'(19|20)\d\d', v) else 'date-mismatch', s, t)
    # month / weekday
    cands = [(s,t,w) for s,t in content for w in MONTHS+DAYS if re.search(r'\b'+w+r'\b', E[t])]
    if cands:
        s,t,w = random.choice(cands)
        pool = MONTHS if w in MONTHS else DAYS
        nw = pool[(pool.index(w)+1)%len(pool)]
        E2 = list(E); E2[t] = re.sub(r'\b'+w+r'\b', nw, E[t], count=1)
        run('date', '\n\n'.join(E2), 'date-mismatch', s, t)
    # name swap: a capitalised two-word name present in both
    cands = []
    for s,t in content:
        for m in re.finditer(r'\b([A-ZÁÉÍÓÚ][a-záéíóúñ]+) ([A-ZÁÉÍÓÚ][a-záéíóúñ]+)\b', E[t]):
            if m.group(0) in S[s] and m.start() > 0: cands.append((s,t,m))
    if cands:
        s,t,m = random.choice(cands)
        E2 = list(E); E2[t] = E[t][:m.start()]+'Rodrigo Valverde'+E[t][m.end():]; NOTE[0] = m.group(0)
        run('name', '\n\n'.join(E2), 'entity-mismatch', s, t)
    # omission: drop a content target paragraph (not first)
    long = [(s,t) for s,t in content if len(E[t])>60 and t>0]
    if long:
        s,t = random.choice(long)
        E2 = E[:t]+E[t+1:]
        run('omission', '\n\n'.join(E2), 'omission', s, None)
    # addition
    if long:
        s,t = random.choice(long)
        E2 = E[:t+1]+[other_en]+E[t+1:]
        run('addition', '\n\n'.join(E2), 'addition', None, t+1)
    # untranslated
    if long:
        s,t = random.choice(long)
        if len(S[s])>60:
            E2 = list(E); E2[t] = S[s]
            run('untranslated', '\n\n'.join(E2), 'untranslated', None, t)
for k,(n,ok,fa) in stats.items():
    print(f'{k:14} found {ok}/{n}  extra findings {fa}')
