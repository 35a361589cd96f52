#!/usr/bin/env bash
# The quick start, step by step, against a running app (README.md, "Quick start"):
#   terminal 1:  java -jar bootstrap/target/notebook-scheduler-exec.jar        (from the repository root)
#   terminal 2:  java examples/receiver/NotificationReceiver.java               (a stand-in IM robot)
#   terminal 3:  bash examples/quickstart.sh
# It creates a schedule that fires every minute and one that fails, shows their runs, results,
# task logs and audit trail, and the notifications the receiver got; then takes the first offline.
# Needs bash and curl only. API and RECEIVER say where the app and the receiver are; CREDENTIALS
# (user:password) who signs in: by default the app's first user, admin, whose generated password the
# app keeps in data/initial-admin-password (PASSWORD_FILE) when no user is configured.
set -euo pipefail

API="${API:-http://localhost:8080}"
RECEIVER="${RECEIVER:-http://localhost:9999}"
PASSWORD_FILE="${PASSWORD_FILE:-data/initial-admin-password}"
if [ -z "${CREDENTIALS:-}" ]; then
  [ -r "$PASSWORD_FILE" ] || { echo "quickstart: no $PASSWORD_FILE; set CREDENTIALS=user:password" >&2; exit 1; }
  CREDENTIALS="admin:$(tr -d '\n' < "$PASSWORD_FILE")"
fi

step() { printf '\n== %s  %s\n' "$(date +%T)" "$*"; }
call() { curl -fsS -u "$CREDENTIALS" -H 'Content-Type: application/json' "$@"; }
# The value of the first "field":"value" in a JSON text (enough for the answers used here).
field() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | sed 's/^.*:"\(.*\)"$/\1/'; }
wait_for() { # wait_for <seconds> <what> <command...>: runs the command until it succeeds
  local seconds=$1 what=$2; shift 2
  for _ in $(seq 1 "$seconds"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "quickstart: gave up waiting for $what after ${seconds}s" >&2; return 1
}

step "the app is up"
call "$API/actuator/health"; echo

# A notebook is in one schedule at most: what an earlier pass left is taken offline and deleted.
for notebook in hello broken; do
  earlier=$(call "$API/api/schedules/by-entity?type=notebook&id=$notebook" 2>/dev/null | field id || true)
  if [ -n "$earlier" ]; then
    call -X POST "$API/api/schedules/$earlier/offline" >/dev/null 2>&1 || true
    call -X DELETE "$API/api/schedules/$earlier"
    echo "deleted schedule $earlier, left by an earlier pass for notebook '$notebook'"
  fi
done

notifications='"notifications": {"level": "all", "destinations": [{"url": "'"$RECEIVER"'/notifications", "kind": "GENERIC"}]}'

step "create 'hello-every-minute': notebook 'hello' (examples/notebooks/hello.sh), cron * * * * *"
hello=$(call -X POST "$API/api/schedules" -d '{"name": "hello-every-minute",
  "tasks": [{"name": "say-hello", "entity": {"type": "notebook", "id": "hello"}}],
  "cron": {"expression": "* * * * *"}, '"$notifications"'}' | field id)
echo "schedule $hello"

step "put it online: the embedded engine fires it at the start of the next minute"
call -X POST "$API/api/schedules/$hello/online" | field releaseState

step "create 'broken-report': notebook 'broken' (examples/notebooks/broken.sh), which fails, and run it now"
broken=$(call -X POST "$API/api/schedules" -d '{"name": "broken-report",
  "tasks": [{"name": "report", "entity": {"type": "notebook", "id": "broken"}, "parameters": {"region": "apac"}}],
  "cron": {"expression": "0 6 * * *"}, '"$notifications"'}' | field id)
run=$(call -X POST "$API/api/schedules/$broken/run" | field runId)
echo "schedule $broken, run $run"
finished() { call "$API/api/schedules/$1/runs/$2" | grep -q '"finished":true'; }
wait_for 60 "the broken run to end" finished "$broken" "$run"

step "its run and its result: FAILED, with the end of the notebook's output as the error"
call "$API/api/schedules/$broken/runs/$run"; echo
call "$API/api/executions?scheduleId=$broken"; echo

step "its task log (the link in the result): why the attempt ended, then what the notebook printed"
call "$API$(call "$API/api/executions?scheduleId=$broken" | field log)"; echo

step "waiting for 'hello-every-minute' to fire (up to 75 s)"
succeeded() { call "$API/api/executions?scheduleId=$1" | grep -q '"status":"succeed"'; }
wait_for 75 "the scheduled run of hello-every-minute" succeeded "$hello"
call "$API/api/executions?scheduleId=$hello"; echo

step "the audit trail of 'hello-every-minute'"
call "$API/api/schedules/$hello/audit"; echo

step "the notifications the receiver got (one per result)"
delivered() { [ "$(curl -fsS "$RECEIVER/" | grep -c notebook-scheduler.notification)" -ge 2 ]; }
wait_for 30 "two notifications at the receiver" delivered
curl -fsS "$RECEIVER/"

step "take 'hello-every-minute' offline so it stops firing"
call -X POST "$API/api/schedules/$hello/offline" | field releaseState
echo
echo "quickstart: done (schedules $hello and $broken)"
