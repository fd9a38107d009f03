DELETE FROM posts WHERE title = 'hello';
