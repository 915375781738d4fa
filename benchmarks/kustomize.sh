#!/usr/bin/env bash
# Render cost of Kustomize: times `poolguard lint` on a generated 10-service tree of plain manifests
# and on the same 10 services as a Kustomize base plus a prod overlay (a patch and a generated
# ConfigMap per service), and prints each median and their ratio.
#
#   benchmarks/kustomize.sh            RUNS=15 by default; SERVICES=10
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
          envFrom:
            - configMapRef:
                name: $1-env
YAML
}

mkdir -p "$work/plain" "$work/kustomize/k8s/overlays/prod"
overlay="$work/kustomize/k8s/overlays/prod/kustomization.yaml"
printf 'namespace: prod\nresources:\n' >"$overlay"
for i in $(seq 1 "$services"); do
  name="svc-$i"
  deployment "$name" 20 >"$work/plain/$name.yaml"
  printf -- '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s-env\ndata:\n  SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT: "2000"\n' \
    "$name" >>"$work/plain/$name.yaml"
  base="$work/kustomize/k8s/base/$name"
  mkdir -p "$base"
  deployment "$name" 40 >"$base/deployment.yaml"
  printf 'resources:\n  - deployment.yaml\nconfigMapGenerator:\n  - name: %s-env\n    literals:\n      - SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT=2000\n' \
    "$name" >"$base/kustomization.yaml"
  printf '  - ../../base/%s\n' "$name" >>"$overlay"
done
printf 'patches:\n' >>"$overlay"
for i in $(seq 1 "$services"); do
  printf '  - path: pool-%s.yaml\n' "$i" >>"$overlay"
  printf 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-%s\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          env:\n            - name: SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE\n              value: "20"\n' \
    "$i" >"$work/kustomize/k8s/overlays/prod/pool-$i.yaml"
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
for tree in plain kustomize; do time_ms "$work/$tree" >/dev/null; done # warm-up
: >"$work/plain.ms"
: >"$work/kustomize.ms"
for _ in $(seq 1 "$runs"); do
  time_ms "$work/plain" >>"$work/plain.ms"
  time_ms "$work/kustomize" >>"$work/kustomize.ms"
done
plain=$(median <"$work/plain.ms")
kust=$(median <"$work/kustomize.ms")
echo "plain manifests ($services services):     median ${plain} ms over $runs runs"
echo "kustomize base + prod overlay ($services): median ${kust} ms over $runs runs"
awk -v a="$kust" -v b="$plain" 'BEGIN {printf "ratio kustomize / plain: %.2f\n", a / b}'
"$root/poolguard" lint -v --fail-on never "$work/kustomize" 2>&1 | grep -c "deployed by" |
  xargs -I{} echo "services read from the overlay: {}"
