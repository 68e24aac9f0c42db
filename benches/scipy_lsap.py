"""Times scipy's linear_sum_assignment on a matrix exported by `examples/lsap_matrix.rs`.

Usage: python3 benches/scipy_lsap.py MATRIX.f64 ROWS COLS
Prints scipy's kernel time and optimal value, to compare with trappa's on the same matrix.
"""
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment

path, rows, cols = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
cost = np.fromfile(path, dtype="<f8").reshape(rows, cols)
t = time.perf_counter()
r, c = linear_sum_assignment(cost)
secs = time.perf_counter() - t
print(f"rows {rows} cols {cols} scipy_seconds {secs:.3f} optimum {cost[r, c].sum():.1f}")
