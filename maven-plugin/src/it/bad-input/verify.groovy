def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text), "build.log lacks: " + text }
expect '== Migrated 1 in '
expect 'cannot reverse migration command: execute "INSERT INTO notes (body) VALUES (\'x\')". You will need to explicitly define up() and down() in your migration 1 (irreversible)'
expect 'Could not find migrations location filesystem:no/such/migrations.'
expect 'class notmigrations.V5__Helper is named like a migration but is not one: it does not extend io.ecto4j.migration.Migration'
expect 'migration can\'t be created, there is already a migration file with name irreversible'
assert log =~ /The database ecto4j_it_bad_input_\d+ has been dropped/
expect '[BackfillWithSchemaChange] 1 (irreversible)'
expect '[NoRollback] 1 (irreversible)'
expect 'migration command(s) are unsafe for rolling deploys'
expect 'could not connect to the database: Connection to 127.0.0.1:1 refused'
assert !log.contains('could not take the migration lock'), 'a refused connection is no lock failure'
return true
