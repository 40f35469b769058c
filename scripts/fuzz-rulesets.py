#!/usr/bin/env python3
"""Writes fuzzed SEC rule files for the verdict fuzz test (FuzzVerdictTest).

usage: scripts/fuzz-rulesets.py [--seed N] [--count N] CORPUS_DIR OUT_DIR

Each file is a corpus ruleset after one seeded mutation: bytes (inserted, deleted,
flipped, NUL, invalid UTF-8, CR), lines (deleted, doubled, swapped, continued with a
backslash, keywords recased, values moved), or a generated extreme (deep nesting of
context expressions, action lists and regexes, 100 KB values, long continuation
chains, huge numbers, 10,000 rules, CRLF). Same seed and corpus, same files:
fuzz-NNNNN.sec, and fuzz-index.tsv with the mutation behind each.
"""
import argparse
import os
import random

NESTING = [50, 200, 1000, 5000]  # sec takes a minute at 20,000 (Deep recursion in analyze_context)
HUGE = ["99999999999999999999", "18446744073709551616", "9223372036854775808", "1e30", "-1",
        "0", "00000000000000000000000000000001", "4294967296", "inf", "nan", "0x10", "1_000"]


def corpus_files(corpus):
    out = []
    for root, _dirs, files in os.walk(corpus):
        for name in sorted(files):
            if name.endswith((".sec", ".conf", ".sr", ".rules")) or "." not in name:
                path = os.path.join(root, name)
                with open(path, "rb") as f:
                    data = f.read()
                if b"type=" in data or b"type =" in data:
                    out.append((os.path.relpath(path, corpus), data))
    out.sort()
    return out


def byte_mutation(rnd, data):
    data = bytearray(data)
    kinds = []
    for _ in range(rnd.randint(1, 6)):
        kind = rnd.choice(["insert", "delete", "flip", "nul", "utf8", "cr", "dup", "paren"])
        kinds.append(kind)
        pos = rnd.randrange(len(data) + 1)
        if kind == "insert":
            data[pos:pos] = bytes([rnd.randrange(256)])
        elif kind == "delete" and data:
            del data[pos:pos + rnd.randint(1, 8)]
        elif kind == "flip" and pos < len(data):
            data[pos] ^= 1 << rnd.randrange(8)
        elif kind == "nul":
            data[pos:pos] = b"\x00"
        elif kind == "utf8":
            data[pos:pos] = rnd.choice([b"\xff", b"\xc3", b"\xe2\x82", b"\xc3\xa9", b"\xed\xa0\x80", b"\xf0\x9f\x98\x80"])
        elif kind == "cr":
            data[pos:pos] = b"\r"
        elif kind == "dup":
            end = min(len(data), pos + rnd.randint(1, 200))
            data[pos:pos] = data[pos:end]
        elif kind == "paren":
            data[pos:pos] = rnd.choice([b"(", b")", b"\\", b"{", b"}", b"[", b"]", b"$", b"%", b";", b"=", b"#"])
    return bytes(data), "bytes:" + ",".join(kinds)


def line_mutation(rnd, data):
    lines = data.split(b"\n")
    kinds = []
    for _ in range(rnd.randint(1, 4)):
        kind = rnd.choice(["delete", "double", "swap", "continue", "recase", "move-value", "blank", "indent", "comment"])
        kinds.append(kind)
        if not lines:
            break
        i = rnd.randrange(len(lines))
        if kind == "delete":
            del lines[i]
        elif kind == "double":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = rnd.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "continue":
            lines[i] = lines[i] + b"\\"
        elif kind == "recase" and b"=" in lines[i]:
            key, _, value = lines[i].partition(b"=")
            lines[i] = rnd.choice([key.upper(), key.capitalize(), key + b" ", b" " + key]) + b"=" + value
        elif kind == "move-value":
            j = rnd.randrange(len(lines))
            if b"=" in lines[i] and b"=" in lines[j]:
                lines[i] = lines[i].partition(b"=")[0] + b"=" + lines[j].partition(b"=")[2]
        elif kind == "blank":
            lines.insert(i, rnd.choice([b"", b" ", b"\t"]))
        elif kind == "indent":
            lines[i] = rnd.choice([b" ", b"\t", b"  "]) + lines[i]
        elif kind == "comment":
            lines[i] = b"#" + lines[i]
    return b"\n".join(lines), "lines:" + ",".join(kinds)


def rule(fields):
    return "".join(f"{k}={v}\n" for k, v in fields) + "\n"


def single_with(ptype, field, value):
    """A Single rule whose field (desc, pattern, action or context) holds value."""
    fields = [("type", "Single"), ("ptype", ptype), ("pattern", "x"), ("desc", "d"), ("action", "none")]
    fields = [(k, value if k == field else v) for k, v in fields]
    if field == "context":
        fields.append(("context", value))
    return rule(fields)


