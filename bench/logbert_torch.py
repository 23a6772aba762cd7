#!/usr/bin/python3
# LogBERT's MLM training step in PyTorch, same shape as bench/logbert.ts: vocabulary 1000,
# 31 token positions + [CLS], hidden 64, 2 pre-norm layers, 4 heads, ff 128, batch 32, Adam.
# Run with Debian's /usr/bin/python3 (python3-torch). Usage: logbert_torch.py [steps] [threads]
import sys
import torch
from torch import nn
from torch_timing import ms_per_step, training_step

steps = int(sys.argv[1]) if len(sys.argv) > 1 else 20
torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
torch.manual_seed(1)
B, T, V, H, L, FF = 32, 31, 1000, 64, 2, 128

class Bert(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(V, H)
        self.cls = nn.Parameter(torch.zeros(1, 1, H))
        self.pos = nn.Parameter(torch.zeros(1, T + 1, H))
        layer = nn.TransformerEncoderLayer(H, 4, FF, dropout=0.0, batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, L)
        self.norm = nn.LayerNorm(H)
        self.head = nn.Linear(H, V)

    def forward(self, ids, chosen):
        h = torch.cat([self.cls.expand(ids.shape[0], -1, -1), self.embed(ids)], 1) + self.pos
        # The head reads only the chosen positions, as the tfjs model does.
        return self.head(self.norm(self.encoder(h))[:, 1:][chosen])

model = Bert()
optimizer = torch.optim.Adam(model.parameters(), 0.002)
ids = torch.randint(5, V, (B, T))
chosen = torch.rand(B, T) < 0.15

step = training_step(optimizer, lambda: nn.functional.cross_entropy(model(ids, chosen), ids[chosen]))
print(f"| MLM training step, PyTorch {torch.__version__} ({torch.get_num_threads()} thread(s)) | {ms_per_step(step, steps):.0f} ms |")
