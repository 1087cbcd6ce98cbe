# One PyTorch SDPA forward per backend and head dimension (B=4, H=32, N=16k, FP16, non-causal),
# for Nsight Compute: which kernel each backend launches and its launch shape.
import sys
import torch
import torch.nn.functional as F
from torch.nn.attention import SDPBackend, sdpa_kernel

backend = {"cudnn": SDPBackend.CUDNN_ATTENTION, "flash": SDPBackend.FLASH_ATTENTION}[sys.argv[1]]
d = int(sys.argv[2])
q, k, v = (torch.randn(4, 32, 16384, d, device="cuda", dtype=torch.half) for _ in range(3))
with sdpa_kernel(backend):
    for _ in range(2):  # the first call may pick or build the kernel; ncu profiles the last
        F.scaled_dot_product_attention(q, k, v)
torch.cuda.synchronize()
print(torch.__version__, torch.backends.cudnn.version(), torch.cuda.get_device_name())
