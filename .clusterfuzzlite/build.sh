#!/bin/bash -eu
# ClusterFuzzLite's build entry point: the project's OSS-Fuzz-style script does the work.
exec "$SRC/ecr-conform/fuzz/build.sh"
