// The evaluation stage: reads each embedder's validation/test scores from models/{type}/, reports
// the embedders never trained, and writes results/{type}/ through evaluateAll.
import fs from 'node:fs';
import path from 'node:path';
import { PipelineError } from '../../pipeline/errors.js';
import type { EmbedderName } from '../../pipeline/registry.js';
import type { Stage, StageContext, StageRun } from '../../pipeline/stage.js';
import { stageCommand } from '../../pipeline/suggested-command.js';
import { readScores, scoresFile } from '../../io/scores-file.js';
import { logger } from '../../runtime/logger.js';
import { evaluateAll, type EmbedderScores, type MissingEmbedder } from './evaluate-all.js';
import { evaluateParams } from './load-params.js';
import type { LineTextLookup } from './report/top-windows.js';

export interface EvaluateStageDeps {
  /** Line text by corpus index (the TFRecord reader); without it the report shows line numbers only. */
  readonly lineText?: (context: StageContext) => LineTextLookup;
}

const SPLITS = ['validation', 'test'] as const;

function scoreFiles(context: StageContext, embedder: string): string[] {
  return SPLITS.map((split) => scoresFile(context.paths.model(embedder), split));
}

function trainCommand(context: StageContext, embedder: string): string {
  return stageCommand(context.paths, `train-${embedder}`);
}

/** Scores of the trained embedders, and a reason for each one that was not trained. */
export function loadEmbedderScores(context: StageContext, embedders: readonly string[]): { trained: EmbedderScores[]; missing: MissingEmbedder[] } {
  const trained: EmbedderScores[] = [];
  const missing: MissingEmbedder[] = [];
  for (const embedder of embedders) {
    const absent = scoreFiles(context, embedder).filter((file) => !fs.existsSync(file));
    if (absent.length > 0) {
      const shown = absent.map((file) => path.relative(context.paths.root, file)).join(' and ');
      missing.push({ embedder, reason: `${shown} missing: run ${trainCommand(context, embedder)}` });
      continue;
    }
    const dir = context.paths.model(embedder);
    trained.push({ embedder, validation: readScores(dir, 'validation'), test: readScores(dir, 'test') });
  }
  return { trained, missing };
}

function noLineText(): LineTextLookup {
  let warned = false;
  return async () => {
    if (!warned) logger().warn('line text is not available to the evaluation stage; report.html lists line numbers only');
    warned = true;
    return new Map();
  };
}

export const evaluateStage = (embedders: readonly EmbedderName[], deps: EvaluateStageDeps = {}): Stage => ({
  name: 'evaluate',
  title: 'Evaluation and report',
  // The scores files are this stage's inputs (inputFiles); an embedder that was never trained is
  // reported rather than blocking the others, so no train stage is a hard prerequisite.
  after: [],
  configSlice: (context) => ({ params: evaluateParams(context.config.evaluate), optimize: Boolean(context.options.optimize_thresholds), embedders }),
  inputFiles: async (context) => embedders.flatMap((embedder) => scoreFiles(context, embedder)).filter((file) => fs.existsSync(file)),
  run: async (run: StageRun) => {
    const params = evaluateParams(run.config.evaluate);
    const { trained, missing } = loadEmbedderScores(run, embedders);
    if (trained.length === 0) {
      const first = missing[0]?.embedder ?? 'fasttext';
      throw new PipelineError('missing_prerequisite', `no trained model to evaluate: ${missing.map((m) => `${m.embedder}: ${m.reason}`).join('; ') || `no embedder chosen; run ${trainCommand(run, first)}`}`);
    }
    for (const m of missing) logger().warn({ embedder: m.embedder }, `not evaluated: ${m.reason}`);
    const optimizeThresholds = Boolean(run.options.optimize_thresholds) || params.optimize_thresholds;
    const result = await evaluateAll({
      resultsDir: run.paths.results,
      embedders: trained,
      missing,
      optimizeThresholds,
      lineText: deps.lineText?.(run) ?? noLineText(),
      title: `Log anomaly detection: ${run.paths.logType}`,
      params,
    });
    await run.checkpoint(1, null);
    return {
      outputs: result.files,
      summary: { rows: result.summary, verdict: result.verdict, missing, threshold_mode: optimizeThresholds ? 'f1_optimal_on_validation' : 'model', report: path.join(run.paths.results, 'report.html') },
    };
  },
});
