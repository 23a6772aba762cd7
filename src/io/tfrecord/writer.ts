// Writes TFRecord shards: buffered appends, rotation every N records, shards named
// lines-SSSSS-of-NNNNN.tfrecord once the count is known, and resume after a crash from a saved state.
import fs from 'node:fs';
import path from 'node:path';
import { FRAME_OVERHEAD, writeFrame } from './framing.js';

export interface ShardedWriterState {
  readonly shard: number;
  readonly recordsInShard: number;
  readonly bytesInShard: number;
  readonly totalRecords: number;
  readonly recordsPerShard: number;
}

const BUFFER_BYTES = 1 << 20;
const pad = (n: number) => String(n).padStart(5, '0');
const partialName = (shard: number) => `lines-${pad(shard)}.tfrecord.partial`;
export const shardName = (shard: number, count: number) => `lines-${pad(shard)}-of-${pad(count)}.tfrecord`;

export class ShardedWriter {
  private fd: number;
  private buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private shard: number;
  private recordsInShard: number;
  private bytesInShard: number;
  private total: number;

  constructor(
    private readonly dir: string,
    private readonly recordsPerShard: number,
    from: ShardedWriterState | null = null,
  ) {
    fs.mkdirSync(dir, { recursive: true });
    this.shard = from?.shard ?? 0;
    this.recordsInShard = from?.recordsInShard ?? 0;
    this.bytesInShard = from?.bytesInShard ?? 0;
    this.total = from?.totalRecords ?? 0;
    this.fd = fs.openSync(this.partialPath(this.shard), from ? 'r+' : 'w');
  }

  /** Continues from a saved state: bytes written after it are cut off, later shards removed. */
  static resume(dir: string, state: ShardedWriterState): ShardedWriter {
    for (const name of fs.readdirSync(dir)) {
      const match = /^lines-(\d{5})\.tfrecord\.partial$/.exec(name);
      if (match && Number(match[1]) > state.shard) fs.rmSync(path.join(dir, name));
    }
    const current = path.join(dir, partialName(state.shard));
    if (!fs.existsSync(current)) fs.writeFileSync(current, '');
    fs.truncateSync(current, state.bytesInShard);
    return new ShardedWriter(dir, state.recordsPerShard, state);
  }

  get totalRecords(): number {
    return this.total;
  }

  write(data: Uint8Array): void {
    if (this.recordsInShard === this.recordsPerShard) this.rotate();
    const size = data.length + FRAME_OVERHEAD;
    if (this.used + size > this.buffer.length) {
      this.flush();
      if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(size);
    }
    this.used = writeFrame(data, this.buffer, this.used);
    this.recordsInShard++;
    this.total++;
  }

  /** Everything written so far, on disk and synced: the state to resume from. */
  state(): ShardedWriterState {
    this.flush();
    fs.fsyncSync(this.fd);
    return { shard: this.shard, recordsInShard: this.recordsInShard, bytesInShard: this.bytesInShard, totalRecords: this.total, recordsPerShard: this.recordsPerShard };
  }

  /** Closes the last shard and gives every shard its final name; returns their paths in order. */
  finish(): string[] {
    this.state();
    fs.closeSync(this.fd);
    const count = this.shard + 1;
    const finals: string[] = [];
    for (let shard = 0; shard < count; shard++) {
      const target = path.join(this.dir, shardName(shard, count));
      fs.renameSync(this.partialPath(shard), target);
      finals.push(target);
    }
    return finals;
  }

  private partialPath(shard: number): string {
    return path.join(this.dir, partialName(shard));
  }

  private flush(): void {
    let written = 0;
    while (written < this.used) written += fs.writeSync(this.fd, this.buffer, written, this.used - written, this.bytesInShard + written);
    this.bytesInShard += this.used;
    this.used = 0;
  }

  private rotate(): void {
    this.state();
    fs.closeSync(this.fd);
    this.shard++;
    this.recordsInShard = 0;
    this.bytesInShard = 0;
    this.fd = fs.openSync(this.partialPath(this.shard), 'w');
  }
}
