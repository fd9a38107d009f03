DROP TABLE migration10;
