# Regenerates ../parts/19.md from tests.json and rows_*.txt (see ../README.md).
import os
HERE = os.path.dirname(os.path.abspath(__file__))
os.chdir(HERE)
import json,collections,sys,glob
t=json.load(open('tests.json'))
rows={}
for f in sorted(glob.glob('rows_*.txt')):
  for line in open(f):
    line=line.rstrip('\n')
    if not line: continue
    k,c,j,n=line.split('|',3)
    if k in rows: print('DUP',k,file=sys.stderr)
    rows[k]=(c,j,n)
TOK={
 '@NOSTRUCT':'`insert`/`delete` take a changeset (`Changeset.change(struct)` for a struct as it is); a struct overload would make a lambda argument ambiguous with the function form (listed in 19-differences).',
 '@NAMES':'step names are any Elixir term (tuples, charlists); an ecto4j step name is a typed `Key` named by a string.',
 '@MFA':'`{module, function, args}` tuples are Elixir; in Java a method reference is the function.',
 '@MODULE':'looking up an Elixir module (undefined function, module attribute) has no counterpart.',
 '@OTP':'OTP processes (starting, naming, supervising a repo or migrator process) have no counterpart; a `Repo` is an object.',
 '@OWNERSHIP':'ownership of sandbox connections across processes (checkout, allow, shared mode); in ecto4j every thread of a test uses the test\'s one sandbox connection.',
 '@PARAMS':'the parameters of the statement in order, as logged: `QueryEvent.parameters` is filled for queries but untested for this statement kind, and the SLF4J logger does not print parameters.',
 '@POOL':'the migrator\'s connection-pool size check for its lock is a DBConnection pool concern; ecto4j\'s migrator opens its own connections.',
 '@MIGDEFAULTS':'migrator-wide defaults (`migration_primary_key`, `migration_foreign_key`, `migration_timestamps` config) are missing.',
 '@HISTORY':'the history table is Flyway\'s (`flyway_schema_history`), created and read by Flyway; Ecto\'s `schema_migrations` options have no counterpart.',
 '@TYPES':'column types are PostgreSQL type names written as text (`numeric(10,3)`, `timestamptz`); Ecto type atoms and modules, and their validation, have no counterpart.',
 '@TYPED':'the wrong input does not compile in ecto4j (typed DSL), where Ecto raises at run time.',
 '@PREFIX':'migrator prefixes: the migrator has no prefix of its own (the runner\'s `prefix:` option) and there is no configured default prefix; the DSL has them (`table(…).prefix(…)`, `index(…).prefix(…)`, `references(…).prefix(…)`, `check(…).prefix(…)`).',
 '@FILES':'migrations are classes (and SQL files), found through the generated index or Flyway\'s scan; a source file without a migration is a compile-time matter.',
 '@SOURCE':'an alternate migration source (a module listing `{version, module}`) has no counterpart: migrations are listed by the processor\'s generated index or Flyway\'s scan.',
 '@DDLTX':'an adapter without transactional DDL (MySQL) — PostgreSQL has it.',
 '@ADAPTER':'an adapter that lacks the callback: ecto4j has one adapter, PostgreSQL.',
 '@ARGS':'mix task argument parsing has no Maven counterpart (Maven properties, one database per project).',
 '@INSPECTIO':'IEx `inspect` rendering of structs has no counterpart.',
 '@MYSQL':'MySQL only.',
}
ST={'S':'same','D':'different on purpose','N':'not applicable','Y':'not yet'}
def note(n):
  for k,v in TOK.items():
    if n.startswith(k):
      rest=n[len(k):].strip()
      return v+(' '+rest if rest else '')
  return n
