#!/usr/bin/env bash
# Runs the benchmarks and prints their figures. Not part of the test pass.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
yarn install --immutable >/dev/null
yarn bench
