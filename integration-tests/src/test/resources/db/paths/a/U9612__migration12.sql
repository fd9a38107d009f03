DROP TABLE migration12;
