// The report's answer in one sentence: which embedder does best on the test split, and what its
// figures mean in windows caught and false alarms. When every model is supervised they are ranked
// by macro F1 over their classes, the figure their training aims at; otherwise by window F1, the
// figure the summary table shows for all of them. Ties go to the higher AUC-ROC.
import type { EmbedderEvaluation } from '../evaluate-embedder.js';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** One sentence on the best embedder; null when nothing was evaluated. */
export function verdict(evaluations: readonly EmbedderEvaluation[]): string | null {
  const byClasses = evaluations.every((e) => e.mode === 'supervised');
  const score = (e: EmbedderEvaluation) => (byClasses ? e.window.macro.f1 : e.window.binary.f1) ?? -1;
  const best = [...evaluations].sort((a, b) => score(b) - score(a) || (b.window.binary.auc_roc ?? 0) - (a.window.binary.auc_roc ?? 0))[0];
  if (!best) return null;
  const b = best.window.binary;
  if (b.support === 0) return `The test split holds no anomalous window, so no embedder can be ranked on it.`;
  const figure = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));
  const classes = best.mode === 'supervised' ? `macro F1 over classes ${figure(best.window.macro.f1)}, ` : '';
  const who = evaluations.length > 1 ? `Best on the test split: ${best.embedder}` : `On the test split, ${best.embedder}`;
  const caught = `${b.confusion.tp} of the ${plural(b.support, 'anomalous window')}`;
  const alarms = `${plural(b.confusion.fp, 'false alarm')} among ${plural(b.confusion.fp + b.confusion.tn, 'normal window')}`;
  return `${who} (${classes}window F1 ${figure(b.f1)}, AUC-ROC ${figure(b.auc_roc)}) flags ${caught}, with ${alarms}.`;
}
