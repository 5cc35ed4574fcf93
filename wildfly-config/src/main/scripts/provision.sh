#!/usr/bin/env bash
# Applies the CLI scripts to a freshly unpacked WildFly: keeps the distribution's standalone.xml
# as standalone-pristine.xml, copies it to strata.xml and configures that. Runs again only when a
# CLI script changed (stamp file), so a second build is fast.
set -euo pipefail
home=${1:?WILDFLY_HOME}
cli_dir=${2:?CLI_DIR}
conf="$home/standalone/configuration"
stamp="$conf/.strata-configured"
if [ -f "$stamp" ] && [ -z "$(find "$cli_dir" -newer "$stamp" -type f)" ] && [ -f "$conf/strata.xml" ]; then
  echo "WildFly configuration is up to date ($conf/strata.xml)"
  exit 0
fi
[ -f "$conf/standalone-pristine.xml" ] || cp "$conf/standalone.xml" "$conf/standalone-pristine.xml"
echo "Configuring WildFly: $cli_dir/configure.cli -> $conf/strata.xml"
# The embedded server resolves ${strata.data.dir} and Elytron opens the realm's files even in
# admin-only mode: give it a throw-away data dir with empty user and role files. It configures a
# copy of the configuration directory; strata.xml is renamed into place only when complete, so an
# interrupted build never leaves a half-configured server behind.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/security"
touch "$scratch/security/users.properties" "$scratch/security/roles.properties"
work="$scratch/configuration"
cp -r "$conf" "$work"
rm -rf "$work/standalone_xml_history"
cp "$conf/standalone-pristine.xml" "$work/strata.xml"
JAVA_OPTS="-Dstrata.data.dir=$scratch -Djboss.server.config.dir=$work ${JAVA_OPTS:-}" \
  "$home/bin/jboss-cli.sh" --file="$cli_dir/configure.cli" >"$conf/strata-cli.log" 2>&1 || {
    cat "$conf/strata-cli.log" >&2; echo "WildFly configuration failed" >&2; exit 1; }
cp "$work/strata.xml" "$conf/strata.xml.new"
mv "$conf/strata.xml.new" "$conf/strata.xml"
touch "$stamp"
