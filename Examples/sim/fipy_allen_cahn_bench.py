"""FiPy's time per step for the Allen–Cahn problem of `glovebox sim bench allen-cahn`, side by side.

Same equation and grid as Glovebox's benchmark: dη/dt = ∇²η − 2η(1−η)(1−2η) on a periodic
N × N grid with dx = 1, Δt = 0.1, random start around ½. FiPy discretises with finite volumes
and solves the implicit diffusion with its default linear solver (PCG for this symmetric system)
each step (PCG, named explicitly so the comparison does not depend on FiPy's default, which
with the SciPy backend is a direct LU solve). Prints one JSON line: {"tool": "fipy", "grid": N, "ms_per_step": …}.
Run with the venv that has FiPy: /work/venv-pf/bin/python fipy_allen_cahn_bench.py 256
"""
import json
import sys
import time

import numpy as np
from fipy import CellVariable, DiffusionTerm, LinearPCGSolver, PeriodicGrid2D, TransientTerm

n = int(sys.argv[1]) if len(sys.argv) > 1 else 256
steps = int(sys.argv[2]) if len(sys.argv) > 2 else 20
mesh = PeriodicGrid2D(nx=n, ny=n, dx=1.0, dy=1.0)
rng = np.random.default_rng(1)
eta = CellVariable(mesh=mesh, value=0.5 + 0.05 * (rng.random(n * n) - 0.5))
equation = TransientTerm() == DiffusionTerm(coeff=1.0) - 2 * eta * (1 - eta) * (1 - 2 * eta)
solver = LinearPCGSolver(tolerance=1e-10, iterations=1000)
equation.solve(var=eta, dt=0.1, solver=solver)  # warm-up (matrix assembly paths, imports)
start = time.perf_counter()
for _ in range(steps):
    equation.solve(var=eta, dt=0.1, solver=solver)
elapsed = time.perf_counter() - start
print(json.dumps({"tool": "fipy", "grid": n, "steps": steps, "ms_per_step": 1e3 * elapsed / steps}))
