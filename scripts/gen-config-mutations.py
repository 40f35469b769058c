#!/usr/bin/env python3
"""Generates broken (and some harmless) variants of SEC rules for verdict tests.

usage: scripts/gen-config-mutations.py CORPUS_DIR OUT_DIR [RULES_PER_FILE]

Base rules are every rule of the corpus files plus one template per rule type.
Each variant is one rule; variants are written RULES_PER_FILE to a file,
separated by blank lines, as mutations-NN.sec. sec --testonly then judges
every rule of a file in one run: a rule is rejected exactly when sec logs an
error naming its line. Deterministic: same corpus, same output.
Golden logs are made afterwards with scripts/sec-testonly-golden.sh.
"""
import os
import random
import sys

TEMPLATES = [
    [("type", "Single"), ("ptype", "RegExp"), ("pattern", r"sshd\[(\d+)\]: Failed password for (\S+)"),
     ("desc", "failed login for $2"), ("action", "write - $2 failed; create FAIL_$2 60")],
    [("type", "SingleWithScript"), ("ptype", "SubStr"), ("pattern", "disk full"), ("script", "/bin/true"),
     ("desc", "disk"), ("action", "logonly"), ("action2", "none")],
    [("type", "SingleWithSuppress"), ("ptype", "RegExp"), ("pattern", r"link (\S+) down"),
     ("desc", "link $1 down"), ("action", "write - %s"), ("window", "60")],
    [("type", "Pair"), ("ptype", "RegExp"), ("pattern", r"start (\d+)"), ("desc", "start $1"),
     ("action", "create RUN_$1"), ("ptype2", "RegExp"), ("pattern2", r"stop $1"), ("desc2", "stop %1"),
     ("action2", "delete RUN_%1"), ("window", "300")],
    [("type", "PairWithWindow"), ("ptype", "SubStr"), ("pattern", "ping"), ("desc", "no pong"),
     ("action", "write - missing pong"), ("ptype2", "SubStr"), ("pattern2", "pong"), ("desc2", "pong"),
     ("action2", "none"), ("window", "30")],
    [("type", "SingleWithThreshold"), ("ptype", "RegExp"), ("pattern", r"error (\w+)"),
     ("desc", "errors in $1"), ("action", "write - %s"), ("action2", "write - quiet again"),
     ("window", "60"), ("thresh", "3")],
    [("type", "SingleWith2Thresholds"), ("ptype", "RegExp"), ("pattern", r"load (\d+)"),
     ("desc", "high load"), ("action", "write - high"), ("window", "60"), ("thresh", "3"),
     ("desc2", "load normal"), ("action2", "write - normal"), ("window2", "120"), ("thresh2", "0")],
    [("type", "EventGroup2"), ("ptype", "SubStr"), ("pattern", "alpha"), ("ptype2", "SubStr"),
     ("pattern2", "beta"), ("thresh2", "2"), ("desc", "alpha and beta"), ("action", "write - both"),
     ("init", "create EG"), ("end", "delete EG"), ("window", "60"), ("multact", "no")],
    [("type", "EventGroup"), ("ptype", "RegExp"), ("pattern", r"(\w+) tick"), ("count", "assign %n 1"),
     ("egptype", "RegExp"), ("egpattern", "1 1"), ("egtoken", "1"), ("desc", "ticks"),
     ("action", "write - %s"), ("window", "10")],
    [("type", "Suppress"), ("ptype", "NSubStr"), ("pattern", "sshd"), ("context", "!DEBUG")],
    [("type", "Calendar"), ("time", "0 * * * 1-5"), ("desc", "hourly"), ("action", "event HOURLY")],
    [("type", "Jump"), ("ptype", "TValue"), ("pattern", "TRUE"), ("cfset", "ssh-rules"), ("constset", "no")],
    [("type", "Options"), ("joincfset", "ssh-rules"), ("procallin", "no")],
    [("type", "Single"), ("continue", "TakeNext"), ("ptype", "RegExp2"), ("pattern", r"a\nb"),
     ("varmap", "first=0; second"), ("context", "(A && !B) || varset x"), ("desc", "varmap"),
     ("action", "if %x ( write - yes ) else ( write - no ); while %y ( assign %y )")],
]

BAD_ACTIONS = ["writ - x", "write", "create A B C (write - x", "copy CTX var", "if %x ( ) else ( )",
               "while %x ( )", "event 5x y z ;;; bogus", "assign x value", "getsize %v", "setwpos",
               "(write - x", "write - x)", "pipe 'x /bin/cat", "shellcmd", "reset +x", "alias",
               "exists %e", "free %1", "lcall %o x", "set CTX"]
