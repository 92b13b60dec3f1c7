#!/usr/bin/env bash
# Where the drivers keep what they install or build (outside the repository), shared by the
# drivers' run scripts and scripts/sdk-drivers. Sourced, not run.

ecrc_driver_cache_root() {
  echo "${ECRC_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ecr-conform}"
}

# Runs "$@" holding an exclusive lock on $1's folder, so two drivers started at once do not
# install or build into the same place together. $1 is the folder; the command follows it.
ecrc_with_lock() {
  local dir=$1
  shift
  mkdir -p "$dir"
  (
    flock 9
    "$@"
  ) 9>"$dir/.lock"
}
