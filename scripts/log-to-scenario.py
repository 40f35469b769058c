#!/usr/bin/env python3
"""Turns a syslog (RFC 3164) log into a sec-scenario file, so that the real sec can be
run on the log's own timeline (shared/tools/sec-scenario) and its transcript used as a
golden file for `secwb replay --log`. Written apart from the Java timestamp parser on
purpose: the golden must not inherit that parser's mistakes.
usage: scripts/log-to-scenario.py LOG YEAR [END_AFTER_LAST_SECONDS] > NAME.scn"""
import sys
from datetime import datetime, timezone

log, year = sys.argv[1], int(sys.argv[2])
tail = int(sys.argv[3]) if len(sys.argv) > 3 else 0
events, start, last_month, offset = [], None, None, 0
with open(log, encoding="latin-1") as f:
    for line in f:
        line = line.rstrip("\n")
        try:
            stamp = datetime.strptime(line[:15], "%b %d %H:%M:%S")
        except ValueError:
            events.append((offset, line))  # no timestamp: the previous line's time
            continue
        if last_month == 12 and stamp.month == 1:
            year += 1
        last_month = stamp.month
        t = int(stamp.replace(year=year, tzinfo=timezone.utc).timestamp())
        if start is None:
            start = t
        offset = max(offset, t - start)
        events.append((offset, line))
print(f"# derived from {log.split('/')[-1]} (syslog, year {year}, UTC) by scripts/log-to-scenario.py")
print("@start " + datetime.fromtimestamp(start, timezone.utc).strftime("%Y-%m-%d %H:%M:%S"))
for off, line in events:
    print(f"{off} {line}")
print(f"@end {offset + tail}")
