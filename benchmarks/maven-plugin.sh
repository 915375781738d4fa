#!/usr/bin/env bash
# The Maven plugin's share of a build: times `mvn verify` of a generated monorepo (SIZES, default
# "10 100" services; the trees of benchmarks/scale.sh) whose root pom binds `poolguard:lint`,
# against the same build with `-Dpoolguard.skip=true`, in one hyperfine run per size. The
# difference of the medians is what the plugin adds: loading it and linting in Maven's JVM (no
# JVM start of its own).
#
#   benchmarks/maven-plugin.sh              SIZES="10 100" RUNS=10 WARMUP=2
#   MAVEN_ARGS=-o benchmarks/maven-plugin.sh   extra Maven arguments (offline, a settings file)
#
# Installs the plugin and its modules (0.1.0-SNAPSHOT, tests skipped) into the local Maven
# repository first. Needs hyperfine (from Debian when missing). Trees go to SCALE_DIR (default
# benchmarks/.scale, git-ignored).
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
sizes="${SIZES:-10 100}"
runs="${RUNS:-10}"
warmup="${WARMUP:-2}"
scale="${SCALE_DIR:-$bench/.scale}"
# shellcheck disable=SC2206 # MAVEN_ARGS is a list of arguments
mvn_args=(-B -q ${MAVEN_ARGS:-})

if ! command -v hyperfine >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y --no-install-recommends hyperfine >/dev/null
  else sudo apt-get install -y --no-install-recommends hyperfine >/dev/null; fi
fi

version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)"
echo "installing poolguard-maven-plugin $version into the local repository..." >&2
mvn "${mvn_args[@]}" -f "$root/pom.xml" -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true \
  -Dinvoker.skip=true -pl linter-maven-plugin -am install

# shellcheck disable=SC2086 # sizes is a list
SIZES="$sizes" SCALE_DIR="$scale" "$bench/scale.sh" --generate-only >&2

for n in $sizes; do
  tree="$scale/n$n"
  cat >"$tree/pom.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.poolguard.bench</groupId>
  <artifactId>monorepo-$n</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.poolguard</groupId>
        <artifactId>poolguard-maven-plugin</artifactId>
        <version>$version</version>
        <executions>
          <execution>
            <goals><goal>lint</goal></goals>
          </execution>
        </executions>
        <configuration>
          <failOn>never</failOn>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
XML
  echo "== N = $n"
  hyperfine -N --warmup "$warmup" --runs "$runs" \
    -n "mvn verify (poolguard:lint)" "mvn ${mvn_args[*]} -f $tree/pom.xml verify" \
    -n "mvn verify -Dpoolguard.skip" "mvn ${mvn_args[*]} -f $tree/pom.xml verify -Dpoolguard.skip=true" \
    --export-json "$scale/maven-plugin-n$n.json" | grep -E 'Benchmark|Time|Range'
  python3 - "$scale/maven-plugin-n$n.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
with_plugin, skipped = (x["median"] * 1000 for x in r)
print(f"plugin's share: {with_plugin - skipped:,.0f} ms (median {with_plugin:,.0f} ms with it, "
      f"{skipped:,.0f} ms skipped)")
PY
done
