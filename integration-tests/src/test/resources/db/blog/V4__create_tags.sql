CREATE TABLE tags (id bigserial PRIMARY KEY, name text NOT NULL);
INSERT INTO tags (name) VALUES ('java'), ('elixir');
