// The report's answer in one sentence: which embedder does best on the test split, and what its
// figures mean in windows caught and false alarms. Supervised models are ranked by macro F1
// over their classes, the figure their training aims at; unsupervised ones by window F1.
import type { EmbedderEvaluation } from '../evaluate-embedder.js';

function rankingScore(e: EmbedderEvaluation): number {
  return (e.mode === 'supervised' ? e.window.macro.f1 : e.window.binary.f1) ?? -1;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** One sentence on the best embedder; null when nothing was evaluated. */
export function verdict(evaluations: readonly EmbedderEvaluation[]): string | null {
  const best = [...evaluations].sort((a, b) => rankingScore(b) - rankingScore(a) || (b.window.binary.auc_roc ?? 0) - (a.window.binary.auc_roc ?? 0))[0];
  if (!best) return null;
  const b = best.window.binary;
  const figure = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));
  const classes = best.mode === 'supervised' ? `macro F1 over classes ${figure(best.window.macro.f1)}, ` : '';
  const who = evaluations.length > 1 ? `Best on the test split: ${best.embedder}` : `On the test split, ${best.embedder}`;
  const caught = `${b.confusion.tp} of the ${plural(b.support, 'anomalous window')}`;
  const alarms = `${plural(b.confusion.fp, 'false alarm')} among ${b.confusion.fp + b.confusion.tn} normal ones`;
  return `${who} (${classes}window F1 ${figure(b.f1)}, AUC-ROC ${figure(b.auc_roc)}) flags ${caught}, with ${alarms}.`;
}
