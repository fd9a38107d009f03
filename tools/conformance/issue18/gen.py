import json,collections,sys
import os
HERE = os.path.dirname(os.path.abspath(__file__))
os.chdir(HERE)
t=json.load(open('tests.json'))
rows={}
for line in open('rows.txt'):
  line=line.rstrip('\n')
  if not line: continue
  i,c,j,n=line.split('|',3)
  i=int(i)
  if i in rows: print('DUP',i,file=sys.stderr)
  rows[i]=(c,j,n)
TOK={
 '@MACRO':'Elixir macro work (escaping quoted expressions, macro expansion); ecto4j clauses are Java method calls, so there is nothing to escape.',
 '@INTERP':'`^` interpolation and compile-time vs run-time building are Elixir macro concerns; in ecto4j every value is a Java value bound as a parameter and every query is built at run time.',
 '@BINDINGS':'binding lists (`[p, c]`, `...`, `[posts: p]`) and lookups by binding name are Elixir syntax; ecto4j refers to sources through typed fields and `Alias` objects.',
 '@KEYWORD':'keyword-query syntax (`from p in Post, where: …`) is Elixir; ecto4j has one method-chain form.',
 '@ATOMS':'atoms vs strings is an Elixir distinction; ecto4j names are strings or generated constants.',
 '@INSPECT':'`inspect/2` output of Ecto\'s Inspect protocol; ecto4j\'s `Query.toString()` is Ecto-like but its own (QueryTest#toStringIsEctoLike).',
 '@DYNAMIC':'`Ecto.Query.dynamic/2` expansion internals (`fully_expand/2`); an ecto4j `Condition` is a plain value (ConditionsTest#dynamicConditionsAreValuesAssembledAtRunTime).',
 '@INTERNAL':'checks the shape of Ecto\'s internal query structs; ecto4j\'s query tree is private.',
 '@TYPED':'the wrong input does not compile in ecto4j (typed DSL), where Ecto raises at run or macro time.',
}
ST={'S':'same','D':'different on purpose','N':'not applicable','Y':'not yet','P':'pending'}
def note(n):
  for k,v in TOK.items():
    if n.startswith(k):
      rest=n[len(k):].strip()
      return v+(' '+rest if rest else '')
  return n
files=[('ecto','integration_test/cases/repo.exs'),('ecto','integration_test/cases/preload.exs'),('ecto','integration_test/cases/joins.exs'),('ecto','integration_test/cases/windows.exs'),('ecto','integration_test/cases/interval.exs'),('ecto','integration_test/cases/type.exs'),('ecto','test/ecto/repo_test.exs'),('ecto','test/ecto/query_test.exs')]
qf=sorted(set(p for p,_,_ in t if p.startswith('test/ecto/query/')))
files+= [('ecto',p) for p in qf]
files+=[('ecto_sql','test/ecto/adapters/postgres_test.exs')]+[('ecto_sql',p) for p in sorted(set(p for p,_,_ in t if p.startswith('integration_test/pg/')))]
files+=[('ecto_sql','integration_test/pg/all_test.exs'),('ecto_sql','integration_test/pg/test_helper.exs')]
def esc(s): return s.replace('|','\\|')
summary=[];sections=[];notyet=[];pend=[]
for repo,f in files:
  idx=[i for i,(p,l,n) in enumerate(t) if p==f]
  if not idx:
    sections.append((repo,f,None)); summary.append((repo,f,0,collections.Counter())); continue
  if not all(i in rows for i in idx):
    missing=[i for i in idx if i not in rows]
    if len(missing)<len(idx): print('PARTIAL',f,missing,file=sys.stderr)
    notyet.append((repo,f,len(idx))); continue
  c=collections.Counter(rows[i][0] for i in idx)
  summary.append((repo,f,len(idx),c))
  tab=['| Ecto test | ecto4j test | status | note |','|---|---|---|---|']
  for i in idx:
    p,l,n=t[i]; s,j,nn=rows[i]
    if s=='P': pend.append((f,n))
    jj=', '.join('`%s`'%x.strip() for x in j.split(',')) if j else '—'
    tab.append('| %s (line %d) | %s | %s | %s |'%(esc(n),l,jj,ST[s],esc(note(nn))))
  sections.append((repo,f,tab))
out=[]
out.append(open('intro.md').read())
out.append('## Summary\n')
out.append('| Ecto file | tests | same | different on purpose | not applicable | not yet | pending |')
out.append('|---|---|---|---|---|---|---|')
T=collections.Counter();tot=0
for repo,f,n,c in summary:
  out.append('| %s `%s` | %d | %d | %d | %d | %d | %d |'%(repo,f,n,c['S'],c['D'],c['N'],c['Y'],c['P']))
  T+=c;tot+=n
out.append('| **catalogued** | **%d** | **%d** | **%d** | **%d** | **%d** | **%d** |'%(tot,T['S'],T['D'],T['N'],T['Y'],T['P']))
out.append('')
for repo,f,tab in sections:
  out.append('## %s: `%s`\n'%(repo,f))
  if tab is None:
    out.append('This file holds no `test` (a shared setup or helper file).\n'); continue
  out+=tab; out.append('')
if notyet:
  out.append('## Not yet catalogued\n')
  out.append('These files are in issue #18\'s list but have no table yet; every test in them is still to be sorted:\n')
  for repo,f,n in notyet: out.append('- %s `%s` (%d tests)'%(repo,f,n))
  out.append('')
import glob
for part in sorted(glob.glob(os.path.join(HERE, '..', 'parts', '[0-9][0-9].md'))):
  out.append(open(part).read())
open(os.path.join(HERE, '..', '..', '..', 'docs', 'conformance.md'),'w').write('\n'.join(out))
print(tot,dict(T),file=sys.stderr)
for x in notyet: print('NOTYET',x,file=sys.stderr)
for x in pend: print('PEND',x,file=sys.stderr)
