ALTER TABLE gadgets ADD COLUMN colour text;
