# Shared by bench/train_torch.py and bench/logbert_torch.py: one training step, timed.
import time


def training_step(optimizer, loss_of):
    """A step: gradients of loss_of() and an optimizer update. It returns the loss as a number, and
    reading it back waits for the device, as the tfjs benchmarks do, so GPU steps are timed whole."""
    def step():
        optimizer.zero_grad()
        loss = loss_of()
        loss.backward()
        optimizer.step()
        return loss.item()
    return step


def ms_per_step(step, steps, warmup=3):
    """Runs `step` `warmup` times untimed, then `steps` times; returns the mean ms of the timed ones."""
    for _ in range(warmup):
        step()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    return (time.perf_counter() - start) / steps * 1000
