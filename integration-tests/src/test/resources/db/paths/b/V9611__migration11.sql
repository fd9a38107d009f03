CREATE TABLE migration11 (x integer);
