#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine that has only the .NET SDK: installs and starts what the tests need
# (PostgreSQL and Chromium from Debian's packages), then builds and tests the solution. Safe to run again: skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -q; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "== installing PostgreSQL"
  apt_install postgresql
fi
# The dashboard tests drive Debian's Chromium (Playwright never downloads a browser here).
if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Chromium"
  apt_install chromium
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  as_root pg_createcluster "$version" main
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  echo "== starting PostgreSQL $version"
  as_root pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
pg_password=${CAMPAIGNS_TEST_PG_PASSWORD:-campaigns}
(cd / && as_root su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD '$pg_password'\"") >/dev/null
export CAMPAIGNS_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres;Password=$pg_password"

echo "== building"
dotnet build Campaigns.sln -c Release -nologo -clp:ErrorsOnly
echo "== testing"
log=$(mktemp)
set +e
dotnet test Campaigns.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "tests: $passed passed, $failed failed"
exit "$status"
