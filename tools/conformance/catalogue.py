"""What the catalogue generators share: the status names, table escaping, and the list of test
methods in the repository that a row may name."""
import os
import re

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
STATUS = {'S': 'same', 'D': 'different on purpose', 'N': 'not applicable', 'Y': 'not yet'}
TEST_ROOTS = ['integration-tests/src/test/java', 'runtime/src/test/java', 'processor/src/test/java',
              'example-app/src/test', 'testing/src', 'maven-plugin/src', 'spring-boot-starter/src/test',
              'jackson/src/test']


def esc(text):
    return text.replace('|', '\\|')


def java_tests():
    """Class#method of every test method in the repository, to check that each row names a real test."""
    found = set()
    for top in TEST_ROOTS:
        for dirpath, _, names in os.walk(os.path.join(ROOT, top)):
            for name in names:
                if name.endswith('.java'):
                    text = open(os.path.join(dirpath, name), errors='ignore').read()
                    for method in re.findall(r'\bvoid\s+(\w+)\s*\(', text):
                        found.add(name[:-5] + '#' + method)
    return found
