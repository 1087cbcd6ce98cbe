#!/usr/bin/env python3
"""Forwards to the single source, src/main/resources/scripts/torch_sdpa_bench.py (the jar carries
that file and dev.attnbench.bench.PythonPeer runs it), so the script can be run from a checkout:

    python3 scripts/torch_sdpa_bench.py --seq-len 1024,4096 --head-dim 64,128 --out torch.csv
"""

import pathlib
import runpy

runpy.run_path(
    str(pathlib.Path(__file__).resolve().parent.parent
        / "src/main/resources/scripts/torch_sdpa_bench.py"),
    run_name="__main__")
