#!/usr/bin/env bash
# Scale benchmark: generates synthetic monorepos of N Spring Boot services with Kubernetes manifests
# and times, in one hyperfine run per size, `poolguard lint`, `poolguard lint --baseline HEAD`, a
# parse floor (snakeyaml-engine parsing the same YAML in one JVM, with the launcher's JVM options),
# yamllint and Spectral. Prints each median, its ratio to the parse floor and to yamllint, the peak
# RSS of the runs, and the marginal cost per service between sizes (docs/PERFORMANCE.md, "Scale").
#
#   benchmarks/scale.sh                     SIZES="10 100 1000" RUNS=10 WARMUP=2
#   SIZES="10 100" RUNS=5 benchmarks/scale.sh
#   SKIP_SPECTRAL=1                         leave Spectral out (installed with npm on first use)
#   JAVA_HOME=/usr/lib/jvm/...              the JDK for poolguard and the parse floor
#   benchmarks/scale.sh --generate-only     only write the trees (SCALE_DIR/nN), time nothing
#
# Trees go to SCALE_DIR (default benchmarks/.scale, git-ignored), results to benchmarks/results.
# Each tree, per service i: svc-i/src/main/resources/application.yml and application-prod.yml
# (HikariCP settings), k8s/svc-i.yaml (a Deployment whose env overrides the pool, and an HPA); one
# poolguard.yaml with each service's load and one shared database per 10 services; one git commit.
# Needs a built jar (./poolguard builds it), javac, git; installs hyperfine, yamllint and GNU time
# from Debian when missing (as root, or with sudo).
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
sizes="${SIZES:-10 100 1000}"
runs="${RUNS:-10}"
warmup="${WARMUP:-2}"
scale="${SCALE_DIR:-$bench/.scale}"
out="$root/benchmarks/results"

# --- the trees ----------------------------------------------------------------------------------

# Every 50th service (and the first) gets a pool too small for its peak: the report has findings.
pool_of() { if (($1 % 50 == 1)); then echo 8; else echo 20; fi; }
rps_of() { if (($1 % 50 == 1)); then echo 1500; else echo $((300 + ($1 % 7) * 50)); fi; }

service_files() { # tree i
  local tree="$1" i="$2" name="svc-$2" db="db-$((($2 - 1) / 10))"
  local res="$tree/$name/src/main/resources"
  mkdir -p "$res"
  cat >"$res/application.yml" <<YAML
spring:
  application:
    name: $name
  datasource:
    url: jdbc:postgresql://$db:5432/svc_$i
    username: svc_$i
    password: \${SVC_DB_PASSWORD}
    hikari:
      pool-name: $name
      maximum-pool-size: 10
      connection-timeout: 2000
      max-lifetime: 1800000
  jpa:
    open-in-view: false

server:
  tomcat:
    threads:
      max: 200

management:
  endpoints:
    web:
      exposure:
        include: health,prometheus
YAML
  cat >"$res/application-prod.yml" <<YAML
spring:
  datasource:
    url: jdbc:postgresql://$db.prod.internal:5432/svc_$i
    hikari:
      maximum-pool-size: 20
      max-lifetime: 1740000
YAML
  cat >"$tree/k8s/$name.yaml" <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: $name
  namespace: shop
spec:
  replicas: 3
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      app: $name
  template:
    metadata:
      labels:
        app: $name
    spec:
      containers:
        - name: app
          image: registry.example.com/shop/$name:1.0.$i
          env:
            - name: SPRING_PROFILES_ACTIVE
              value: prod
            - name: SPRING_DATASOURCE_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: $name-db
                  key: password
            - name: SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE
              value: "$(pool_of "$i")"
          ports:
            - containerPort: 8080
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: $name
  namespace: shop
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: $name
  minReplicas: 3
  maxReplicas: 6
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
YAML
}

generate() { # tree n
  local tree="$1" n="$2" i d
  rm -rf "$tree"
  mkdir -p "$tree/k8s"
  {
    echo "# Synthetic monorepo of $n services (benchmarks/scale.sh)."
    echo "version: 1"
    echo "services:"
    for ((i = 1; i <= n; i++)); do
      printf '  svc-%d:\n    framework: spring\n    config: svc-%d/src/main/resources\n' "$i" "$i"
      printf '    deployment: k8s/svc-%d.yaml\n    container: app\n' "$i"
      printf '    database: db-%d\n    load:\n' $(((i - 1) / 10))
      printf '      peakRequestsPerSecond: %d\n      connectionHoldMillis: 20\n' "$(rps_of "$i")"
    done
    echo "databases:"
    for ((d = 0; d <= (n - 1) / 10; d++)); do
      printf '  db-%d:\n    maxConnections: 1500\n    reservedConnections: 10\n' "$d"
    done
  } >"$tree/poolguard.yaml"
  for ((i = 1; i <= n; i++)); do
    service_files "$tree" "$i"
  done
  # One commit, independent of the user's git configuration, for `--baseline HEAD`.
  (
    cd "$tree"
    export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
    export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com
    export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
    export GIT_AUTHOR_DATE=2026-01-01T00:00:00Z GIT_COMMITTER_DATE=2026-01-01T00:00:00Z
    git init -q -b main .
    git add -A
    git commit -q -m "$n services"
  )
}

