#!/usr/bin/env bash
# Render cost of Helm: times `poolguard lint` on a generated 10-service tree of plain manifests and
# on the same 10 services deployed from one Helm chart (a values file per service, named under
# helm: in poolguard.yaml), and prints each median and their ratio.
#
#   benchmarks/helm.sh            RUNS=15 by default; SERVICES=10
#
# Needs a built jar (./poolguard builds it). The trees go into a temporary folder, removed at exit.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-15}"
services="${SERVICES:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

deployment() { # name pool
  cat <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: $1
spec:
  replicas: 3
  selector:
    matchLabels: {app: $1}
  template:
    metadata:
      labels: {app: $1}
    spec:
      containers:
        - name: app
          image: registry.example.com/$1:1.0
          env:
            - name: SPRING_DATASOURCE_URL
              value: jdbc:postgresql://db:5432/$1
            - name: SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE
              value: "$2"
YAML
}

mkdir -p "$work/plain" "$work/helm/charts/svc/templates" "$work/helm/values"
chart="$work/helm/charts/svc"
printf 'apiVersion: v2\nname: svc\nversion: 1.0.0\n' >"$chart/Chart.yaml"
printf 'replicaCount: 3\npool:\n  max: 40\n' >"$chart/values.yaml"
cat >"$chart/templates/deployment.yaml" <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels: {app: {{ .Release.Name }}}
  template:
    metadata:
      labels: {app: {{ .Release.Name }}}
    spec:
      containers:
        - name: app
          image: registry.example.com/{{ .Release.Name }}:1.0
          env:
            - name: SPRING_DATASOURCE_URL
              value: jdbc:postgresql://db:5432/{{ .Release.Name }}
            - name: SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE
              value: {{ .Values.pool.max | quote }}
YAML
config="$work/helm/poolguard.yaml"
printf 'version: 1\nservices:\n' >"$config"
for i in $(seq 1 "$services"); do
  name="svc-$i"
  deployment "$name" 20 >"$work/plain/$name.yaml"
  printf 'pool:\n  max: 20\n' >"$work/helm/values/$name.yaml"
  printf '  %s:\n    framework: spring\n    helm: {chart: charts/svc, values: values/%s.yaml}\n' \
    "$name" "$name" >>"$config"
done

"$root/poolguard" --version >/dev/null
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_ms() { # dir
  local start end
  start=$(date +%s%N)
  "$root/poolguard" lint --fail-on never "$1" >/dev/null 2>&1
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
for tree in plain helm; do time_ms "$work/$tree" >/dev/null; done # warm-up
: >"$work/plain.ms"
: >"$work/helm.ms"
for _ in $(seq 1 "$runs"); do
  time_ms "$work/plain" >>"$work/plain.ms"
  time_ms "$work/helm" >>"$work/helm.ms"
done
plain=$(median <"$work/plain.ms")
helm=$(median <"$work/helm.ms")
echo "plain manifests ($services services):          median ${plain} ms over $runs runs"
echo "one Helm chart, a values file each ($services): median ${helm} ms over $runs runs"
awk -v a="$helm" -v b="$plain" 'BEGIN {printf "ratio helm / plain: %.2f\n", a / b}'
"$root/poolguard" lint -v --fail-on never "$work/helm" 2>&1 | grep -c "deployed by" |
  xargs -I{} echo "services read from the chart: {}"
