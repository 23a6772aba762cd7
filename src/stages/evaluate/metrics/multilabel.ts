// Multi-label helpers: one class's column of a samples x classes table, and sklearn's "micro"
// flattening (every sample-class cell becomes one binary example).

export function column<T>(table: readonly (readonly T[])[], classIndex: number): T[] {
  return table.map((row) => row[classIndex]);
}

/** Row-major flattening, the order numpy's ravel uses for average="micro". */
export function flatten<T>(table: readonly (readonly T[])[]): T[] {
  return table.flatMap((row) => [...row]);
}

/** Class id lists -> one boolean per class, e.g. [[2]] with 3 classes -> [[false, false, true]]. */
export function labelMatrix(labels: readonly (readonly number[])[], classCount: number): boolean[][] {
  return labels.map((ids) => {
    const row = new Array<boolean>(classCount).fill(false);
    for (const id of ids) if (id >= 0 && id < classCount) row[id] = true;
    return row;
  });
}
