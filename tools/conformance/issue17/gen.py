#!/usr/bin/env python3
"""Regenerates ../parts/17.md from tests.json and rows_*.txt (see ../README.md)."""
import collections
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..'))
from catalogue import STATUS, esc, java_tests  # noqa: E402

FILES = ['test/ecto/type_test.exs', 'test/ecto/enum_test.exs', 'test/ecto/embedded_test.exs',
         'test/ecto/schema_test.exs', 'test/ecto/changeset/embedded_test.exs',
         'test/ecto/changeset/embedded_no_pk_test.exs']
INTRO = """# Issue #17: data shapes

Every test of the Ecto files that issue #17 names, listed by a script from `elixir-ecto/ecto` at commit
`c624abf` (`describe / test`, with the test's line). The embed tests of `test/ecto/changeset_test.exs`
are rows of issue #16's section, and `integration_test/cases/type.exs` is catalogued in issue #18's
section (its custom type, typed map, embed and schemaless rows were written with this issue's work).
Statuses as above: **same** names the ecto4j test (its javadoc names the Ecto test it ports),
**different on purpose** (also in [ecto-differences.md](ecto-differences.md)), **not applicable**,
**not yet**.
"""


def read_rows():
    rows, problems = {}, 0
    known = java_tests()
    for name in sorted(glob.glob(os.path.join(HERE, 'rows_*.txt'))):
        for line in open(name):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            key, status, tests, note = line.split('|', 3)
            named = [t.strip() for t in tests.split(',') if t.strip()]
            for problem in ([f'DUPLICATE {key}'] * (key in rows)
                            + [f'BAD STATUS {line}'] * (status not in STATUS)
                            + [f'SAME WITHOUT TEST {key}'] * (status == 'S' and not named)
                            + [f'UNKNOWN JAVA TEST {t} ({key})' for t in named if t not in known]):
                print(problem, file=sys.stderr)
                problems += 1
            rows[key] = (status, named, note.strip())
    return rows, problems


def main():
    tests = json.load(open(os.path.join(HERE, 'tests.json')))
    rows, problems = read_rows()
    listed = set()
    summary = ['| Ecto file | tests | same | different on purpose | not applicable | not yet |',
               '|---|---|---|---|---|---|']
    sections, total = [], collections.Counter()
    for path in FILES:
        table = ['| Ecto test (line N) | ecto4j test | status | note |', '|---|---|---|---|']
        counts = collections.Counter()
        for _, test_path, line, name in tests:
            if test_path != path:
                continue
            key = f'{path}:{line}'
            listed.add(key)
            if key not in rows:
                print('MISSING ROW', key, name, file=sys.stderr)
                problems += 1
                continue
            status, named, note = rows[key]
            counts[status] += 1
            cell = ', '.join(f'`{t}`' for t in named) or '—'
            table.append(f'| {esc(name)} (line {line}) | {cell} | {STATUS[status]} | {esc(note)} |')
        n = sum(counts.values())
        total.update(counts)
        summary.append(f'| `{path}` | {n} | {counts["S"]} | {counts["D"]} | {counts["N"]} | {counts["Y"]} |')
        sections += [f'## `{path}`', ''] + table + ['']
    for key in rows.keys() - listed:
        print('ROW WITHOUT TEST', key, file=sys.stderr)
        problems += 1
    summary.append(f'| **issue #17** | {sum(total.values())} | {total["S"]} | {total["D"]} | {total["N"]} | {total["Y"]} |')
    os.makedirs(os.path.join(HERE, '..', 'parts'), exist_ok=True)
    text = '\n'.join([INTRO, '## Summary', ''] + summary + [''] + sections).rstrip() + '\n'
    open(os.path.join(HERE, '..', 'parts', '17.md'), 'w').write(text)
    print(dict(total), 'problems:', problems, file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
