DROP TABLE migration11;
