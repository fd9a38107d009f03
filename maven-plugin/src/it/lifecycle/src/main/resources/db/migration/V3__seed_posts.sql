INSERT INTO posts (title, inserted_at, updated_at) VALUES ('hello', now(), now());
