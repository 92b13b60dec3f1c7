#!/bin/bash -eu
# Builds the fuzz targets the OSS-Fuzz / ClusterFuzzLite way: compiler and flags from $CXX and
# $CXXFLAGS, the engine from $LIB_FUZZING_ENGINE; into $OUT go the target binaries (named after
# their corpus: $OUT/request_round_trip, ...), their seed corpora ($OUT/<target>_seed_corpus.zip)
# and the non-system shared libraries they load ($OUT/lib, found through an $ORIGIN rpath, since
# the runner image has only the system's). Intermediate files go to $WORK.
src_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
: "${CXX:?set CXX (clang++)}" "${OUT:?set OUT}" "${LIB_FUZZING_ENGINE:?set LIB_FUZZING_ENGINE}"
WORK=${WORK:-$OUT/../work}
mkdir -p "$OUT/lib" "$WORK"

# The C++ libraries from the distribution (RE2, cpp-httplib) are libstdc++ builds, so OSS-Fuzz's
# default -stdlib=libc++ cannot link against them.
cxxflags=${CXXFLAGS:-}
cxxflags=${cxxflags//-stdlib=libc++/}

generator="Unix Makefiles"
command -v ninja >/dev/null && generator=Ninja
build="$WORK/ecrc-fuzz-build"
# Build type None: the flags are exactly $CXXFLAGS (OSS-Fuzz chooses optimisation and debug info).
cmake -S "$src_root" -B "$build" -G "$generator" -DCMAKE_BUILD_TYPE=None \
  -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_CXX_FLAGS="$cxxflags" -DECRC_FUZZ_ENGINE="$LIB_FUZZING_ENGINE" >/dev/null
# Only the fuzz targets and the libraries they link.
cmake --build "$build" --target fuzz_targets -- -j"${ECRC_BUILD_JOBS:-$(nproc)}"

zip_flat() {  # zip_flat ARCHIVE FILE...: the files at the archive's top level
  local archive=$1; shift
  rm -f "$archive"
  if command -v zip >/dev/null; then
    zip -q -j "$archive" "$@"
  else
    python3 -m zipfile -c "$archive" "$@"
  fi
}

for source in "$src_root"/fuzz/fuzz_*.cc; do
  name=$(basename "$source" .cc)
  target=${name#fuzz_}
  cp "$build/fuzz/$name" "$OUT/$target"
  mapfile -t seeds < <(find "$src_root/corpus/$target" "$src_root/corpus/$target/regressions" -maxdepth 1 -type f \
                         ! -name 'README*' 2>/dev/null | sort)
  if [ ${#seeds[@]} -gt 0 ]; then zip_flat "$OUT/${target}_seed_corpus.zip" "${seeds[@]}"; fi
  # Shared libraries outside the C and C++ runtimes travel with the binaries.
  ldd "$OUT/$target" | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | while read -r lib; do
    [ "$(cd "$(dirname "$lib")" && pwd -P)" = "$(cd "$OUT/lib" && pwd -P)" ] && continue  # found through the rpath
    case "$(basename "$lib")" in
      libc.so*|libm.so*|libpthread.so*|libdl.so*|librt.so*|libgcc_s.so*|libstdc++.so*|ld-linux*) ;;
      *) cp -L "$lib" "$OUT/lib/" ;;
    esac
  done
done
