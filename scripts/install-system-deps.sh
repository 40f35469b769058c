#!/usr/bin/env bash
# Installs the Debian packages that the build, the tests and the workbench need,
# but only those that are missing, so a warm machine pays nothing.
# usage: scripts/install-system-deps.sh [test|gui]   (default: test)
set -euo pipefail

profile=${1:-test}
# xvfb/xauth: a display for UI tests; libgtk-3-0, dbus-x11, at-spi2-core: SWT on GTK;
# imagemagick, xdotool: screenshots and key presses; sec, faketime: the reference engine
# and its virtual clock for golden files; unzip: unpacking the Maven 3.9 distribution;
# python3: the benchmark and fuzz generators, and bin/secwb's quick start (scripts/secwb-cli.py).
packages=(xvfb xauth libgtk-3-0 dbus-x11 at-spi2-core imagemagick xdotool sec libfaketime faketime unzip python3)
if [[ $profile == gui ]]; then
  packages=(libgtk-3-0 dbus-x11 at-spi2-core xvfb xauth imagemagick xdotool unzip python3)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "Installing system packages: ${missing[*]}" >&2
if [[ $(id -u) -ne 0 ]]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
