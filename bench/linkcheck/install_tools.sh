#!/usr/bin/env bash
# Install the link checkers we compare with into bench/.tools/ (git-ignored).
# linkinator 6 is the newest that runs on Node 20 (linkinator 7+ needs Node 22's zstd).
set -euo pipefail
cd "$(dirname "$0")/../.tools" 2>/dev/null || { mkdir -p "$(dirname "$0")/../.tools"; cd "$(dirname "$0")/../.tools"; }
npm install --no-audit --no-fund --prefix . linkinator@6 markdown-link-check@3
python3 -m venv linkchecker-venv
linkchecker-venv/bin/pip install -q linkchecker
