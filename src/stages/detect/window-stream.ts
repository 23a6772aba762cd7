// Groups a stream of scored-to-be lines into count windows per entity, as training did:
// `size` lines, a new window every `stride` lines, and a last shorter window for a short tail,
// each with up to `context` lines on either side that the model reads as context only. A window
// is complete once its context after it has arrived (or the stream ends). Only the last
// `size + 2 * context` lines of each entity are kept, so memory stays flat for any input length.

export interface StreamLine<T> {
  readonly entity: string;
  readonly item: T;
}

export interface StreamWindow<T> {
  readonly entity: string;
  /** Index of the first line of this window within its entity's stream (0-based). */
  readonly offset: number;
  readonly items: readonly T[];
  /** Up to `context` lines just before and just after the window. */
  readonly before: readonly T[];
  readonly after: readonly T[];
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
    private readonly context = 0,
  ) {}

  /** Adds a line; returns the window it completes, if any. */
  push(line: StreamLine<T>): StreamWindow<T> | null {
    let buffer = this.buffers.get(line.entity);
    if (!buffer) this.buffers.set(line.entity, (buffer = { items: [], seen: 0, nextStart: 0 }));
    buffer.items.push(line.item);
    buffer.seen++;
    if (buffer.items.length > this.size + 2 * this.context) buffer.items.shift();
    if (buffer.seen - buffer.nextStart < this.size + this.context) return null;
    const window = this.windowAt(line.entity, buffer, buffer.nextStart);
    buffer.nextStart += this.stride;
    return window;
  }

  /**
   * At the end of the stream: the windows still waiting for their context after them, and for each
   * entity whose last lines no window covered yet, a window of its last `size` lines.
   */
  flush(): StreamWindow<T>[] {
    const windows: StreamWindow<T>[] = [];
    for (const [entity, buffer] of this.buffers) {
      for (; buffer.nextStart + this.size <= buffer.seen; buffer.nextStart += this.stride) windows.push(this.windowAt(entity, buffer, buffer.nextStart));
      const covered = buffer.nextStart === 0 ? 0 : buffer.nextStart - this.stride + this.size;
      if (buffer.seen > covered) windows.push(this.windowAt(entity, buffer, Math.max(0, buffer.seen - this.size)));
    }
    this.buffers.clear();
    return windows;
  }

  /** The window whose own lines start at stream index `start`, with the context the buffer holds. */
  private windowAt(entity: string, buffer: EntityBuffer<T>, start: number): StreamWindow<T> {
    const first = buffer.seen - buffer.items.length;
    const end = Math.min(start + this.size, buffer.seen);
    const slice = (from: number, to: number) => buffer.items.slice(from - first, to - first);
    return {
      entity,
      offset: start,
      items: slice(start, end),
      before: slice(Math.max(first, start - this.context), start),
      after: slice(end, Math.min(buffer.seen, end + this.context)),
    };
  }
}
