CREATE TABLE migration12 (x integer);