BAD_CONTEXTS = ["A B", "(A", "A)", "A &&", "! ", "A || (B C)", "(A) (B)", "&&", "varset", "[A B]"]
BAD_REGEXES = ["(abc", "[a-", "a{2,1}", "*x", "x**", "(?<n>a)\\k<m>", "[z-a]", "a)b", "(?z)", "\\"]
BAD_NUMBERS = ["10s", "-5", "0", "1.5", "", " ", "1e3", "0x10", "abc"]
MISSPELL_TYPES = ["Singel", "Single2", "Pairs", "EventGroup0", "SingleWithThreshhold", "Calender", "Jmp", "Option"]
MISSPELL_PTYPES = ["RegEx", "Regexp0", "SubString", "NRegExp-2", "TValues", "Cache", "PerlFunction"]
MISSPELL_CONTINUE = ["TakeNxt", "Goto", "Don'tCont", "End Match", "GoTo", "continue"]
TVALUES = ["yes", "1", "True ", "TRUEX"]


def logical_lines(path):
    """sec's line joining (read_configfile): trim, trailing backslash continues."""
    with open(path, encoding="latin-1") as f:
        raw = f.read().split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    out, pending = [], None
    for line in raw:
        pending = line if pending is None else pending + line
        joined = pending.strip(" \t\n\r\f\v")
        if joined.endswith("\\"):
            pending = joined[:-1]
            continue
        out.append(joined)
        pending = None
    return out


def corpus_rules(corpus):
    rules = []
    for root, _, files in sorted(os.walk(corpus)):
        for name in sorted(files):
            if not name.endswith(".sec"):
                continue
            current = []
            for line in logical_lines(os.path.join(root, name)) + [""]:
                if not line or line.startswith("#"):
                    if current:
                        rules.append(current)
                    current = []
                    continue
                if "=" not in line:
                    continue
                key, value = line.split("=", 1)
                key, value = key.strip(), value.strip()
                if key.isalnum() and value and key not in ("label", "rem"):
                    current.append((key, value))
    return rules


def replace(rule, key, value):
    return [(k, value if k == key else v) for k, v in rule]


def mutants(rule, rnd):
    keys = [k for k, _ in rule]
    out = []
    # a field dropped (required or not: sec decides)
    for k in keys:
        out.append([(kk, v) for kk, v in rule if kk != k])
    if "type" in keys:
        out.append(replace(rule, "type", rnd.choice(MISSPELL_TYPES)))
        out.append(replace(rule, "type", dict(rule)["type"].upper()))  # harmless: types ignore case
    for k in keys:
        if k.startswith("ptype") or k == "egptype":
            out.append(replace(rule, k, rnd.choice(MISSPELL_PTYPES)))
        if k.startswith("continue"):
            out.append(replace(rule, k, rnd.choice(MISSPELL_CONTINUE)))
        if k in ("action", "action2", "init", "end", "slide") or k.startswith("count"):
            out.append(replace(rule, k, rnd.choice(BAD_ACTIONS)))
        if k.startswith("context"):
            out.append(replace(rule, k, rnd.choice(BAD_CONTEXTS)))
        if k in ("window", "window2", "thresh", "thresh2") or (k.startswith("thresh") and k[6:].isdigit()):
            out.append(replace(rule, k, rnd.choice(BAD_NUMBERS)))
    types = {k: v for k, v in rule}
    for k in keys:
        if k.startswith("pattern") or k == "egpattern":
            ptk = "egptype" if k == "egpattern" else "ptype" + k[7:]
            pt = types.get(ptk, "").lower()
            if "regexp" in pt:
                out.append(replace(rule, k, rnd.choice(BAD_REGEXES)))
            elif pt == "tvalue":
                out.append(replace(rule, k, rnd.choice(TVALUES)))
    # a keyword in the wrong case
    k = rnd.choice(keys)
    out.append([(kk.capitalize() if kk == k else kk, v) for kk, v in rule])
    # an extra keyword that the type does not allow
    out.append(rule + [("window3", "10")])
    return out


def main():
    corpus, outdir = sys.argv[1], sys.argv[2]
    per_file = int(sys.argv[3]) if len(sys.argv) > 3 else 120
    rnd = random.Random(2911)
    variants = []
    for rule in TEMPLATES + corpus_rules(corpus):
        variants.append(rule)
        variants.extend(mutants(rule, rnd))
    os.makedirs(outdir, exist_ok=True)
    for old in os.listdir(outdir):
        if old.startswith("mutations-"):
            os.remove(os.path.join(outdir, old))
    for n in range(0, len(variants), per_file):
        chunk = variants[n:n + per_file]
        path = os.path.join(outdir, "mutations-%02d.sec" % (n // per_file + 1))
        with open(path, "w", encoding="latin-1") as f:
            f.write("# generated by scripts/gen-config-mutations.py; do not edit\n")
            for rule in chunk:
                f.write("\n")
                for k, v in rule:
                    f.write("%s=%s\n" % (k, v))
    print("%d variants in %d files" % (len(variants), (len(variants) + per_file - 1) // per_file))


if __name__ == "__main__":
    main()
