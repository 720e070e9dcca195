#!/usr/bin/env bash
# Runs inside a private mount namespace (see LibsslFreeRunTests). Arguments: dotnet, mtls.dll, probe assembly,
# then the directories to search, then "--", then one mtls command line per argument (words split on spaces).
set -u
dotnet=$1 mtls=$2 probe=$3
shift 3
dirs=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do dirs+=("$1"); shift; done
shift

masked=0
for dir in "${dirs[@]}"; do
  [ -d "$dir" ] || continue
  while IFS= read -r -d '' file; do
    if ! mount --bind /dev/null "$file"; then
      echo "guard: cannot bind-mount /dev/null over $file"
      exit 90
    fi
    echo "guard: masked $file"
    masked=$((masked + 1))
  done < <(find "$dir" \( -name 'libssl.so*' -o -name 'libcrypto.so*' \) \( -type f -o -type l \) -print0 2>/dev/null)
done
if [ "$masked" -eq 0 ]; then
  echo "guard: no libssl/libcrypto found to mask (nothing could load it anyway)"
fi

# Proof 1: the openssl binary, which links libcrypto, can no longer start.
if command -v openssl >/dev/null 2>&1; then
  if out=$(openssl version 2>&1); then
    echo "guard: SABOTAGE FAILED: openssl still runs: $out"
    exit 91
  fi
  echo "proof: openssl version fails: $(head -n 1 <<<"$out")"
fi

# Proof 2: the same dotnet, with a startup hook that calls RandomNumberGenerator, now dies.
if [ "$masked" -gt 0 ]; then
  if out=$(DOTNET_STARTUP_HOOKS="$probe" MTLS_GUARD_PROBE=RandomNumberGenerator "$dotnet" "$mtls" version 2>&1); then
    echo "guard: SABOTAGE FAILED: RandomNumberGenerator still works: $out"
    exit 92
  fi
  if ! grep -qi 'libssl\|libcrypto\|openssl' <<<"$out"; then
    echo "guard: the RandomNumberGenerator probe failed for another reason: $out"
    exit 94
  fi
  echo "proof: RandomNumberGenerator aborts the process: $(grep -m 1 -i 'ssl\|crypto' <<<"$out" || head -n 1 <<<"$out")"
fi

# The payload: ManagedTls must work without libssl/libcrypto. A line starting with "&" is a server (mtls s_server):
# it runs in the background, the next line starts once it printed ACCEPT, and it must exit 0 by the end.
background=()
for line in "$@"; do
  if [ "${line:0:1}" = "&" ]; then
    line=${line:1}
    read -r -a words <<<"$line"
    log=$(mktemp)
    echo "\$ mtls $line &"
    "$dotnet" "$mtls" "${words[@]}" >"$log" 2>&1 </dev/null &
    background+=("$!:$log:$line")
    for _ in $(seq 1 150); do
      grep -q '^ACCEPT' "$log" && break
      sleep 0.1
    done
    if ! grep -q '^ACCEPT' "$log"; then
      cat "$log"
      echo "guard: mtls $line never printed ACCEPT"
      exit 95
    fi
    continue
  fi
  read -r -a words <<<"$line"
  echo "\$ mtls $line"
  "$dotnet" "$mtls" "${words[@]}" 2>&1 </dev/null
  code=$?
  if [ "$code" -ne 0 ]; then
    echo "guard: mtls $line exited with $code"
    exit 93
  fi
done
for entry in "${background[@]}"; do
  pid=${entry%%:*} rest=${entry#*:}
  log=${rest%%:*} line=${rest#*:}
  wait "$pid"
  code=$?
  cat "$log"
  if [ "$code" -ne 0 ]; then
    echo "guard: mtls $line (background) exited with $code"
    exit 96
  fi
done
echo "guard: all commands succeeded without libssl/libcrypto"
