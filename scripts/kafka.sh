#!/usr/bin/env bash
# Runs a REAL single-node Apache Kafka broker (KRaft, combined broker+controller) for
# development and tests, without Docker and without a Kafka install: the broker's jars
# come from Maven Central through scripts/kafka/pom.xml.
#
#   bash scripts/kafka.sh fetch    download kafka_2.13 + runtime deps into .moneta/kafka/libs (once)
#   bash scripts/kafka.sh start    fetch if needed, format storage once, start, wait until it answers
#   bash scripts/kafka.sh stop     SIGTERM, wait up to $KAFKA_STOP_TIMEOUT s, then SIGKILL
#   bash scripts/kafka.sh status   exit 0 if running and answering Kafka protocol, 1 otherwise
#   bash scripts/kafka.sh reset    stop and delete the data dir (keeps the jars)
#   bash scripts/kafka.sh logs     print the end of the broker log
#
# Environment:
#   KAFKA_PORT             broker port (PLAINTEXT://127.0.0.1), default 9092
#   KAFKA_CONTROLLER_PORT  KRaft controller port, default 9093
#   KAFKA_HOME_DIR         state dir (data/, logs/, kafka.pid, server.properties), default <repo>/.moneta/kafka
#   KAFKA_LIBS_DIR         jar dir, default <repo>/.moneta/kafka/libs (shared by every KAFKA_HOME_DIR)
#   KAFKA_START_TIMEOUT    seconds to wait for the broker to answer, default 60
#   KAFKA_STOP_TIMEOUT     seconds to wait after SIGTERM before SIGKILL, default 20
#   KAFKA_HEAP_OPTS        default "-Xms256m -Xmx512m"
#   KAFKA_JVM_OPTS         extra JVM options appended to the defaults
set -euo pipefail

KAFKA_VERSION=3.9.1 # keep in sync with <kafka.version> in scripts/kafka/pom.xml

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd -P)"
POM="$SCRIPT_DIR/kafka/pom.xml"
CONFIG_TEMPLATE="$SCRIPT_DIR/kafka/server.properties"
LOG4J_CONFIG="$SCRIPT_DIR/kafka/log4j.properties"
WAIT_SCRIPT="$SCRIPT_DIR/kafka-wait.ts"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-60}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-20}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_JVM_OPTS="${KAFKA_JVM_OPTS:-}"

# Resolve possibly relative overrides against the caller's cwd, then make them absolute.
abspath() {
  case "$1" in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s/%s\n' "$PWD" "$1" ;;
  esac
}
KAFKA_HOME_DIR="$(abspath "${KAFKA_HOME_DIR:-$REPO_ROOT/.moneta/kafka}")"
KAFKA_LIBS_DIR="$(abspath "${KAFKA_LIBS_DIR:-$REPO_ROOT/.moneta/kafka/libs}")"
DATA_DIR="$KAFKA_HOME_DIR/data"
LOG_DIR="$KAFKA_HOME_DIR/logs"
PID_FILE="$KAFKA_HOME_DIR/kafka.pid"
CONFIG_FILE="$KAFKA_HOME_DIR/server.properties"
LOCK_FILE="$KAFKA_HOME_DIR/.lock"
SERVER_LOG="$LOG_DIR/server.log"
STDOUT_LOG="$LOG_DIR/kafka.out"
LIBS_MARKER="$KAFKA_LIBS_DIR/.moneta-kafka-libs"

log() { printf 'kafka: %s\n' "$*"; }
die() {
  printf 'kafka: error: %s\n' "$*" >&2
  exit 1
}

now() { printf '%s\n' "${EPOCHREALTIME:-$(date +%s.%N)}"; }
elapsed_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

require() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' is not installed ($2)"
}

