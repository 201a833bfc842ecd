-- H2 (the zero-setup demo database) has no SQL trigger language: the immutability of audit rows is
-- enforced on PostgreSQL only (db/vendor/postgresql). The hash chain still reveals any change here.
-- This migration keeps the version numbers equal on both databases.
CREATE SCHEMA IF NOT EXISTS audit;