if [ "${1:-}" = "--generate-only" ]; then
  for n in $sizes; do
    generate "$scale/n$n" "$n"
    echo "$scale/n$n: $n services, $(find "$scale/n$n" -name '*.y*ml' -not -path '*/.git/*' | wc -l) YAML files"
  done
  exit 0
fi
if [ $# -gt 0 ]; then
  echo "usage: benchmarks/scale.sh [--generate-only]" >&2
  exit 2
fi

# --- the tools ----------------------------------------------------------------------------------

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v yamllint >/dev/null || need+=(yamllint)
[ -x /usr/bin/time ] || need+=(time)
if [ "${#need[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing ${need[*]} from Debian..." >&2
  $sudo apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

if [ -n "${JAVA_HOME:-}" ]; then
  java="$JAVA_HOME/bin/java"
  javac="$JAVA_HOME/bin/javac"
else
  java="$(command -v java)"
  javac="$(command -v javac)"
fi
jdk="$("$java" -XshowSettings:properties -version 2>&1 | awk '/java.version =/ {print $3}')"
feature="${jdk%%.*}"

# poolguard: the launcher, once its jar is built and its class-data-sharing archive for this jar
# and JDK exists. The archives live in a folder of this benchmark, emptied here, so the wait below
# is for this one; the first run starts making it in the background.
export POOLGUARD_CACHE_DIR="$scale/cds-jdk$feature"
rm -rf "$POOLGUARD_CACHE_DIR"
"$root/poolguard" --version >/dev/null
jar="$(ls "$root"/linter-cli/target/poolguard-cli-*-all.jar | head -1)"
for _ in $(seq 1 1200); do
  compgen -G "$POOLGUARD_CACHE_DIR/*.jsa.size" >/dev/null && break
  if compgen -G "$POOLGUARD_CACHE_DIR/*.failed" >/dev/null; then
    echo "warning: the launcher could not make its class-data-sharing archive" >&2
    break
  fi
  sleep 0.1
done

# The parse floor, compiled against the jar, with the launcher's JVM options and its own
# class-data-sharing archive (made by one training run), as poolguard has.
floor_dir="$scale/floor-jdk$feature"
rm -rf "$floor_dir"
mkdir -p "$floor_dir/classes"
"$javac" -nowarn -d "$floor_dir/classes" -cp "$jar" \
  "$bench/src/main/java/dev/poolguard/benchmarks/ParseFloor.java"
# Class-data sharing takes jars only, no class folders, on the class path.
"$(dirname "$javac")/jar" cf "$floor_dir/floor.jar" -C "$floor_dir/classes" .
floor_cp="$floor_dir/floor.jar:$jar"
jvm=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData)
generate "$floor_dir/training" 2 >/dev/null
"$java" "${jvm[@]}" -XX:ArchiveClassesAtExit="$floor_dir/floor.jsa" -Xlog:disable -Xlog:all=off \
  -cp "$floor_cp" dev.poolguard.benchmarks.ParseFloor "$floor_dir/training" >/dev/null
floor="$java ${jvm[*]} -XX:SharedArchiveFile=$floor_dir/floor.jsa -Xlog:disable -Xlog:all=off"
floor+=" -cp $floor_cp dev.poolguard.benchmarks.ParseFloor"

if [ -z "${SKIP_SPECTRAL:-}" ]; then
  spectral="$bench/.tools/node_modules/.bin/spectral"
  if [ ! -x "$spectral" ]; then
    echo "installing Spectral into benchmarks/.tools (npm)..." >&2
    npm install --silent --no-audit --no-fund --prefix "$bench/.tools" @stoplight/spectral-cli@6.16.3 >&2
  fi
fi

mkdir -p "$out"
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)," \
  "$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
