// The JSON text of a value in pieces of about 64 KB, so a large output is written without building
// its whole text (or whole arrays) in memory. Typed arrays and other iterables (a generator, say)
// are written as arrays; for plain values the text is exactly JSON.stringify's.

const CHUNK_CHARS = 1 << 16;

function* pieces(value: unknown): Generator<string> {
  if (value === null || typeof value !== 'object') {
    yield JSON.stringify(value) ?? 'null';
  } else if (Symbol.iterator in value) {
    yield '[';
    let first = true;
    for (const item of value as Iterable<unknown>) {
      if (!first) yield ',';
      first = false;
      // Numbers inline: long numeric columns are the hot path.
      if (typeof item === 'number') yield JSON.stringify(item);
      else if (item === undefined || typeof item === 'function') yield 'null';
      else yield* pieces(item);
    }
    yield ']';
  } else {
    yield '{';
    let first = true;
    for (const [key, field] of Object.entries(value)) {
      if (field === undefined || typeof field === 'function') continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* pieces(field);
    }
    yield '}';
  }
}

export function* jsonChunks(value: unknown): Generator<string> {
  let buffer = '';
  for (const piece of pieces(value)) {
    buffer += piece;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer;
}
