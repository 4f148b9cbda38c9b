#!/usr/bin/env bash
# The first step of `npm test`: makes sure what the tests need is on this machine.
#   Chromium   for the browser journeys: Debian's headless shell (never a Playwright download; or CHROMIUM_PATH)
#   Dovecot    the IMAP tests start a private one on 127.0.0.1
#   PostgreSQL on 127.0.0.1:5432 with trust auth (or TEST_DATABASE_URL pointing at a server of yours)
# On Debian/Ubuntu it installs what is missing with apt-get (as root, or through sudo without a password),
# creates and starts a PostgreSQL cluster when none runs, and lets 127.0.0.1 in without a password.
# Otherwise it stops at once with one line naming what is missing and how to get it.
set -uo pipefail

fail() {
  printf 'npm test cannot run: %s\n' "$*" >&2
  exit 1
}

# Runs a command as root: directly when we are root, else through sudo if it needs no password.
as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    return 1
  fi
}

can_install() {
  command -v apt-get >/dev/null && { [ "$(id -u)" = 0 ] || { command -v sudo >/dev/null && sudo -n true 2>/dev/null; }; }
}

apt_updated=""
# apt_install PACKAGE WHAT: installs PACKAGE, or stops naming WHAT and the command that would get it.
apt_install() {
  local package=$1 what=$2
  if ! can_install; then
    fail "$what is missing. Install it with 'sudo apt-get install $package', or run npm test as root (or with passwordless sudo) so it installs it."
  fi
  printf 'npm test: installing %s (%s) with apt-get...\n' "$what" "$package"
  if [ -z "$apt_updated" ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || fail "apt-get update failed while installing $what ($package)."
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null ||
    fail "apt-get install $package failed; install $what by hand and run npm test again."
}

# --- Chromium ---------------------------------------------------------------------------------------------
# The headless shell is Chromium's engine without the desktop browser around it: the journeys cost about a third
# less CPU in it than in the full browser (docs/decisions.md, "The suite's time").
chromium=${CHROMIUM_PATH:-/usr/bin/chromium-headless-shell}
if [ ! -x "$chromium" ]; then
  if [ -n "${CHROMIUM_PATH:-}" ]; then fail "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file."; fi
  apt_install chromium-headless-shell "Chromium's headless shell (for the browser journeys, expected at /usr/bin/chromium-headless-shell)"
  [ -x "$chromium" ] || fail "Chromium was installed but is not at $chromium; set CHROMIUM_PATH to where it is."
fi

# --- Dovecot ----------------------------------------------------------------------------------------------
if [ ! -x /usr/sbin/dovecot ] && [ ! -x /usr/local/sbin/dovecot ]; then
  apt_install dovecot-imapd "Dovecot (the IMAP tests start their own on 127.0.0.1)"
fi

# --- PostgreSQL -------------------------------------------------------------------------------------------
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  # The tests check it themselves and name it when it does not answer.
  exit 0
fi

pg_trusts_us() { psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -Atc 'select 1' >/dev/null 2>&1; }

if command -v psql >/dev/null && pg_trusts_us; then exit 0; fi

if ! command -v pg_ctlcluster >/dev/null; then
  apt_install postgresql "PostgreSQL (the data tests run on it as well as SQLite)"
fi
command -v pg_lsclusters >/dev/null ||
  fail "PostgreSQL is installed without Debian's cluster tools (pg_lsclusters); start a server on 127.0.0.1:5432 with trust auth or set TEST_DATABASE_URL."

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  can_install || fail "PostgreSQL is not running on 127.0.0.1:5432. Start it (sudo pg_ctlcluster <version> main start) or set TEST_DATABASE_URL=postgres://user@host:port/db."
  if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
    printf 'npm test: creating PostgreSQL %s cluster "main" on port 5432...\n' "$version"
    as_root pg_createcluster --port 5432 "$version" main >/dev/null || fail "pg_createcluster $version main failed."
  fi
  # Start whichever cluster owns port 5432 (the newest one if none says so).
  cluster=$(pg_lsclusters -h | awk '$3 == 5432 { print $1 " " $2 }' | tail -n 1)
  [ -n "$cluster" ] || cluster=$(pg_lsclusters -h | sort -n | tail -n 1 | awk '{ print $1 " " $2 }')
  # shellcheck disable=SC2086 # "version name" are two arguments
  as_root pg_ctlcluster --skip-systemctl-redirect $cluster start >/dev/null 2>&1 || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  pg_isready -q -h 127.0.0.1 -p 5432 || fail "PostgreSQL ($cluster) did not start on 127.0.0.1:5432; see its log under /var/log/postgresql."
fi

if ! pg_trusts_us; then
  # A fresh cluster asks for passwords; the tests connect as postgres from 127.0.0.1 without one.
  hba=$(as_root su postgres -c "psql -Atc 'show hba_file'" 2>/dev/null) ||
    fail "PostgreSQL on 127.0.0.1:5432 refuses user postgres without a password. Allow 'host all all 127.0.0.1/32 trust' in pg_hba.conf, or set TEST_DATABASE_URL."
  printf 'npm test: letting 127.0.0.1 into PostgreSQL without a password (%s)...\n' "$hba"
  as_root sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
  as_root su postgres -c "psql -c 'select pg_reload_conf()'" >/dev/null
  pg_trusts_us || fail "PostgreSQL on 127.0.0.1:5432 still refuses user postgres; allow it in $hba or set TEST_DATABASE_URL."
fi
