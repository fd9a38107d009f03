"""Copies issue #19's statuses of ecto_sql's postgres_test.exs DDL tests into issue #18's rows, so the
two sections that list those tests agree (#19 owns the DDL part of that file)."""
import glob, json, os
HERE = os.path.dirname(os.path.abspath(__file__))
t = json.load(open(os.path.join(HERE, 'issue18', 'tests.json')))
f19 = {}
for f in glob.glob(os.path.join(HERE, 'issue19', 'rows_*.txt')):
    for line in open(f):
        line = line.rstrip('\n')
        if '|' in line:
            key, s, tests, note = (line.split('|', 3) + ['', ''])[:4]
            f19[key] = (s, tests, note)
path = os.path.join(HERE, 'issue18', 'rows.txt')
out, n = [], 0
for line in open(path).read().split('\n'):
    if line:
        i = line.split('|', 1)[0]
        p, l, _ = t[int(i)]
        key = f'{p}:{l}'
        if p == 'test/ecto/adapters/postgres_test.exs' and key in f19:
            s, tests, note = f19[key]
            line = '|'.join([i, s, tests, note])
            n += 1
    out.append(line)
open(path, 'w').write('\n'.join(out))
print('synced', n, 'DDL rows from #19 into #18')
