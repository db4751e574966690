-- Runs once, when the postgres container initialises a fresh volume (docker-entrypoint-initdb.d),
-- as the owner POSTGRES_USER. `tidewatch db migrate` grants tidewatch_runtime its table rights;
-- the API and workers log in as tidewatch_app (docs/operations.md, "Database roles"). Change the password for
-- anything beyond a local stack, here and in docker-compose.yml.
CREATE ROLE tidewatch_runtime NOLOGIN;
CREATE ROLE tidewatch_app LOGIN PASSWORD 'tidewatch_app' IN ROLE tidewatch_runtime;