def extreme(rnd):
    kind = rnd.choice(["context-nesting", "action-nesting", "regex-nesting", "huge-value", "continuation",
                       "huge-number", "many-rules", "crlf-rule", "nul-value", "unbalanced-nesting",
                       "if-nesting", "quantifier"])
    depth = rnd.choice(NESTING)
    if kind == "context-nesting":
        expr = rnd.choice(["(" * depth + "A" + ")" * depth, "!" * depth + "A",
                           " && ".join(["A"] * depth), "(" * depth + "A || B" + ")" * depth])
        text = rule([("type", "Single"), ("ptype", "SubStr"), ("pattern", "x"), ("context", expr),
                     ("desc", "d"), ("action", "none")])
    elif kind == "action-nesting":
        body = "(" * depth + "write - x" + ")" * depth
        text = rule([("type", "Single"), ("ptype", "SubStr"), ("pattern", "x"), ("desc", "d"), ("action", body)])
    elif kind == "if-nesting":
        body = "if %a ( " * depth + "none" + " )" * depth
        text = rule([("type", "Single"), ("ptype", "SubStr"), ("pattern", "x"), ("desc", "d"), ("action", body)])
    elif kind == "regex-nesting":
        pat = rnd.choice(["(" * depth + "a" + ")" * depth, "(?:" * depth + "a" + ")" * depth,
                          "[a]" * depth, "a|" * depth + "b", "(a" * depth + ")" * depth])
        text = rule([("type", "Single"), ("ptype", "RegExp"), ("pattern", pat), ("desc", "d"), ("action", "none")])
    elif kind == "unbalanced-nesting":
        field = rnd.choice(["context", "action", "pattern"])
        value = "(" * depth + "A" + ")" * (depth - rnd.randint(1, 3))
        text = single_with("RegExp", field, value)
    elif kind == "huge-value":
        field = rnd.choice(["desc", "pattern", "action", "context"])
        size = rnd.choice([100_000, 300_000])
        value = {"desc": "d" * size, "pattern": "a" * size, "action": "write - " + "x" * size,
                 "context": "A" * size}[field]
        text = single_with("SubStr", field, value)
    elif kind == "continuation":
        n = rnd.choice([1000, 10000, 50000])
        text = "type=Single\nptype=SubStr\npattern=x\ndesc=d\naction=write - a" + " \\\n b" * n + "\n"
    elif kind == "huge-number":
        n = rnd.choice(HUGE)
        field = rnd.choice(["window", "thresh", "thresh2", "window2", "create", "event", "setctime", "setwpos",
                            "setltime", "set", "cleantime", "tvalue-window"])
        if field in ("create", "event", "setctime", "setwpos", "setltime", "set"):
            action = {"create": f"create X {n}", "event": f"event {n} E", "setctime": f"create X; setctime {n} X",
                      "setwpos": f"setwpos {n} KEY", "setltime": f"create X; setltime X {n}",
                      "set": f"create X; set X {n}"}[field]
            text = rule([("type", "Single"), ("ptype", "SubStr"), ("pattern", "x"), ("desc", "d"), ("action", action)])
        else:
            base = [("type", "SingleWith2Thresholds"), ("ptype", "SubStr"), ("pattern", "x"), ("desc", "d"),
                    ("action", "none"), ("window", "60"), ("thresh", "3"), ("desc2", "d2"), ("action2", "none"),
                    ("window2", "60"), ("thresh2", "1")]
            key = field if field in ("window", "thresh", "thresh2", "window2") else "window"
            text = rule([(k, n if k == key else v) for k, v in base])
    elif kind == "many-rules":
        n = rnd.choice([2000, 10000])
        text = "".join(rule([("type", "Single"), ("ptype", "RegExp"), ("pattern", f"event{i} (\\S+)"),
                             ("desc", f"e{i} $1"), ("action", f"create C{i}_$1 60")]) for i in range(n))
    elif kind == "crlf-rule":
        text = rule([("type", "Single"), ("ptype", "RegExp"), ("pattern", "a(b)"), ("desc", "d $1"),
                     ("action", "write - x")]).replace("\n", "\r\n")
    elif kind == "nul-value":
        text = rule([("type", "Single"), ("ptype", rnd.choice(["SubStr", "RegExp"])), ("pattern", "a\x00b"),
                     ("desc", "d\x00"), ("action", "write - \x00")])
    else:  # quantifier
        q = rnd.choice(["a{65534}", "a{65535}", "a{1,65535}", "a{99999999999}", "a{2,1}", "(?:a{1000}){1000}"])
        text = rule([("type", "Single"), ("ptype", "RegExp"), ("pattern", q), ("desc", "d"), ("action", "none")])
    return text.encode("latin-1"), "extreme:" + kind


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("corpus")
    ap.add_argument("out")
    args = ap.parse_args()
    files = corpus_files(args.corpus)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "fuzz-index.tsv"), "w") as index:
        for n in range(args.count):
            rnd = random.Random(f"{args.seed}:{n}")
            choice = rnd.random()
            if choice < 0.15:
                data, how = extreme(rnd)
                source = "-"
            else:
                source, base = rnd.choice(files)
                data, how = byte_mutation(rnd, base) if choice < 0.55 else line_mutation(rnd, base)
            name = f"fuzz-{n:05d}.sec"
            with open(os.path.join(args.out, name), "wb") as f:
                f.write(data)
            index.write(f"{name}\t{source}\t{how}\n")


if __name__ == "__main__":
    main()
