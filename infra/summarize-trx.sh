#!/usr/bin/env bash
# Sums the counters of every .trx file under a folder into one line: "N passed, N failed, N skipped".
set -euo pipefail
dir="${1:?usage: summarize-trx.sh RESULTS_DIR}"
passed=0 failed=0 skipped=0 files=0
while IFS= read -r -d '' trx; do
    files=$((files + 1))
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    value() { local v; v=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"); echo "${v:-0}"; }
    passed=$((passed + $(value passed)))
    failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
    # Skipped tests count in "total" but not in "executed" (xunit reports them as not executed).
    skipped=$((skipped + $(value total) - $(value executed)))
    # Names each failed test with the first line of its message, so the end of a long log says what failed.
    awk '
        /<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); gsub(/&quot;/, "\"", name); wanted = 1; next }
        wanted && /<Message>/ { sub(/.*<Message>/, ""); sub(/<\/Message>.*/, ""); print "FAILED " name ": " substr($0, 1, 300); wanted = 0 }
        wanted && /<\/UnitTestResult>/ { print "FAILED " name; wanted = 0 }
    ' "$trx"
done < <(find "$dir" -name '*.trx' -print0)
if [ "$files" -eq 0 ]; then
    echo "no test results found under $dir" >&2
    failed=1
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
