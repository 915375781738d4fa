#!/usr/bin/env bash
# Reproduces the tables and plots of docs/CAPACITY-VALIDATION.md: builds the capacity-validation
# module (with poolguard-core and its test harness) and runs the named experiments against an
# embedded PostgreSQL. Usage: capacity-validation/run.sh [pools|holds|incident|minidle ...]
# (all when none; about 9 minutes for all on 2 cores). Extra Maven flags: MVN_FLAGS="-o".
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_FLAGS:-} -P capacity-validation -pl capacity-validation -am package \
  -DskipTests -Djacoco.skip=true
java -jar capacity-validation/target/capacity-validation.jar docs/capacity-validation "$@"