# Serialize start/stop/reset/fetch of one KAFKA_HOME_DIR (e.g. test global setup racing a developer).
# fd 9 must NOT leak into the broker process, or the lock would be held as long as the broker runs.
take_lock() {
  mkdir -p "$KAFKA_HOME_DIR"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$LOCK_FILE"
    flock -w 300 9 || die "timed out waiting for $LOCK_FILE (another kafka.sh still running?)"
  fi
}

tsx_cmd() {
  if [[ -x "$REPO_ROOT/node_modules/.bin/tsx" ]]; then
    printf '%s\n' "$REPO_ROOT/node_modules/.bin/tsx"
  else
    die "tsx not found in $REPO_ROOT/node_modules (run npm ci first)"
  fi
}

# Kafka-protocol probe (admin connect + listTopics) via kafkajs. Extra args go to kafka-wait.ts.
kafka_wait() {
  local tsx
  tsx="$(tsx_cmd)"
  (cd "$REPO_ROOT" && "$tsx" "$WAIT_SCRIPT" --broker "127.0.0.1:$KAFKA_PORT" "$@") 9>&-
}

# Cheap TCP check, no JVM or node involved.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Pid from the pid file if that process is alive AND is our broker (guards against pid reuse).
broker_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' <"$PID_FILE")"
  [[ -n "$pid" ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r "/proc/$pid/cmdline" ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q 'kafka\.Kafka' || return 1
  fi
  printf '%s\n' "$pid"
}

libs_fingerprint() {
  printf 'kafka_2.13 %s pom-sha256 %s\n' "$KAFKA_VERSION" "$(sha256sum "$POM" | cut -d' ' -f1)"
}

libs_ready() {
  [[ -f "$LIBS_MARKER" ]] && [[ "$(cat "$LIBS_MARKER")" == "$(libs_fingerprint)" ]] &&
    compgen -G "$KAFKA_LIBS_DIR/kafka_2.13-$KAFKA_VERSION.jar" >/dev/null
}

cmd_fetch() {
  if libs_ready; then
    log "jars for Kafka $KAFKA_VERSION already in $KAFKA_LIBS_DIR"
    return 0
  fi
  require mvn "Maven is needed to download the Kafka jars from Maven Central"
  require java "Java 17+ is needed to run the broker"
  log "downloading Kafka $KAFKA_VERSION and its runtime dependencies with Maven into $KAFKA_LIBS_DIR ..."
  local t0 tmp
  t0="$(now)"
  mkdir -p "$(dirname "$KAFKA_LIBS_DIR")"
  # Download into a temp dir next to the target and swap it in, so an interrupted
  # fetch never leaves a half-filled libs dir that looks complete.
  tmp="$KAFKA_LIBS_DIR.tmp.$$"
  rm -rf "$tmp"
  # mvn -q still prints stray ANSI resets on Maven 3.8: keep its output for failures only.
  if ! mvn -q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies \
    -DoutputDirectory="$tmp" -DincludeScope=runtime >"$tmp.mvn.log" 2>&1 9>&-; then
    cat "$tmp.mvn.log" >&2
    rm -rf "$tmp" "$tmp.mvn.log"
    die "mvn could not download Kafka $KAFKA_VERSION (is Maven Central reachable?)"
  fi
  rm -f "$tmp.mvn.log"
  [[ -f "$tmp/kafka_2.13-$KAFKA_VERSION.jar" ]] || {
    rm -rf "$tmp"
    die "mvn finished but kafka_2.13-$KAFKA_VERSION.jar is missing"
  }
  libs_fingerprint >"$tmp/.moneta-kafka-libs"
  rm -rf "$KAFKA_LIBS_DIR"
  mv "$tmp" "$KAFKA_LIBS_DIR"
  log "fetched $(find "$KAFKA_LIBS_DIR" -name '*.jar' | wc -l) jars ($(du -sh "$KAFKA_LIBS_DIR" | cut -f1)) in $(elapsed_since "$t0")s"
}

render_config() {
  mkdir -p "$DATA_DIR" "$LOG_DIR"
  sed -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" \
    -e "s|@KAFKA_CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
    -e "s|@KAFKA_DATA_DIR@|$DATA_DIR|g" \
    "$CONFIG_TEMPLATE" >"$CONFIG_FILE.tmp"
  mv "$CONFIG_FILE.tmp" "$CONFIG_FILE"
}

# A Kafka cluster id is a base64url (no padding) random 16-byte UUID that must not start with '-'.
# Generated here to save a JVM start for `kafka-storage.sh random-uuid`.
random_cluster_id() {
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    [[ "$id" != -* ]] && break
  done
  printf '%s\n' "$id"
}

java_cmd() {
  # shellcheck disable=SC2086 # heap/JVM opts are intentionally word-split
  printf '%s\0' java $KAFKA_HEAP_OPTS \
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    $KAFKA_JVM_OPTS \
    "-Dlog4j.configuration=file:$LOG4J_CONFIG" "-Dkafka.logs.dir=$LOG_DIR" \
    -cp "$KAFKA_LIBS_DIR/*"
}

format_storage() {
  if [[ -f "$DATA_DIR/meta.properties" ]]; then
    return 0
  fi
  local cluster_id t0
  cluster_id="$(random_cluster_id)"
  t0="$(now)"
  local -a java
  mapfile -d '' java < <(java_cmd)
  log "formatting KRaft storage in $DATA_DIR (cluster id $cluster_id)"
  if ! "${java[@]}" kafka.tools.StorageTool format --ignore-formatted \
    -t "$cluster_id" -c "$CONFIG_FILE" >"$LOG_DIR/format.out" 2>&1 9>&-; then
    cat "$LOG_DIR/format.out" >&2
    die "kafka.tools.StorageTool format failed"
  fi
  log "formatted in $(elapsed_since "$t0")s"
}

# kafka.out gets WARN+ only (and JVM crashes), so it is the informative one; server.log has INFO.
print_log_tail() {
  if [[ -s "$SERVER_LOG" ]]; then
    printf -- '--- last 20 lines of %s ---\n' "$SERVER_LOG" >&2
    tail -n 20 "$SERVER_LOG" >&2
  fi
  if [[ -s "$STDOUT_LOG" ]]; then
    printf -- '--- last 40 lines of %s (warnings, errors, JVM output) ---\n' "$STDOUT_LOG" >&2
    tail -n 40 "$STDOUT_LOG" >&2
  fi
}

cmd_start() {
  take_lock
  local pid t0
  t0="$(now)"

  if pid="$(broker_pid)"; then
    # Ours is running (or still starting after an interrupted `start`): just wait for it.
    if kafka_wait --timeout "$KAFKA_START_TIMEOUT" --pid "$pid" --quiet; then
      log "already running on 127.0.0.1:$KAFKA_PORT (pid $pid)"
      return 0
    fi
    print_log_tail
    die "broker pid $pid is running but does not answer on 127.0.0.1:$KAFKA_PORT; try: bash scripts/kafka.sh stop"
  fi
  rm -f "$PID_FILE"

  if port_open "$KAFKA_PORT"; then
    if kafka_wait --timeout 10 --quiet; then
      log "something already answers Kafka protocol on 127.0.0.1:$KAFKA_PORT (not started by this script, pid file $PID_FILE absent); using it"
      return 0
    fi
    die "port $KAFKA_PORT is in use by something that does not answer Kafka protocol"
  fi
  if port_open "$KAFKA_CONTROLLER_PORT"; then
    die "controller port $KAFKA_CONTROLLER_PORT is already in use (set KAFKA_CONTROLLER_PORT)"
  fi

  require java "Java 17+ is needed to run the broker"
  cmd_fetch
  render_config
  format_storage

  local -a java
  mapfile -d '' java < <(java_cmd)
  : >"$STDOUT_LOG"
  log "starting Kafka $KAFKA_VERSION on 127.0.0.1:$KAFKA_PORT (controller 127.0.0.1:$KAFKA_CONTROLLER_PORT, data $DATA_DIR)"
  # setsid: own session, so killing the caller's process group (a test runner, a CI step)
  # does not take the broker with it. The inner bash writes its own pid and then execs
  # java, so the pid file holds the JVM's pid whether or not setsid had to fork.
  local -a detach=(nohup)
  command -v setsid >/dev/null 2>&1 && detach=(setsid nohup)
  # shellcheck disable=SC2016 # expanded by the inner bash, on purpose
  "${detach[@]}" bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
    "${java[@]}" kafka.Kafka "$CONFIG_FILE" \
    </dev/null >>"$STDOUT_LOG" 2>&1 9>&- &

  local _
  for _ in $(seq 1 50); do
    [[ -s "$PID_FILE" ]] && break
    sleep 0.1
  done
  pid="$(tr -dc '0-9' <"$PID_FILE" 2>/dev/null || true)"
  [[ -n "$pid" ]] || die "broker did not start (no pid written to $PID_FILE)"

  if ! kafka_wait --timeout "$KAFKA_START_TIMEOUT" --pid "$pid" --quiet; then
    print_log_tail
    if kill -0 "$pid" 2>/dev/null; then
      stop_pid "$pid" >/dev/null 2>&1 || true
      rm -f "$PID_FILE"
      die "broker did not answer Kafka protocol on 127.0.0.1:$KAFKA_PORT within ${KAFKA_START_TIMEOUT}s; stopped it (raise KAFKA_START_TIMEOUT? logs in $LOG_DIR)"
    fi
    rm -f "$PID_FILE"
    die "broker process exited during startup, see the log lines above (logs in $LOG_DIR)"
  fi
  log "broker up on 127.0.0.1:$KAFKA_PORT (pid $pid) in $(elapsed_since "$t0")s"
}

# SIGTERM, wait up to KAFKA_STOP_TIMEOUT seconds, then SIGKILL.
stop_pid() {
  local pid="$1" t0 deadline
  t0="$(now)"
  kill -TERM "$pid" 2>/dev/null || return 0
  deadline=$((SECONDS + KAFKA_STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "pid $pid still alive after ${KAFKA_STOP_TIMEOUT}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  log "stopped (pid $pid) in $(elapsed_since "$t0")s"
}

cmd_stop() {
  take_lock
  local pid
  if pid="$(broker_pid)"; then
    stop_pid "$pid"
  elif port_open "$KAFKA_PORT"; then
    log "not running under $KAFKA_HOME_DIR, but something listens on 127.0.0.1:$KAFKA_PORT (not started by this script; left alone)"
  else
    log "not running"
  fi
  rm -f "$PID_FILE"
}

cmd_status() {
  local pid
  if pid="$(broker_pid)"; then
    if kafka_wait --timeout 5 --quiet; then
      log "running on 127.0.0.1:$KAFKA_PORT (pid $pid)"
      return 0
    fi
    log "process $pid is alive but 127.0.0.1:$KAFKA_PORT does not answer Kafka protocol"
    return 1
  fi
  if port_open "$KAFKA_PORT" && kafka_wait --timeout 5 --quiet; then
    log "a broker not managed by this script answers on 127.0.0.1:$KAFKA_PORT"
    return 0
  fi
  log "not running"
  return 1
}

cmd_reset() {
  cmd_stop
  rm -rf "$DATA_DIR"
  log "deleted $DATA_DIR (jars in $KAFKA_LIBS_DIR kept)"
}

cmd_logs() {
  tail -n "${1:-100}" "$SERVER_LOG"
}

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'
}

main() {
  local cmd="${1:-}"
  shift || true
  case "$cmd" in
    fetch) take_lock && cmd_fetch ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    reset) cmd_reset ;;
    restart) cmd_stop && cmd_start ;;
    logs) cmd_logs "$@" ;;
    -h | --help | help) usage ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
