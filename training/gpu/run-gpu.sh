#!/usr/bin/env bash
# The one command of a GPU session (training/gpu/README.md): trains the model on the carried data
# pack for MINUTES (default 9) and leaves in $OUT (runs/gpu when OUT is unset) last.safetensors,
# best.safetensors, epochs/ (the last five epochs' weights), log.csv, curves.svg, summary.json and
# train.out. When training/gpu/data/resume.safetensors is there (the last.safetensors of an earlier
# call), the run continues from it. Further arguments go to train.py (e.g. --model reference, --batch 16).
#   bash training/gpu/run-gpu.sh 9
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MINUTES="${1:-9}"
[ $# -gt 0 ] && shift
DEST="${OUT:-$HERE/runs/gpu}"
PACK="$HERE/data/pack.npz"
if [ ! -f "$PACK" ]; then
  echo "run-gpu.sh: $PACK is missing: write it here with ./inkmath export-data and carry training/gpu/data" >&2
  exit 3
fi
CONTINUE=()
if [ -f "$HERE/data/resume.safetensors" ]; then
  CONTINUE=(--resume "$HERE/data/resume.safetensors")
fi
mkdir -p "$DEST"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null || echo "run-gpu.sh: no nvidia-smi"
export PYTHONUNBUFFERED=1
# weights in float16 keep each file under the device's 16 MiB limit on returned files
"${PYTHON:-python3}" "$HERE/train.py" --pack "$PACK" --out "$DEST" --minutes "$MINUTES" --batch 32 --weights-dtype F16 \
  "${CONTINUE[@]}" "$@" 2>&1 | tee "$DEST/train.out"
