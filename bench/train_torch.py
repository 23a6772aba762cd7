#!/usr/bin/python3
# The anomaly transformer's training step in PyTorch, same shape as bench/train.ts: d_model 64,
# 2 pre-norm layers, 4 heads, ff 128, windows of 32 lines of 300-dim vectors + a [CLS] slot, batch 32,
# masked-line cross-entropy over 100 templates, Adam. Prints ms per step and windows/s.
# Run with Debian's /usr/bin/python3 (python3-torch), or on a GPU with a CUDA build of PyTorch.
# Usage: train_torch.py [steps] [threads] [device: cpu or cuda] [batch sizes, comma-separated]
import sys
import torch
from torch import nn
from torch_timing import ms_per_step, training_step

steps = int(sys.argv[1]) if len(sys.argv) > 1 else 20
torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
device = sys.argv[3] if len(sys.argv) > 3 else "cpu"
batches = [int(b) for b in (sys.argv[4] if len(sys.argv) > 4 else "32").split(",")]
T, D, H, L, V, FF = 32, 300, 64, 2, 100, 128

class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(D, H)
        self.mask = nn.Parameter(torch.zeros(D))
        self.cls = nn.Parameter(torch.zeros(1, 1, H))
        self.pos = nn.Parameter(torch.zeros(1, T + 1, H))
        layer = nn.TransformerEncoderLayer(H, 4, FF, dropout=0.0, batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, L)
        self.norm = nn.LayerNorm(H)
        self.head = nn.Linear(H, V)

    def forward(self, x, masked):
        x = torch.where(masked.unsqueeze(-1), self.mask, x)
        h = torch.cat([self.cls.expand(x.shape[0], -1, -1), self.proj(x)], 1) + self.pos
        # The head reads only the masked lines, as the tfjs model does: no other line's logits count.
        return self.head(self.norm(self.encoder(h))[:, 1:][masked])

def ms_at_batch(B):
    torch.manual_seed(1)
    model = Model().to(device)
    optimizer = torch.optim.Adam(model.parameters(), 0.002)
    x = torch.rand(B, T, D, device=device) - 0.5
    masked = torch.rand(B, T, device=device) < 0.3
    target = torch.randint(0, V, (B, T), device=device)
    step = training_step(optimizer, lambda: nn.functional.cross_entropy(model(x, masked), target[masked]))
    return ms_per_step(step, steps)

where = torch.cuda.get_device_name() if device == "cuda" else f"{torch.get_num_threads()} thread(s)"
for B in batches:
    ms = ms_at_batch(B)
    print(f"| PyTorch {torch.__version__} ({where}), batch {B} | {ms:.1f} | {B * 1000 / ms:.0f} |")
