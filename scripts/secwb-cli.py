#!/usr/bin/env python3
"""Prepares the quick start of bin/secwb from the built product (run by the build, and by
bin/secwb when the product is newer than what it finds).

- The classpath: the bundles org.sec.lang needs (Require-Bundle and Import-Package, optional
  ones included, followed through the product's manifests), not every jar of the product.
- Unsigned copies of them: a signed jar costs a digest check per class, and class-data sharing
  skips signed jars altogether.
- A static class-data-sharing archive of the classes `secwb check` loads, listed by one check
  of the example.

usage: scripts/secwb-cli.py PLUGINS_DIR OUT_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import zipfile

ROOTS = ['org.sec.lang']
SIGNATURE = re.compile(r'META-INF/[^/]+\.(SF|RSA|DSA|EC)$')


def manifest_headers(jar):
    with zipfile.ZipFile(jar) as z:
        try:
            text = z.read('META-INF/MANIFEST.MF').decode('utf-8', 'replace')
        except KeyError:
            return {}
    headers, name = {}, None
    for line in text.replace('\r\n', '\n').split('\n'):
        if line.startswith(' ') and name:
            headers[name] += line[1:]
        elif ':' in line:
            name, value = line.split(':', 1)
            headers[name] = value.strip()
        elif not line:
            break  # the main section ends at the first blank line
    return headers


def clauses(value):
    """The comma-separated clauses of a manifest header (commas inside quotes do not split)."""
    parts, depth, current = [], False, ''
    for ch in value or '':
        if ch == '"':
            depth = not depth
        if ch == ',' and not depth:
            parts.append(current.strip())
            current = ''
        else:
            current += ch
    if current.strip():
        parts.append(current.strip())
    return [(p.split(';')[0].strip(), p) for p in parts]


def bundle_closure(plugins):
    bundles, exporters = {}, {}
    for f in sorted(os.listdir(plugins)):
        if not f.endswith('.jar'):
            continue
        h = manifest_headers(os.path.join(plugins, f))
        name = h.get('Bundle-SymbolicName', '').split(';')[0].strip()
        if not name or 'Fragment-Host' in h:
            continue
        bundles.setdefault(name, (f, h))
        for package, _ in clauses(h.get('Export-Package')):
            exporters.setdefault(package, name)
    needed, todo = [], list(ROOTS)
    while todo:
        name = todo.pop()
        if name in needed or name not in bundles:
            continue
        needed.append(name)
        _, h = bundles[name]
        todo.extend(b for b, _ in clauses(h.get('Require-Bundle')))
        todo.extend(exporters[p] for p, _ in clauses(h.get('Import-Package')) if p in exporters)
    missing = [r for r in ROOTS if r not in bundles]
    if missing:
        sys.exit('secwb-cli: %s is not in %s' % (', '.join(missing), plugins))
    return [bundles[n][0] for n in needed]


def unsigned_copy(src, dst):
    with zipfile.ZipFile(src) as zi:
        if not any(SIGNATURE.match(n) for n in zi.namelist()):
            shutil.copy2(src, dst)
            return
        with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zo:
            for info in zi.infolist():
                if SIGNATURE.match(info.filename):
                    continue
                data = zi.read(info.filename)
                if info.filename == 'META-INF/MANIFEST.MF':  # the per-entry digests go with the signature
                    text = data.decode('utf-8', 'replace').replace('\r\n', '\n')
                    data = (text.split('\n\n')[0].rstrip('\n') + '\n\n').encode('utf-8')
                zo.writestr(info, data)


def main():
    plugins, out = sys.argv[1], sys.argv[2]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    tmp = out + '.tmp'
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(os.path.join(tmp, 'lib'))
    jars = bundle_closure(plugins)
    for j in jars:
        unsigned_copy(os.path.join(plugins, j), os.path.join(tmp, 'lib', j))
    shutil.rmtree(out, ignore_errors=True)
    os.rename(tmp, out)
    paths = [os.path.join(out, 'lib', j) for j in jars]
    example = os.path.join(root, 'examples', 'ssh-login-failures', 'ssh-login-failures.sec')
    # the same GC and JIT flags as bin/secwb's check
    java = ['java', '-XX:TieredStopAtLevel=1', '-XX:CICompilerCount=1', '-XX:+UseSerialGC', '-Xshare:auto', '-Xlog:cds=off', '-Xlog:cds+dynamic=off']
    check = ['org.sec.lang.cli.Secwb', 'check', example]
    # One check tells both which jars it reads (they go first: every resource lookup that
    # misses opens each jar before it) and which classes it loads (the archive's list).
    loaded = os.path.join(out, 'classes-loaded.txt')
    classlist = os.path.join(out, 'classes.list')
    subprocess.run(java + ['-Xshare:off', '-Xlog:class+load=info:file=' + loaded, '-XX:DumpLoadedClassList=' + classlist,
                           '-cp', ':'.join(paths)] + check,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    used = []
    if os.path.exists(loaded):
        for line in open(loaded, encoding='utf-8', errors='replace'):
            m = re.search(r'source: (?:jar:)?file:(\S+?\.jar)', line)
            if m and m.group(1) in paths and m.group(1) not in used:
                used.append(m.group(1))
        os.remove(loaded)
    paths = used + [p for p in paths if p not in used]
    classpath = ':'.join(paths)
    with open(os.path.join(out, 'classpath'), 'w') as f:
        f.write(classpath + '\n')
    # The archive is only used with this very classpath. A static one (the JDK's classes and
    # ours, from the list a check loads): a dynamic archive leaves out classes of class-file
    # versions before 50, and picocli, log4j and ANTLR 3 are such (300 classes read from jars).
    archive = os.path.join(out, 'secwb.jsa')
    if os.path.exists(classlist):
        subprocess.run(java + ['-Xshare:dump', '-XX:SharedClassListFile=' + classlist,
                               '-XX:SharedArchiveFile=' + archive, '-cp', classpath],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.remove(classlist)
    print('secwb-cli: %d bundles in %s%s' % (len(jars), out, '' if os.path.exists(archive) else ' (no class-data archive)'))


if __name__ == '__main__':
    main()
