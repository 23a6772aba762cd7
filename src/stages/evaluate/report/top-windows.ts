// The highest-scoring test windows for report.html, with their lines' text, scores, true
// classes and the model's predictions; line text comes from the caller (the TFRecord reader).
import type { SplitScores } from '../../../io/scores-file.js';
import type { ThresholdSet } from '../thresholds.js';

export interface LineText {
  readonly source: string;
  readonly line: number;
  readonly text: string;
}

export type LineTextLookup = (indices: number[]) => Promise<Map<number, LineText>>;

export interface ShownLine {
  readonly index: number;
  readonly where: string;
  readonly text: string;
  readonly score: number | null;
  readonly trueClasses: string[];
  readonly flagged: boolean;
}

export interface ShownWindow {
  readonly rank: number;
  readonly score: number;
  readonly entity: string;
  readonly trueClasses: string[];
  readonly predictedClasses: string[];
  readonly predictedAnomalous: boolean;
  readonly lines: ShownLine[];
  /** Lines of the window not shown (window longer than max_lines_per_window). */
  readonly hiddenLines: number;
}

/** Window positions by decreasing score (ties: earlier window first), at most `count`. */
export function topWindowPositions(scores: readonly number[], count: number): number[] {
  return Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a] || a - b).slice(0, count);
}

export async function topWindows(test: SplitScores, thresholds: ThresholdSet, o: { count: number; maxLines: number; lineText: LineTextLookup }): Promise<ShownWindow[]> {
  const { windows, lines, classes } = test;
  const positions = topWindowPositions(windows.score, o.count);
  const lineAt = new Map<number, number>();
  lines.index.forEach((corpusIndex, position) => lineAt.set(corpusIndex, position));
  const ranges = positions.map((p) => {
    const length = Math.max(0, windows.end[p] - windows.start[p]);
    return { p, shown: Array.from({ length: Math.min(length, o.maxLines) }, (_, k) => windows.start[p] + k), hidden: Math.max(0, length - o.maxLines) };
  });
  const wanted = [...new Set(ranges.flatMap((r) => r.shown))].sort((a, b) => a - b);
  const texts = wanted.length > 0 ? await o.lineText(wanted) : new Map<number, LineText>();
  const names = (ids: readonly number[]) => ids.map((id) => classes[id] ?? `class ${id}`);
  return ranges.map(({ p, shown, hidden }, rank) => ({
    rank: rank + 1,
    score: windows.score[p],
    entity: windows.entity[p],
    trueClasses: names(windows.labels[p]),
    predictedClasses: classes.filter((_, c) => windows.class_scores[p][c] >= thresholds.classes[c]),
    predictedAnomalous: windows.score[p] >= thresholds.window,
    hiddenLines: hidden,
    lines: shown.map((index) => {
      const position = lineAt.get(index);
      const text = texts.get(index);
      const score = position === undefined ? null : lines.score[position];
      return {
        index,
        where: text ? `${text.source}:${text.line}` : `#${index}`,
        text: text?.text ?? '(line text unavailable)',
        score,
        trueClasses: position === undefined ? [] : names(lines.labels[position]),
        flagged: score !== null && score >= thresholds.line,
      };
    }),
  }));
}
