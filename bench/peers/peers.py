"""The peers Sharpness is measured against, on the networks networks.py writes (identical numbers on both sides).

  python3 peers.py numpy  FOLDER   analytic Hessian-vector product in numpy + scipy.sparse.linalg.eigsh
  python3 peers.py torch  FOLDER   PyTorch autograd double-backward HVP + eigsh (what PyHessian and curvlinops do)
  python3 peers.py gemm   N        numpy's n x n matrix product (OpenBLAS), GFLOP/s
  python3 peers.py closed FOLDER   numpy closed form, EXACT eq. 22: 2 lambda_max(sum_i B_i^T B_i (x) A_i A_i^T) by eigsh
                                   on the d_L d_0-dimensional Kronecker sum, X -> sum_i (A_i A_i^T) X (B_i^T B_i)

Each prints one JSON line {"what", "seconds", "cpuSeconds", "lambdaMax", "products"}: the wall and processor seconds of
the eigenvalue computation alone (layers loaded and one small warm-up run done before the clock starts), in float64.
The loss is ||M - W_L ... W_1||_F^2 with M the product (the residual term is computed, as Sharpness's oracle does).
eigsh stops at tol = 1e-11 (ARPACK: ||A x - theta x|| <= tol |theta|), Sharpness's Lanczos default. Identity ends
(A_L = I, B_1 = I) are skipped, not multiplied, on every side. Optional and never needed by CI: Debian's python3-numpy,
python3-scipy, python3-torch and libopenblas0-pthread. bench/run unsets OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE for them.
"""

import json
import sys
import time

import numpy as np
import scipy.sparse.linalg as sla

import networks

TOL = 1e-11


def _mul(a, b):
    """a @ b, where None stands for an identity."""
    if a is None:
        return b
    if b is None:
        return a
    return a @ b


def partial_products(ws):
    """A_k = W_L ... W_(k+1) and B_k = W_(k-1) ... W_1 (k = 1..L, index k-1), None for the identities A_L and B_1."""
    depth = len(ws)
    a = [None] * depth
    b = [None] * depth
    for k in range(depth - 2, -1, -1):
        a[k] = _mul(a[k + 1], ws[k + 1])
    for k in range(1, depth):
        b[k] = _mul(ws[k - 1], b[k - 1])
    return a, b


def numpy_hvp(ws):
    """The Hessian-vector product of ||M - W_L...W_1||^2 at ws (M = the product), analytic, on vec = column-major stacks."""
    depth = len(ws)
    shapes = [w.shape for w in ws]
    sizes = [r * c for r, c in shapes]
    offsets = np.cumsum([0] + sizes)
    a, b = partial_products(ws)
    m = _mul(ws[-1], b[-1])
    r = _mul(ws[-1], b[-1]) - m  # the residual P - M, zero here but computed

    def hvp(v):
        v = np.asarray(v).ravel()
        vs = [v[offsets[i]:offsets[i + 1]].reshape(shapes[i], order="F") for i in range(depth)]
        # dB_k = d(W_(k-1)...W_1), dA_k = d(W_L...W_(k+1)); dP = sum_k A_k V_k B_k.
        db = [None] * depth
        for k in range(1, depth):
            term = _mul(vs[k - 1], b[k - 1])
            db[k] = term if db[k - 1] is None else term + ws[k - 1] @ db[k - 1]
        da = [None] * depth
        for k in range(depth - 2, -1, -1):
            term = _mul(a[k + 1], vs[k + 1])
            da[k] = term if da[k + 1] is None else term + da[k + 1] @ ws[k + 1]
        dp = _mul(vs[-1], b[-1]) if db[-1] is None else _mul(vs[-1], b[-1]) + ws[-1] @ db[-1]
        out = []
        for k in range(depth):
            g = _mul(_mul(None if a[k] is None else a[k].T, dp), None if b[k] is None else b[k].T)
            if da[k] is not None:
                g = g + _mul(da[k].T @ r, None if b[k] is None else b[k].T)
            if db[k] is not None:
                g = g + _mul(None if a[k] is None else a[k].T, r) @ db[k].T
            out.append((2 * g).ravel(order="F"))
        return np.concatenate(out)

    return int(offsets[-1]), hvp


