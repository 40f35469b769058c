#!/usr/bin/env python3
"""gen-rule-family.py N [SEED] > rules.sec

A ruleset of N rules for the rule-count benchmark (scripts/bench-growth.sh), on the lines
of shared/bench/gen-authlog.py. Mixed types (Single, SingleWithSuppress,
SingleWithThreshold, Pair, Suppress), realistic regexes: most name one user or host of the
log's pools (a literal an index can look up), about one in ten has no literal of its own
(a character class or alternation). Deterministic for N and SEED; the same N always gives
the same first rules, so 50, 500 and 5000 grow one family.
"""
import random
import sys


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    rnd = random.Random(seed)
    users = ["root", "admin", "oracle", "test", "guest", "ubuntu", "pi", "git"] + \
            [f"user{i:03d}" for i in range(392)]
    hosts = ["web1", "web2", "db1", "bastion"]
    out = []
    for i in range(n):
        u = rnd.choice(users)
        h = rnd.choice(hosts)
        kind = rnd.random()
        shape = rnd.random()
        if shape < 0.10:
            # no literal of its own: only a class and an alternation
            pattern = r"(?:Failed|Accepted) \S+ for [a-z]{2,4}%d\d from ([\d.]+)" % (i % 10)
        elif shape < 0.40:
            pattern = r"Failed password for (?:invalid user )?%s from ([\d.]+) port \d+" % u
        elif shape < 0.60:
            pattern = r"Accepted (\S+) for %s from ([\d.]+)" % u
        elif shape < 0.75:
            pattern = r"%s sshd\[\d+\]: Invalid user %s from ([\d.]+)" % (h, u)
        elif shape < 0.90:
            pattern = r"session (opened|closed) for user %s\b" % u
        else:
            pattern = r"sudo: +%s : TTY=(\S+) ; PWD=\S+ ; USER=root ; COMMAND=(\S+)" % u
        desc = f"family rule {i} $1"
        if kind < 0.35:
            out.append(f"type=Single\nptype=RegExp\npattern={pattern}\ndesc={desc}\n"
                       f"action=write - {i}: %s\n")
        elif kind < 0.55:
            out.append(f"type=SingleWithSuppress\nptype=RegExp\npattern={pattern}\ndesc={desc}\n"
                       f"action=write - {i} once: %s\nwindow=60\n")
        elif kind < 0.80:
            out.append(f"type=SingleWithThreshold\nptype=RegExp\npattern={pattern}\ndesc={desc}\n"
                       f"action=write - {i} three: %s\nwindow=120\nthresh=3\n")
        elif kind < 0.92:
            out.append(f"type=Pair\nptype=RegExp\npattern={pattern}\ndesc={desc}\n"
                       f"action=create FAM_{i}_$1 300\nptype2=SubStr\npattern2=Connection closed by $1\n"
                       f"desc2=closed {i} %1\naction2=write - {i} closed: %s\nwindow=300\n")
        else:
            out.append(f"type=Suppress\nptype=RegExp\npattern={pattern}\ndesc=quiet {i}\n")
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
