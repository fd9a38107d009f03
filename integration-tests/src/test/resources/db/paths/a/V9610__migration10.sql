CREATE TABLE migration10 (x integer);