def torch_hvp(ws):
    """The same HVP by double backward through autograd (PyHessian's and curvlinops' way), in float64."""
    import torch

    torch.set_num_threads(2)
    params = [torch.tensor(w, dtype=torch.float64, requires_grad=True) for w in ws]
    with torch.no_grad():
        m = params[0].detach().clone()
        for p in params[1:]:
            m = p.detach() @ m

    def loss():
        prod = params[0]
        for p in params[1:]:
            prod = p @ prod
        return ((m - prod) ** 2).sum()

    grads = torch.autograd.grad(loss(), params, create_graph=True)
    sizes = [p.numel() for p in params]

    def hvp(v):
        v = torch.from_numpy(np.ascontiguousarray(np.asarray(v).ravel()))
        # vec is column-major on the Sharpness side; the eigenvalue does not depend on the coordinate order.
        chunks = [c.reshape(p.shape) for c, p in zip(torch.split(v, sizes), params)]
        hv = torch.autograd.grad(grads, params, grad_outputs=chunks, retain_graph=True)
        return torch.cat([h.reshape(-1) for h in hv]).numpy()

    return sum(sizes), hvp


def closed_form(ws):
    """The operator X -> sum_i (A_i A_i^T) X (B_i^T B_i) on d_L x d_0 matrices (EXACT eq. 22), each factor the cheaper
    way (as Sharpness does): the Gram matrix formed once where d_L <= 2 d_i (d_0 <= 2 d_(i-1)), else through A_i (B_i)."""
    a, b = partial_products(ws)
    d_l, d_0 = ws[-1].shape[0], ws[0].shape[1]
    left = [None if x is None else ("gram", x @ x.T) if d_l <= 2 * x.shape[1] else ("factor", x) for x in a]
    right = [None if x is None else ("gram", x.T @ x) if d_0 <= 2 * x.shape[0] else ("factor", x) for x in b]

    def apply(v):
        x = np.asarray(v).reshape((d_l, d_0), order="F")
        y = np.zeros_like(x)
        for p, q in zip(left, right):
            t = x if p is None else p[1] @ x if p[0] == "gram" else p[1] @ (p[1].T @ x)
            t = t if q is None else t @ q[1] if q[0] == "gram" else (t @ q[1].T) @ q[1]
            y += t
        return y.ravel(order="F")

    return d_l * d_0, apply


def top(dimension, apply):
    """lambda_max of the symmetric operator by eigsh (largest algebraic), with a count of its products."""
    count = [0]

    def counted(v):
        count[0] += 1
        return apply(v)

    if dimension == 1:
        return float(counted(np.ones(1))[0]), count[0]
    op = sla.LinearOperator((dimension, dimension), matvec=counted, dtype=np.float64)
    v0 = np.random.default_rng(12345).uniform(-0.5, 0.5, dimension)
    if dimension <= 2:
        dense = np.column_stack([counted(e) for e in np.eye(dimension)])
        return float(np.linalg.eigvalsh(dense)[-1]), count[0]
    value = sla.eigsh(op, k=1, which="LA", tol=TOL, v0=v0, return_eigenvectors=False)[0]
    return float(value), count[0]


def gemm(n):
    """The best of five n x n float64 products a @ b (OpenBLAS), after a warm-up, in GFLOP/s."""
    rng = np.random.default_rng(2)
    a, b = rng.uniform(-0.5, 0.5, (n, n)), rng.uniform(-0.5, 0.5, (n, n))
    a @ b
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - start)
    return {"what": "gemm-numpy", "n": n, "seconds": best, "gflops": 2 * n ** 3 / best / 1e9}


def run(what, folder):
    ws = networks.read(folder)
    builder = {"numpy": numpy_hvp, "torch": torch_hvp, "closed": closed_form}[what]
    scale = 2 if what == "closed" else 1
    warm = networks.layers([20, 20, 20], 1)
    top(*builder(warm))
    start, cpu = time.perf_counter(), time.process_time()
    dimension, apply = builder(ws)
    value, products = top(dimension, apply)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    return {"what": what, "seconds": seconds, "cpuSeconds": cpu_seconds, "lambdaMax": scale * value, "products": products}


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("numpy", "torch", "closed", "gemm"):
        sys.exit(__doc__)
    print(json.dumps(gemm(int(sys.argv[2])) if sys.argv[1] == "gemm" else run(sys.argv[1], sys.argv[2])))
