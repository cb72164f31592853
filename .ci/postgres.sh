# Sourced by .ci/run: a throwaway PostgreSQL cluster for the test suites, on 127.0.0.1 and a
# random free port, trust auth, data under /tmp. Installs Debian's postgresql if initdb is
# missing. Exports TEST_POSTGRES_URL and stops the cluster when the calling shell exits.
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "--- installing PostgreSQL (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi

# initdb refuses to run as root: the cluster belongs to the postgres user
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

PGDATA_DIR="$(mktemp -d /tmp/trickdeck-pg.XXXXXX)"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA_DIR"
PG_PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
echo "--- starting a throwaway PostgreSQL on 127.0.0.1:$PG_PORT ($PGDATA_DIR)"
as_pg "$PG_BIN/initdb" -D "$PGDATA_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR/data" -l "$PGDATA_DIR/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PGDATA_DIR -c max_connections=200 -c fsync=off" start >/dev/null

stop_postgres() {
  as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA_DIR"
}
trap stop_postgres EXIT
export TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
