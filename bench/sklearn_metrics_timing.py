# Side-by-side timing of scikit-learn's roc_auc_score / average_precision_score on the same kind of
# data as bench/evaluate.ts (10% positives, scores rounded to 1e-4). Debian python3-sklearn:
#   /usr/bin/python3 bench/sklearn_metrics_timing.py 10000 100000
import sys
import time

import numpy as np
from sklearn.metrics import average_precision_score, roc_auc_score

print("| step | size | ms |\n| --- | --- | --- |")
for n in [int(a) for a in sys.argv[1:]] or [10000, 100000]:
    rng = np.random.default_rng(n)
    truth = rng.random(n) < 0.1
    scores = np.round(rng.random(n) + truth * 0.5, 4)
    for name, fn in (("roc_auc_score", roc_auc_score), ("average_precision_score", average_precision_score)):
        started = time.perf_counter()
        fn(truth, scores)
        print(f"| sklearn {name} | {n} scores | {(time.perf_counter() - started) * 1000:.1f} |")
