# One PyTorch SDPA forward per backend, head dimension and N (B=4, H=32, FP16, non-causal), for
# Nsight Compute: python3 sdpa_n.py cudnn 64 1024
import sys
import torch
import torch.nn.functional as F
from torch.nn.attention import SDPBackend, sdpa_kernel

backend = {"cudnn": SDPBackend.CUDNN_ATTENTION, "flash": SDPBackend.FLASH_ATTENTION}[sys.argv[1]]
d, n = int(sys.argv[2]), int(sys.argv[3])
q, k, v = (torch.randn(4, 32, n, d, device="cuda", dtype=torch.half) for _ in range(3))
with sdpa_kernel(backend):
    for _ in range(2):  # the first call may pick or build the kernel; ncu profiles both
        F.scaled_dot_product_attention(q, k, v)
torch.cuda.synchronize()
print(torch.__version__, torch.backends.cudnn.version(), torch.cuda.get_device_name())
