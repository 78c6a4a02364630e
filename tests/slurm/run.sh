#!/usr/bin/env bash
# Shards on a real Slurm: starts a single-node cluster from Debian's packages (slurm-wlm,
# munge) on this machine, submits deploy/slurm/schuilnaam-array.sbatch as a 4-task array over
# a few hundred generated rulings with --style keyed and the model, merges the shards with
# deploy/slurm/schuilnaam-summary.sbatch as a dependent job, and checks that
#   * the union of the shard outputs and logs is byte-identical to one single-machine run,
#   * every keyed code names the same original on every shard (and some originals do recur
#     across shards, so the check means something),
#   * the merged summary adds up to the single run's counts.
# The cluster (slurmctld, slurmd, and munged when this script started it) is torn down at the
# end, also on failure. Run by .ci/run; needs root or sudo for the packages and the daemons.
#
# Usage: tests/slurm/run.sh [DOCS]   (default 300 rulings of about 3 KB)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DOCS=${1:-300}
SHARDS=4
BIN="$ROOT/target/release/schuilnaam"

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  echo "== installing slurm-wlm and munge from Debian's packages"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq slurm-wlm munge >/dev/null
fi
[ -x "$BIN" ] || cargo build --release

work=$(mktemp -d /tmp/schuilnaam-slurm.XXXXXX)
chmod 755 "$work"
started_munge=""
cleanup() {
  set +e
  if [ -n "${SLURM_CONF:-}" ]; then
    scancel --quiet --user "$(id -un)" 2>/dev/null
  fi
  for daemon in slurmd slurmctld; do
    if [ -f "$work/$daemon.pid" ]; then
      $SUDO kill "$(cat "$work/$daemon.pid")" 2>/dev/null
    fi
  done
  sleep 1
  if [ -n "$started_munge" ] && [ -f /run/munge/munged.pid ]; then
    $SUDO kill "$(cat /run/munge/munged.pid)" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== munge"
if ! munge -n </dev/null >/dev/null 2>&1; then
  if [ ! -f /etc/munge/munge.key ]; then
    $SUDO mungekey --create --keyfile /etc/munge/munge.key
    $SUDO chown munge:munge /etc/munge/munge.key
    $SUDO chmod 0400 /etc/munge/munge.key
  fi
  $SUDO mkdir -p /run/munge /var/log/munge /var/lib/munge
  $SUDO chown munge:munge /run/munge /var/log/munge /var/lib/munge
  $SUDO runuser -u munge -- /usr/sbin/munged
  started_munge=yes
fi
munge -n </dev/null | unmunge >/dev/null

echo "== slurm: a single-node cluster in $work"
node=$(hostname -s)
cpus=$(nproc)
mkdir -p "$work/state" "$work/spool"
cat >"$work/slurm.conf" <<CONF
ClusterName=schuilnaam-test
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
SlurmctldPort=16817
SlurmdPort=16818
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=2000 State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
$SUDO env SLURM_CONF="$SLURM_CONF" slurmctld -f "$SLURM_CONF"
$SUDO env SLURM_CONF="$SLURM_CONF" slurmd -f "$SLURM_CONF"
for _ in $(seq 1 30); do
  if sinfo --noheader --states=idle --format=%N 2>/dev/null | grep -q .; then break; fi
  sleep 1
done
sinfo --noheader --states=idle --format=%N | grep -q . || {
  echo "the node did not come up" >&2
  sinfo >&2 || true
  tail -20 "$work/slurmctld.log" "$work/slurmd.log" >&2
  exit 1
}
sinfo

echo "== $DOCS generated rulings, one single-machine run"
"$BIN" bench --docs "$DOCS" --size 3 --seed 7 --emit "$work/corpus" >/dev/null
head -c 32 /dev/urandom | base64 >"$work/key"
chmod 600 "$work/key"
options=(--style keyed --key-file "$work/key")
single_start=$(date +%s.%N)
"$BIN" run "$work/corpus" --out "$work/single" "${options[@]}" --progress none
single_s=$(echo "$(date +%s.%N) - $single_start" | bc)

echo "== a $SHARDS-task array, then the merge as a dependent job"
cd "$work"
array_start=$(date +%s.%N)
job=$(SCHUILNAAM="$BIN" sbatch --parsable --array=0-$((SHARDS - 1)) \
  "$ROOT/deploy/slurm/schuilnaam-array.sbatch" "$work/corpus" "$work/sharded" "${options[@]}")
job=${job%%;*}
SCHUILNAAM="$BIN" sbatch --wait --quiet --dependency=afterany:"$job" \
  "$ROOT/deploy/slurm/schuilnaam-summary.sbatch" "$work/sharded" "$SHARDS"
array_s=$(echo "$(date +%s.%N) - $array_start" | bc)
cd "$ROOT"
for index in $(seq 0 $((SHARDS - 1))); do
  state=$(sacct -n -X -j "${job}_$index" -o State 2>/dev/null | tr -d ' ' || true)
  lines=$(grep -c '^{"bytes"' "$work/slurm-${job}_$index.out" || true)
  echo "task $index: ${state:-done}, $lines progress lines"
  [ "$lines" -gt 0 ] || {
    cat "$work/slurm-${job}_$index.out" >&2
    exit 1
  }
done

echo "== checks"
python3 - "$work" "$SHARDS" <<'PY'
import json, os, sys
from collections import defaultdict

work, shards = sys.argv[1], int(sys.argv[2])

def files(root):
    found = {}
    for base, _, names in os.walk(root):
        for name in names:
            path = os.path.join(base, name)
            relative = os.path.relpath(path, root)
            if relative != "summary.json":
                with open(path, "rb") as handle:
                    found[relative] = handle.read()
    return found

single = files(f"{work}/single")
union = {}
# A person's full name (the longest mention of its entity in a document) -> keyed codes over
# all shards, and the shards it is on. Bare surnames are left out: "Verbeek" may be two people.
codes = defaultdict(set)
where = defaultdict(set)
for index in range(shards):
    shard = files(f"{work}/sharded/shard-{index}")
    doubled = set(shard) & set(union)
    assert not doubled, f"in two shards: {sorted(doubled)[:3]}"
    union.update(shard)
    for name, data in shard.items():
        if name.endswith(".log.jsonl"):
            entities = defaultdict(list)
            for line in data.decode().splitlines():
                record = json.loads(line)
                if record.get("type") == "substitution" and record["action"] == "replace" \
                        and record["category"] == "person":
                    entities[record["entity"]].append(record)
            for mentions in entities.values():
                full = max((m["original"] for m in mentions), key=len)
                codes[full].update(m["replacement"] for m in mentions)
                where[full].add(index)
assert sorted(union) == sorted(single), \
    f"files differ: {sorted(set(union) ^ set(single))[:5]}"
different = [name for name in single if single[name] != union[name]]
assert not different, f"not byte-identical: {different[:5]}"
print(f"union of {shards} shards = single run: {len(single)} files, byte for byte")

inconsistent = {o: c for o, c in codes.items() if len(c) > 1}
assert not inconsistent, f"one name, several codes: {list(inconsistent.items())[:3]}"
across = [o for o, s in where.items() if len(s) > 1]
assert across, "no person name recurs across shards: the keyed check proves nothing"
print(f"keyed codes: {len(codes)} people, {len(across)} of them on several shards, "
      "one code each")

merged = json.load(open(f"{work}/sharded/summary.json"))
alone = json.load(open(f"{work}/single/summary.json"))
for key in ("documents", "succeeded", "failed", "bytes", "replaced", "kept", "run"):
    assert merged[key] == alone[key], f"{key}: merged {merged[key]} != single {alone[key]}"
assert sum(s["documents"] for s in merged["shards"]) == merged["documents"]
assert [s["index"] for s in merged["shards"]] == list(range(shards))
assert len(merged["per_document"]) == alone["documents"]
print(f"merged summary adds up: {merged['documents']} documents, "
      f"{sum(merged['replaced'].values())} substitutions, shards "
      f"{[s['documents'] for s in merged['shards']]}")
PY
printf 'Slurm test passed: %s rulings, %s shards on %s CPUs; single run %.1f s, array + merge %.1f s\n' \
  "$DOCS" "$SHARDS" "$cpus" "$single_s" "$array_s"
