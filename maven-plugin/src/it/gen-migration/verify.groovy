def log = new File(basedir, 'build.log').text
def generated = new File(basedir, 'src/main/java/db/migration').listFiles().findAll { it.name.contains('__CompletePosts') }
assert generated.size() == 1, "one V<timestamp>__CompletePosts.java written"
def source = generated[0].text
assert source.contains('t.add("body", "text");')
assert source.contains('t.add("view_count", "integer").notNull().defaultSql("0");')
assert source.contains('createIndex(uniqueIndex("posts", "title"));')
def custom = new File(basedir, 'target/custom-migrations/custom/migrations')
assert custom.listFiles().findAll { it.name ==~ /V\d{14}__CustomPath\.java/ }.size() == 1, "written under the custom source root and package"
assert custom.listFiles().find { it.name.contains('__CustomPath') }.text.contains('package custom.migrations;')
assert new File(basedir, 'src/main/java/db/migration').listFiles().findAll { it.name.contains('CustomPath') }.isEmpty()
assert log.contains('Nothing differs between the schemas and the database')
// ecto4j:query: the table of a schema without its redacted column; SQL printed with --sql; a limit on the rows printed
assert log =~ /\| id \| title \| body \| view_count \| inserted_at \| updated_at \|/
assert log.contains('SELECT "id", "title", "body", "view_count", "inserted_at", "updated_at" FROM "posts" []')
assert log.contains('3 row(s), the first 2 shown')
assert !log.contains('hunter1'), 'a column named like a redacted field is not printed'
assert log =~ /\| n +\|/
assert log.contains('cannot execute DELETE in a read-only transaction')
assert log =~ /== Rolled back \d{14} in /
assert log =~ /The database ecto4j_it_gen_migration_\d+ has been dropped/
return true
