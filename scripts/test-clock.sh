#!/usr/bin/env bash
# Runs the unit and integration tests under a faked system clock (Debian's libfaketime), at
# instants where a hidden clock or a month assumed by a test would show: New Year in Oslo. Instants are given in UTC; the
# comment names the Oslo wall time. Each instant costs about two minutes of CI and the whole
# run must stay under thirty: the spring DST gap and a year's last minute, which ran here
# before, were dropped for that reason (see this file's history).
# Usage: scripts/test-clock.sh [vitest args…]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v faketime >/dev/null 2>&1; then
	echo "faketime mangler: installer Debian-pakken «faketime» (apt-get install faketime)." >&2
	exit 1
fi

instants=(
	"2026-12-31 23:30:00 UTC" # 2027-01-01 00:30 Oslo (CET): a new year in Oslo, not yet in UTC
)
# Alternate the process time zone: the code must judge Oslo days whatever TZ the server has.
# The leap day (2028-02-29 11:00 UTC, TZ=UTC) and the autumn repeat hour (2027-10-31 01:30
# UTC, TZ=Pacific/Kiritimati) ran here too until the browser tour gained its
# nynorsk and English runs; they were dropped to keep CI under thirty minutes. Leap days are
# tested with an explicit date in the domain's unit tests (e.g.
# src/lib/domain/wheel/occurrences.spec.ts).
zones=(Europe/Oslo)

for i in "${!instants[@]}"; do
	at=${instants[$i]}
	tz=${zones[$i]}
	echo "== Klokka står på $at (TZ=$tz)"
	# The two suites that build a generated dataset pass their own fixed `now` (parseNow) and
	# read no clock, and the lint-gates suite lints fixed files; they run once, in `npm test`.
	# The form fuzz runs 20 bodies per action here (150 in `npm test`): at these instants it
	# looks for a 500 that only a date brings out, not for breadth.
	FUZZ_RUNS=${FUZZ_RUNS:-20} TZ=$tz faketime "$at" npx vitest run --reporter=dot \
		--exclude tests/integration/query-plans.spec.ts \
		--exclude tests/integration/scale-data.spec.ts \
		--exclude tests/integration/lint-gates.spec.ts "$@"
done