def esc(s): return s.replace('|','\\|')
FILES=[('ecto','test/ecto/multi_test.exs',None),
 ('ecto','integration_test/cases/repo.exs',lambda l,n: n.startswith(('transact/2','transaction/2'))),
 ('ecto_sql','integration_test/sql/transaction.exs',None),('ecto_sql','integration_test/sql/sandbox.exs',None),
 ('ecto_sql','integration_test/sql/migration.exs',None),('ecto_sql','integration_test/sql/migrator.exs',None),
 ('ecto_sql','integration_test/sql/logging.exs',None),('ecto_sql','test/ecto/migration_test.exs',None),
 ('ecto_sql','test/ecto/migrator_test.exs',None),
 ('ecto_sql','test/ecto/adapters/postgres_test.exs',lambda l,n: l>2092)]
FILES+=[('ecto_sql',p,None) for p in sorted(set(p for r,p,l,n in t if p.startswith('test/mix/tasks/')))]
INTRO={'integration_test/cases/repo.exs':'Taken: the seven tests of `describe "transact/2 with function"`, `"transact/2 with multi"` and `"transaction/2 (soft-deprecated)"` (lines 2323–2400). Left to issue #18\'s rows: every other test of the file, including `values list / update_all` (line 2299), which only wraps an `update_all` in a transaction.\n',
 'test/ecto/adapters/postgres_test.exs':'Taken: every test after the `# DDL` comment (line 2092), from "executing a string during migration" to "logs DDL notices". These tests also have rows in issue #18\'s section of this file; the rows here start from those and correct them where they named a helper method as a test or claimed a test that does not assert the behaviour (drop table with cascade, create table with options, modifiers and references, rename index, alter table with serial primary key).\n',
 'integration_test/sql/transaction.exs':'These `integration_test/sql` files live in ecto_sql.\n'}
used=set();summary=[];sections=[]
for repo,f,sel in FILES:
  ts=[(l,n) for r,p,l,n in t if r==repo and p==f and (sel is None or sel(l,n))]
  c=collections.Counter();tab=['| Ecto test | ecto4j test | status | note |','|---|---|---|---|']
  for l,n in ts:
    k='%s:%d'%(f,l)
    if k not in rows: print('MISSING',k,n,file=sys.stderr); continue
    used.add(k); s,j,nn=rows[k]; c[s]+=1
    jj=', '.join('`%s`'%x.strip() for x in j.split(',')) if j else '—'
    tab.append('| %s (line %d) | %s | %s | %s |'%(esc(n),l,jj,ST[s],esc(note(nn))))
  summary.append((repo,f,len(ts),c)); sections.append((repo,f,tab))
for k in rows:
  if k not in used: print('EXTRA',k,file=sys.stderr)
o=['# Issue #19: Multi, transactions, migrations, telemetry','',
 'The tests were listed by a script  from `elixir-ecto/ecto` at commit `c624abf4297b` and `elixir-ecto/ecto_sql` at commit `5e45b435a764`; describe blocks are written as `describe / test`, and each row gives the test\'s line in its file. ecto4j was read at commit `012a25e` plus the uncommitted migration-DSL work in the working tree (prefixes, reference and index options), which has no tests yet and is marked "not yet".','',
 '| Ecto file | tests | same | different on purpose | not applicable | not yet |','|---|---|---|---|---|---|']
T=collections.Counter();tot=0
for repo,f,n,c in summary:
  o.append('| %s `%s`%s | %d | %d | %d | %d | %d |'%(repo,f,' (part)' if f in INTRO and 'live in' not in INTRO[f] else '',n,c['S'],c['D'],c['N'],c['Y'])); T+=c; tot+=n
o.append('| **issue #19** | **%d** | **%d** | **%d** | **%d** | **%d** |'%(tot,T['S'],T['D'],T['N'],T['Y']));o.append('')
for repo,f,tab in sections:
  o.append('## %s: `%s`\n'%(repo,f))
  if f in INTRO: o.append(INTRO[f])
  o+=tab; o.append('')
os.makedirs(os.path.join(HERE, '..', 'parts'), exist_ok=True)
open(os.path.join(HERE, '..', 'parts', '19.md'),'w').write('\n'.join(o))
print(tot,dict(T),file=sys.stderr)
for repo,f,n,c in summary: print(f,n,dict(c),file=sys.stderr)
