#!/bin/bash
# One README command in the fresh root, for scripts/check-fresh.sh. Runs
# inside `unshare -m` (a private mount namespace): every mount made here
# disappears with the namespace, however the command ends.
#
#   fresh-root-run.sh ROOT DEBS MODE COMMAND LOG TIMEOUT [EXPECT]
#
# MODE "test": run COMMAND to its end; exit with its status.
# MODE "simulate": COMMAND boots a system that never powers off: wait until
#   every line of EXPECT (regular expressions, in order) has appeared in LOG,
#   then stop it; exit 0 if they all did, 1 otherwise.
# DEBS is mounted on the root's apt archive directory so that packages are
# downloaded once per machine. TIMEOUT is in seconds.
set -euo pipefail

root=$1 debs=$2 mode=$3 command=$4 log=$5 timeout=$6 expect=${7:-}

# Nothing mounted here may reach the machine's own mount table.
mount --make-rprivate /
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount --bind "$debs" "$root/var/cache/apt/archives"

# A new user's login shell: root, in the clone, nothing inherited.
run_in_root() {
    chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        /bin/bash -c "cd /root/minikit && $command"
}
export root command
export -f run_in_root

if [ "$mode" = test ]; then
    timeout --kill-after=10 "$timeout" bash -c run_in_root </dev/null >"$log" 2>&1
    exit
fi

# simulate: its own process group, so that QEMU goes with it.
setsid bash -c run_in_root </dev/null >"$log" 2>&1 &
pid=$!
deadline=$(( $(date +%s) + timeout ))
seen() {
    python3 - "$expect" "$log" <<'EOF'
import re, sys
pats = [p for p in open(sys.argv[1]).read().splitlines() if p]
i = 0
for line in open(sys.argv[2], errors="replace"):
    line = line.rstrip("\r\n")
    if i < len(pats) and re.search(pats[i], line):
        i += 1
sys.exit(0 if i == len(pats) else 1)
EOF
}
status=1
while kill -0 "$pid" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ]; do
    if seen; then status=0; break; fi
    sleep 2
done
seen && status=0
kill -TERM -- "-$pid" 2>/dev/null || true
sleep 1
kill -KILL -- "-$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
exit $status
