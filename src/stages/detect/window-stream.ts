// Groups a stream of scored-to-be lines into count windows per entity, as training did:
// `size` lines, a new window every `stride` lines, and a last shorter window for a short tail.
// Only the last `size` lines of each entity are kept, so memory stays flat for any input length.

export interface StreamLine<T> {
  readonly entity: string;
  readonly item: T;
}

export interface StreamWindow<T> {
  readonly entity: string;
  /** Index of the first line of this window within its entity's stream (0-based). */
  readonly offset: number;
  readonly items: readonly T[];
}

interface EntityBuffer<T> {
  items: T[];
  /** Lines of this entity seen so far. */
  seen: number;
  /** Stream index at which the next window starts. */
  nextStart: number;
}

export class WindowStream<T> {
  private readonly buffers = new Map<string, EntityBuffer<T>>();

  constructor(
    private readonly size: number,
    private readonly stride: number,
  ) {}

  /** Adds a line; returns the window it completes, if any. */
  push(line: StreamLine<T>): StreamWindow<T> | null {
    let buffer = this.buffers.get(line.entity);
    if (!buffer) this.buffers.set(line.entity, (buffer = { items: [], seen: 0, nextStart: 0 }));
    buffer.items.push(line.item);
    buffer.seen++;
    if (buffer.items.length > this.size) buffer.items.shift();
    if (buffer.seen - buffer.nextStart < this.size) return null;
    const window = { entity: line.entity, offset: buffer.nextStart, items: [...buffer.items] };
    buffer.nextStart += this.stride;
    return window;
  }

  /** The tail windows: for each entity whose last lines no window covered yet, its last `size` lines. */
  flush(): StreamWindow<T>[] {
    const tails: StreamWindow<T>[] = [];
    for (const [entity, buffer] of this.buffers) {
      const covered = buffer.nextStart === 0 ? 0 : buffer.nextStart - this.stride + this.size;
      if (buffer.seen > covered) tails.push({ entity, offset: buffer.seen - buffer.items.length, items: [...buffer.items] });
    }
    this.buffers.clear();
    return tails;
  }
}
