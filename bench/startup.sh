#!/usr/bin/env bash
# Start-up of the platform, from `java` to /actuator/health UP, over an existing data directory (a warm
# restart), RUNS times for each way of running it: the fat jar, the extracted jar (Spring Boot's
# `-Djarmode=tools extract`), and the extracted jar with an AppCDS archive. Baseline in the same run: a JVM
# that only starts the embedded PostgreSQL over the same data.  Usage: bench/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
PORT=${PORT:-18080}
mvn -q -B package -DskipTests
JAR=$(ls target/anhuan-*.jar | grep -v original | head -n1)
WORK=$(mktemp -d /tmp/anhuan-bench-XXXX)
trap 'rm -rf "$WORK"' EXIT
export ANHUAN_DEMO_PASSWORD=Bench-pass-2026
ARGS=(--server.port="$PORT" --anhuan.database.embedded.data-dir="$WORK/pg" --logging.file.name="$WORK/app.log")

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
run() { # label, java args...
  local label=$1; shift
  local t0 pid
  t0=$(date +%s%N)
  java "$@" "${ARGS[@]}" > "$WORK/stdout.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; do sleep 0.05; done
  echo "$label: $(ms "$t0") ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

run "first start, fat jar (initdb, migrations, Linfen demo data)" -jar "$JAR"
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
EXTRACTED="$WORK/app/$(basename "$JAR")"
java -XX:ArchiveClassesAtExit="$WORK/app.jsa" -Dspring.context.exit=onRefresh -jar "$EXTRACTED" "${ARGS[@]}" \
     > "$WORK/training.log" 2>&1 || true
for i in $(seq 1 "$RUNS"); do
  run "warm restart, fat jar ($i)" -jar "$JAR"
  run "warm restart, extracted jar ($i)" -jar "$EXTRACTED"
  run "warm restart, extracted jar + AppCDS ($i)" -XX:SharedArchiveFile="$WORK/app.jsa" -jar "$EXTRACTED"
done
for i in $(seq 1 "$RUNS"); do
  t0=$(date +%s%N)
  java -Dloader.main=cn.anhuan.shared.db.EmbeddedDatabase -cp "$JAR" \
       org.springframework.boot.loader.launch.PropertiesLauncher "$WORK/pg" > "$WORK/pg.log" 2>&1 &
  pid=$!
  until grep -q '^READY' "$WORK/pg.log" 2>/dev/null; do sleep 0.05; done
  echo "baseline, JVM + embedded PostgreSQL alone ($i): $(ms "$t0") ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  sleep 1
done
