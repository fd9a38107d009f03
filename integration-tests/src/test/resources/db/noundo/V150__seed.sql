CREATE TABLE seeds (id int);
