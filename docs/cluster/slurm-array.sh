#!/bin/bash
# A sweep of `sharpness verify` as a Slurm job array: 16 shards, then one merge once all have finished.
#   mkdir -p shards && sbatch docs/cluster/slurm-array.sh     (Slurm does not create the --output directory)
# Each task runs shard k of n with k from SLURM_ARRAY_TASK_ID (counted from SLURM_ARRAY_TASK_MIN, so --array=0-15 and
# --array=1-16 both work) and n from SLURM_ARRAY_TASK_COUNT. Every task must use the same --cases and --seed.
#SBATCH --job-name=sharpness-verify
#SBATCH --array=1-16
#SBATCH --cpus-per-task=1
#SBATCH --time=01:00:00
#SBATCH --output=shards/%x-%a.log
set -euo pipefail

CASES=${CASES:-2000}
SEED=${SEED:-"(20261123,11400714819323198485)"}
mkdir -p shards

# `sharpness` installed as a .NET tool (see the README); `dotnet run --project src/Sharpness.Cli -c Release --` works too.
# Exit 1 means a case or certificate failed: the shard's report still holds it, and the merge shows it.
sharpness verify --cases "$CASES" --seed "$SEED" --shard auto --json "shards/shard-${SLURM_ARRAY_TASK_ID}.json" || [ $? -eq 1 ]

# The merge, as a job that starts when every task of this array has ended:
#   sbatch --dependency=afterany:<array job id> --wrap \
#     'sharpness merge shards/shard-*.json --json report.json --markdown report.md --latex report.tex'
