CREATE TABLE only_in_b (id int);
INSERT INTO only_in_b VALUES (1);
