def log = new File(basedir, 'build.log').text
assert log.contains('unknown migration version 42; the versions are 1')
assert log.contains('cannot roll back 1 (irreversible): `execute "INSERT INTO notes (body) VALUES (\'x\')"` in change() is not reversible')
assert log =~ /The database ecto4j_it_bad_input_\d+ has been dropped/
assert log.contains('[BackfillWithSchemaChange] 1 (irreversible)')
assert log.contains('[NoRollback] 1 (irreversible)')
assert log.contains('migration command(s) are unsafe for rolling deploys')
return true
