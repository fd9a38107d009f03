#!/usr/bin/env python3
"""Regenerates ../parts/16.md from tests.json and rows.txt (see ../README.md)."""
import json, sys, collections, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
from catalogue import java_tests  # noqa: E402
HERE = os.path.dirname(os.path.abspath(__file__))
os.chdir(HERE)
COMMIT = 'c624abf4297b27589a5a7351b55feb2316f61e1c'
FILES = [  # key, path, selected lines (None = all)
  ('cs', 'test/ecto/changeset_test.exs', None),
  ('ha', 'test/ecto/changeset/has_assoc_test.exs', None),
  ('bt', 'test/ecto/changeset/belongs_to_test.exs', None),
  ('mm', 'test/ecto/changeset/many_to_many_test.exs', None),
  ('rp', 'integration_test/cases/repo.exs', 'rows'),
  ('as', 'integration_test/cases/assoc.exs', 'rows'),
]
STATUS = {'S': 'same', 'D': 'different on purpose', 'N': 'not applicable', 'Y': 'not yet'}
tests = json.load(open('tests.json'))
jtests = java_tests()
rows = {}
bad = 0
for line in open('rows.txt'):
    line = line.rstrip('\n')
    if not line or line.startswith('#'):
        continue
    key, ln, st, jt, note = line.split('|', 4)
    if (key, int(ln)) in rows:
        print('DUP', key, ln, file=sys.stderr); bad += 1
    if st not in STATUS:
        print('BAD STATUS', line, file=sys.stderr); bad += 1
    for j in [x.strip() for x in jt.split(',') if x.strip()]:
        if j not in jtests:
            print('UNKNOWN JAVA TEST', j, file=sys.stderr); bad += 1
    if st == 'S' and not jt.strip():
        print('SAME WITHOUT TEST', line, file=sys.stderr); bad += 1
    rows[(key, int(ln))] = (st, jt.strip(), note.strip())

def esc(s):
    return s.replace('|', '\\|')

out = ['# Issue #16: changesets', '',
       f'Every test of the Ecto changeset test files that issue #16 names, read from `elixir-ecto/ecto` at commit '
       f'`{COMMIT[:7]}` ({COMMIT}), one row per test, listed by a script (`describe / test`, with the test\'s line). '
       'For `integration_test/cases/repo.exs` and `assoc.exs` only the changeset tests are taken; the tests taken and '
       'those left to other issues are listed under each. Statuses: **same** (an ecto4j test checks the same behaviour; '
       'a note starting "check" says what it does not assert yet), **different on purpose**, **not applicable**, '
       '**not yet** (missing or untested; an ecto4j test named there covers part of it). A note starting "WRONG:" marks '
       'an ecto4j behaviour that differs from Ecto in a way that does not look deliberate.', '']
summary = ['## Summary', '', '| Ecto file | tests | same | different on purpose | not applicable | not yet |', '|---|---|---|---|---|---|']
sections = []
tot = collections.Counter()
for key, path, sel in FILES:
    ftests = [(ln, name) for f, ln, name in tests if f == path]
    taken = [(ln, n) for ln, n in ftests if (key, ln) in rows] if sel == 'rows' else ftests
    left = [(ln, n) for ln, n in ftests if (key, ln) not in rows] if sel == 'rows' else []
    for ln, n in taken:
        if (key, ln) not in rows:
            print('MISSING ROW', key, ln, n, file=sys.stderr); bad += 1
    for (k, ln) in rows:
        if k == key and ln not in [t[0] for t in ftests]:
            print('ROW WITHOUT TEST', k, ln, file=sys.stderr); bad += 1
    c = collections.Counter(rows[(key, ln)][0] for ln, _ in taken)
    tot.update(c); tot['n'] += len(taken)
    summary.append(f'| `{path}`{" (changeset tests)" if sel else ""} | {len(taken)} | {c["S"]} | {c["D"]} | {c["N"]} | {c["Y"]} |')
    s = [f'## `{path}`', '']
    if sel:
        s.append(f'Taken: {len(taken)} of the file\'s {len(ftests)} tests — those about changesets written by the repo '
                 '(insert/update of changesets, constraint errors, optimistic locking, unsafe_validate_unique, '
                 'cast_assoc/put_assoc writes). Left to other issues (queries, preloads, assoc queries, on_delete, '
                 'bulk operations…): ' + ', '.join(f'line {ln}' for ln, _ in left) + '.')
        s.append('')
    s += ['| Ecto test (line N) | ecto4j test | status | note |', '|---|---|---|---|']
    for ln, n in taken:
        st, jt, note = rows[(key, ln)]
        jcell = ', '.join(f'`{esc(j.strip())}`' for j in jt.split(',')) if jt else '—'
        s.append(f'| {esc(n)} (line {ln}) | {jcell} | {STATUS[st]} | {esc(note)} |')
    sections += s + ['']
summary.append(f'| **total** | {tot["n"]} | {tot["S"]} | {tot["D"]} | {tot["N"]} | {tot["Y"]} |')
os.makedirs(os.path.join(HERE, '..', 'parts'), exist_ok=True)
open(os.path.join(HERE, '..', 'parts', '16.md'), 'w').write('\n'.join(out + summary + [''] + sections).rstrip() + '\n')
print(dict(tot), 'problems:', bad)
sys.exit(1 if bad else 0)