echo "java: $("$java" -version 2>&1 | head -2 | tail -1)"
echo "$(hyperfine --version), yamllint $(yamllint --version | awk '{print $2}')${spectral:+,}" \
  "${spectral:+spectral $("$spectral" --version)}"

# --- the runs -----------------------------------------------------------------------------------

peak_rss_mb() { # command...: the peak resident set size of one run, in MB
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}'
}

summaries=()
for n in $sizes; do
  tree="$scale/n$n"
  generate "$tree" "$n"
  files=$(find "$tree" -name '*.y*ml' -not -path '*/.git/*' | wc -l)
  bytes=$(find "$tree" -name '*.y*ml' -not -path '*/.git/*' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
  echo
  echo "== N = $n: $files YAML files, $bytes bytes; load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  names=("poolguard lint" "poolguard lint --baseline HEAD" "parse floor" "yamllint")
  commands=(
    "$root/poolguard lint --fail-on never $tree"
    "$root/poolguard lint --fail-on never --baseline HEAD $tree"
    "$floor $tree"
    "yamllint -c $bench/yamllint.yaml $tree"
  )
  if [ -n "${spectral:-}" ]; then
    names+=("spectral")
    commands+=("$spectral lint --quiet --ruleset $bench/spectral.yaml $tree/**/*.yml $tree/**/*.yaml")
  fi
  args=(-N --warmup "$warmup" --runs "$runs" -i --style basic --export-json "$out/scale-n$n-jdk$feature.json")
  for i in "${!commands[@]}"; do
    args+=(-n "${names[$i]}" "${commands[$i]}")
  done
  # From inside the tree: a git baseline is read from the working directory's repository.
  (cd "$tree" && hyperfine "${args[@]}" >"$out/scale-n$n-jdk$feature.txt")
  # Peak RSS, one run each after the timing; the launcher execs java, so time sees the JVM.
  rss_lint=$(cd "$tree" && peak_rss_mb "$root/poolguard" lint --fail-on never "$tree")
  rss_base=$(cd "$tree" && peak_rss_mb "$root/poolguard" lint --fail-on never --baseline HEAD "$tree")
  # shellcheck disable=SC2086 # $floor is a command line
  rss_floor=$(peak_rss_mb $floor "$tree")
  summaries+=("$out/scale-n$n-jdk$feature.json")
  python3 - "$out/scale-n$n-jdk$feature.json" "$n" "$rss_lint" "$rss_base" "$rss_floor" <<'EOF'
import json, sys
path, n, rss_lint, rss_base, rss_floor = sys.argv[1:]
results = json.load(open(path))["results"]
median = {r["command"]: r["median"] for r in results}
floor, yamllint = median["parse floor"], median["yamllint"]
rss = {"poolguard lint": rss_lint, "poolguard lint --baseline HEAD": rss_base, "parse floor": rss_floor}
print(f"| command (N = {n}) | median | min | max | CPU (user+sys) | vs parse floor | vs yamllint | peak RSS |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for r in results:
    cpu = (r["user"] + r["system"]) * 1000  # mean user + system time
    mb = f"{rss[r['command']]} MB" if r["command"] in rss else ""
    print(f"| {r['command']} | {r['median']*1000:,.0f} ms | {r['min']*1000:,.0f} ms | "
          f"{r['max']*1000:,.0f} ms | {cpu:,.0f} ms | {r['median']/floor:.2f}× | "
          f"{r['median']/yamllint:.2f}× | {mb} |")
print(f"yamllint ÷ poolguard lint: {yamllint / median['poolguard lint']:.2f}×")
EOF
done

# Linear in N: the extra time per extra service between consecutive sizes should stay flat.
if [ "${#summaries[@]}" -gt 1 ]; then
  echo
  python3 - "${summaries[@]}" <<'EOF'
import json, re, sys
sizes = []
for path in sys.argv[1:]:
    n = int(re.search(r"scale-n(\d+)-", path).group(1))
    sizes.append((n, {r["command"]: r["median"] for r in json.load(open(path))["results"]}))
sizes.sort()
print("| command | " + " | ".join(f"ms per service, N = {a} → {b}" for (a, _), (b, _) in zip(sizes, sizes[1:])) + " |")
print("|---|" + "---:|" * (len(sizes) - 1))
for command in sizes[0][1]:
    steps = [(m2[command] - m1[command]) * 1000 / (b - a) for (a, m1), (b, m2) in zip(sizes, sizes[1:])]
    print(f"| {command} | " + " | ".join(f"{s:.2f}" for s in steps) + " |")
EOF
fi
echo
echo "full hyperfine reports: benchmarks/results/scale-n*-jdk$feature.txt"
