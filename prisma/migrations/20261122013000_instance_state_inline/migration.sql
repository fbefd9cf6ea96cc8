-- Every command rewrites the instance's state (a few kilobytes of JSON). Past the default 2 kB
-- threshold PostgreSQL compresses it with pglz on each write and decompresses it on each read,
-- which cost about a twentieth of the database's time per command. Up to 8 kB rows stay inline and
-- uncompressed; larger states are still compressed and moved out of line as before.
ALTER TABLE "process_instance" SET (toast_tuple_target = 8160);
