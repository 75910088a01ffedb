#!/usr/bin/env bash
# Drives the web application in a real browser (Chromium headless, through selenium): an agency signs in,
# fills and saves its form, submits it; the admin appraises one value with a reason, scores and publishes;
# a leader opens the ranking and a unit page. Screenshots of the three views go to Reports/screenshots/.
# Installs Debian chromium + chromium-driver and Python selenium (in .build/browser-python) when missing;
# skips, with the reason, only when they cannot be installed.
#
#   Tests/Browser/web-browser-test.sh BIN_DIR        (run from the repository root; `make test` does)
set -euo pipefail

bin="${1:?usage: web-browser-test.sh BIN_DIR (the folder that holds the built ictindex)}"
ictindex="$bin/ictindex"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(pwd)"
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    echo "browser-test: installing chromium and chromium-driver (one time, a few minutes)"
    if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
        chromium chromium-driver fonts-noto-core >/tmp/ictindex-chromium-install.log 2>&1; }; then
        echo "browser-test: SKIPPED: chromium cannot be installed here (see /tmp/ictindex-chromium-install.log:" \
            "$(tail -n 1 /tmp/ictindex-chromium-install.log 2>/dev/null))"
        exit 0
    fi
fi
pydir="$root/.build/browser-python"
if ! PYTHONPATH="$pydir" python3 -c "import selenium" 2>/dev/null; then
    echo "browser-test: installing Python selenium into .build/browser-python"
    if ! python3 -m pip install --quiet --target "$pydir" selenium >/tmp/ictindex-selenium-install.log 2>&1; then
        echo "browser-test: SKIPPED: selenium cannot be installed (see /tmp/ictindex-selenium-install.log)"
        exit 0
    fi
fi

work="$(mktemp -d /tmp/ictindex-browser.XXXXXX)"
server=""
server2=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; [ -n "$server2" ] && kill "$server2" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# A database from the sample province: 2024 appraised, scored and published; 2025 self-assessed and scored.
db="$work/web.sqlite"
criteria="$root/Criteria/vn-province-agencies.yaml"
sample="$root/Examples/sample-province"
"$ictindex" init --db "$db" >/dev/null
"$ictindex" units import "$sample/units.csv" --db "$db" --framework "$criteria" >/dev/null
"$ictindex" data import "$sample/values-2024.csv" --period 2024 --source appraised --framework "$criteria" --db "$db" >/dev/null
"$ictindex" run --period 2024 --framework "$criteria" --db "$db" >/dev/null
"$ictindex" publish --run 1 --db "$db" >/dev/null
"$ictindex" data import "$sample/values-2025-self.csv" --period 2025 --source self --framework "$criteria" --db "$db" >/dev/null
"$ictindex" run --period 2025 --framework "$criteria" --db "$db" >/dev/null
for account in "admin --role admin" "lanhdao --role leader" "snv --role agency --unit SNV"; do
    # shellcheck disable=SC2086
    echo "browser-pass-1" | "$ictindex" user add $account --cost 10 --db "$db" >/dev/null
done

# The 34 provinces (Vietnam ICT Index, 2025) for the map's tile grid, on a second server.
db2="$work/provinces.sqlite"
"$ictindex" init --db "$db2" >/dev/null
"$ictindex" units import "$root/Examples/sample-provinces/units.csv" --db "$db2" --framework "$root/Criteria/vn-ict-index.yaml" >/dev/null
"$ictindex" data import "$root/Examples/sample-provinces/values-2025.csv" --period 2025 --source appraised --framework "$root/Criteria/vn-ict-index.yaml" --db "$db2" >/dev/null
"$ictindex" run --period 2025 --framework "$root/Criteria/vn-ict-index.yaml" --db "$db2" >/dev/null
echo "browser-pass-1" | "$ictindex" user add lanhdao --role leader --cost 10 --db "$db2" >/dev/null

port=$((20000 + RANDOM % 10000))
"$ictindex" serve --db "$db" --port "$port" --framework "$criteria" >"$work/serve.log" 2>&1 &
server=$!
port2=$((port + 1))
"$ictindex" serve --db "$db2" --port "$port2" >"$work/serve2.log" 2>&1 &
server2=$!
for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/login" >/dev/null 2>&1 && curl -sf "http://127.0.0.1:$port2/login" >/dev/null 2>&1 && break
    sleep 0.1
done

mkdir -p "$root/Reports/screenshots"
if ! PYTHONPATH="$pydir" SE_OFFLINE=true python3 "$here/web_flow.py" "http://127.0.0.1:$port" "$root/Reports/screenshots" "http://127.0.0.1:$port2"; then
    echo "browser-test: FAILED; the end of the server's log:"
    tail -n 40 "$work/serve.log"
    exit 1
fi
echo "browser-test: ok (screenshots in Reports/screenshots/)"
