// Each invocation's output is in build.log; check the goals said what they did, in order.
def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text), "build.log lacks: " + text }
assert log =~ /The database ecto4j_it_lifecycle_\d+ has been created/
assert log =~ /The database ecto4j_it_lifecycle_\d+ already exists/
expect '== Running 1 create posts (db.migration.V1__CreatePosts)'
expect 'create unique index posts_title_index'
assert log =~ /== Migrated 3 in \d+\.\d{3}s/
assert log =~ /up\s+3\s+seed posts/
expect '== Rolling back 3 seed posts (V3__seed_posts.sql)'
expect '== Rolled back 2 in '
assert log =~ /down\s+2\s+index titles/
assert log =~ /The database ecto4j_it_lifecycle_\d+ has been dropped/
return true
