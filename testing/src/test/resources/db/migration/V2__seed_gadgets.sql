INSERT INTO gadgets (name) VALUES ('from the SQL migration');
