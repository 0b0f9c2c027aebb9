#!/usr/bin/env bash
# Install the Debian/Ubuntu packages mock-interview needs, where this machine lets us;
# otherwise say exactly what to run. Usage: scripts/system-packages.sh PACKAGE...
set -u

missing=()
for pkg in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Please install these system packages with your package manager: ${missing[*]}" >&2
  echo "(PortAudio and espeak-ng: for speech in and out.)" >&2
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run=(sudo)
else
  echo "" >&2
  echo "mock-interview needs these system packages: ${missing[*]}" >&2
  echo "Install them with:" >&2
  echo "    sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  echo "then run make again." >&2
  exit 1
fi

echo "Installing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists only when they are missing or a package cannot be found.
if ! "${run[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
  "${run[@]}" apt-get update -q >/dev/null && \
    "${run[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" || {
      echo "Could not install: ${missing[*]}. Run: sudo apt-get install -y ${missing[*]}" >&2
      exit 1
    }
fi
