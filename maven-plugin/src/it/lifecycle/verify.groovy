// Each invocation's output is in build.log; check the goals said what they did, in order.
def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text), "build.log lacks: " + text }
assert log =~ /The database ecto4j_it_lifecycle_\d+ has been created/
assert log =~ /The database ecto4j_it_lifecycle_\d+ already exists/
expect '== Running 1 create posts (db.migration.V1__CreatePosts)'
expect 'create unique index posts_title_index'
assert log =~ /== Migrated 3 in \d+\.\d{3}s/
// mix ecto.migrations' table, the names as written
assert log =~ /Repo: ecto4j_it_lifecycle_\d+/
expect '  Status    Migration ID    Migration Name'
expect '  up        1               CreatePosts'
expect '  up        3               seed_posts'
expect '== Rolling back 3 seed posts (V3__seed_posts.sql)'
expect '== Rolled back 2 in '
expect '  down      2               IndexTitles'
// --step 1 applied 2 alone: a status shows 2 up and 3 down
assert log =~ /up        2               IndexTitles\R\[INFO\]   down      3               seed_posts/
// --to-exclusive: 3 and 2 rolled back, 1 kept; then 2 applied, 3 kept pending
def count = { String text -> log.split(java.util.regex.Pattern.quote(text), -1).length - 1 }
assert count('== Rolling back 2 index titles') == 3, 'rollback --step 2, --to-exclusive 1 and --all each roll back 2'
assert count('== Rolling back 1 create posts') == 1, 'only --all rolls back 1'
// --prefix: the three run again in tenant_a, whose own history lists them up
assert count('== Running 1 create posts') == 5, 'migrate, migrate --prefix tenant_a, migrate-tenants (twice) and reset each run 1'
assert log.contains('create table tenant_a.posts')
// dump and load: the structure file restores the tables and the history
assert log =~ /The structure for ecto4j_it_lifecycle_\d+ has been dumped to .*structure\.sql/
assert log =~ /The structure for ecto4j_it_lifecycle_\d+ has been loaded from .*structure\.sql/
assert log =~ /The structure for ecto4j_it_lifecycle_\d+ is loaded already \(it has flyway_schema_history\); skipped/
assert new File(basedir, 'target/structure.sql').text.contains('INSERT INTO public.flyway_schema_history')
assert count('has been dumped to') == 1, 'the quiet dump says nothing'
assert new File(basedir, 'target/quiet.sql').text.contains('CREATE TABLE public.posts')
// migrate-tenants: a bar line per tenant, each tenant's three applied in its schema
expect '[##########----------] 1/2 tenant_b: 3 migrations applied'
expect '[####################] 2/2 tenant_c: 3 migrations applied'
assert log.contains('create table tenant_b.posts')
assert log.contains('create table tenant_c.posts')
assert log =~ /The database ecto4j_it_lifecycle_\d+ has been dropped/
return true
