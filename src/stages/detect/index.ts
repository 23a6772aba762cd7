// `detect`: scores new logs with what a run trained. Lines go through the same reader, format
// detection and masking, the miner in match-only mode (an unseen template is flagged and counted),
// the embedder and the model with its calibrated thresholds. Streaming: memory stays flat.
import fs from 'node:fs';
import type { Config } from '../../config/schema.js';
import type { DataPaths } from '../../pipeline/paths.js';
import type { EmbedderName } from '../../pipeline/registry.js';
import { logger } from '../../runtime/logger.js';
import { initTf, type DeviceRequest } from '../../runtime/tf.js';
import { Drain, type DrainState } from '../preprocess/drain/index.js';
import { entityOfSource } from '../preprocess/file-pass.js';
import { createLineParser, detectFormat } from '../preprocess/formats/index.js';
import { compileMasker, type MaskingRule } from '../preprocess/masking/index.js';
import { minerPath, readProcessedMeta } from '../preprocess/meta.js';
import { normalize } from '../train/normalize.js';
import { inputSources, type InputSource } from './input.js';
import { loadLineEmbedder } from './line-embedder.js';
import { loadTrainedModel, scoreNewWindows, type TrainedModel } from './trained-model.js';
import { WindowStream, type StreamWindow } from './window-stream.js';

export interface DetectOptions {
  readonly paths: DataPaths;
  readonly config: Config;
  readonly embedder: EmbedderName;
  readonly input: string;
  readonly write: (line: string) => void;
  readonly threshold?: number;
  readonly all: boolean;
  readonly device: DeviceRequest;
}

export interface DetectSummary {
  lines: number;
  windows: number;
  flaggedWindows: number;
  unseenTemplateLines: number;
  newDistinctLines: number;
  classes: Record<string, number>;
  seconds: number;
}

interface Item {
  readonly source: string;
  readonly line: number;
  readonly ts: number | null;
  readonly entity: string;
  readonly template: number;
  readonly row: number;
  readonly vector: Float32Array;
}

const FORMAT_SAMPLE = 200;
const BATCH_WINDOWS = 64;

async function* parsedLines(source: InputSource, options: DetectOptions, year: number): AsyncGenerator<{ line: number; text: string; parse: ReturnType<typeof createLineParser> }> {
  const buffered: { line: number; text: string }[] = [];
  let parse: ReturnType<typeof createLineParser> | null = null;
  for await (const read of source.lines()) {
    if (!parse) {
      buffered.push(read);
      if (buffered.length < FORMAT_SAMPLE) continue;
      parse = createLineParser(detectFormat(buffered.map((b) => b.text)).format, { defaultYear: year });
      for (const b of buffered) yield { ...b, parse };
      continue;
    }
    yield { line: read.line, text: read.text, parse };
  }
  if (!parse && buffered.length) {
    const late = createLineParser(detectFormat(buffered.map((b) => b.text)).format, { defaultYear: year });
    for (const b of buffered) yield { ...b, parse: late };
  }
  void options;
}

class Emitter {
  private readonly emitted = new Map<string, number>();
  private windowIndex = 0;

  constructor(
    private readonly options: DetectOptions,
    private readonly model: TrainedModel,
    private readonly summary: DetectSummary,
  ) {}

  flush(windows: StreamWindow<Item>[]): void {
    if (windows.length === 0) return;
    const templates: number[] = [];
    const vectors: Float32Array[] = [];
    const rows: number[] = [];
    const ts: number[] = [];
    const add = (items: readonly Item[]) => Uint32Array.from(items, (item) => (templates.push(item.template), vectors.push(item.vector), rows.push(item.row), ts.push(item.ts ?? Number.NaN), templates.length - 1));
    const local = windows.map((w) => ({ entity: w.entity, lines: add(w.items), context: { before: add(w.before), after: add(w.after) } }));
    const dim = this.model.scorer.config.inputDim;
    const flat = new Float32Array(vectors.length * dim);
    vectors.forEach((v, i) => flat.set(v, i * dim));
    const scored = scoreNewWindows(this.model, local, { templates: Uint32Array.from(templates), vectors: flat, knownRows: Int32Array.from(rows), ts: Float64Array.from(ts) }, BATCH_WINDOWS);
    windows.forEach((window, w) => this.emitWindow(window, scored[w]));
  }

  private emitWindow(window: StreamWindow<Item>, scored: ReturnType<typeof scoreNewWindows>[number]): void {
    const index = this.windowIndex++;
    this.summary.windows++;
    const threshold = this.options.threshold ?? this.model.thresholds.window;
    const flagged = scored.score >= threshold;
    if (flagged) {
      this.summary.flaggedWindows++;
      scored.classes.forEach((name) => (this.summary.classes[name] = (this.summary.classes[name] ?? 0) + 1));
    }
    const done = this.emitted.get(window.entity) ?? -1;
    window.items.forEach((item, i) => {
      const offset = window.offset + i;
      if (offset <= done) return;
      const unseen = item.template === this.model.scorer.config.vocab - 1;
      const score = scored.lineScores[i] ?? scored.score;
      if (flagged || this.options.all) {
        const record = { source: item.source, line: item.line, ts: item.ts, entity: item.entity, score: +score.toFixed(6), anomalous: flagged && (score >= this.model.thresholds.line || unseen), unseen_template: unseen, classes: flagged ? scored.classes : [], window: index, window_score: +scored.score.toFixed(6) };
        this.options.write(JSON.stringify(record) + '\n');
      }
      this.emitted.set(window.entity, offset);
    });
  }
}

export async function runDetect(options: DetectOptions): Promise<DetectSummary> {
  const started = Date.now();
  const { tf } = await initTf(options.device);
  const model = loadTrainedModel(tf, options.paths, options.embedder);
  const meta = readProcessedMeta(options.paths.processed);
  const drain = Drain.fromJSON(JSON.parse(fs.readFileSync(minerPath(options.paths.processed), 'utf8')) as DrainState, options.config.preprocess.drain);
  const mask = compileMasker(meta.masking as MaskingRule[]);
  const embedder = await loadLineEmbedder(tf, options.paths, options.config, options.embedder);
  const summary: DetectSummary = { lines: 0, windows: 0, flaggedWindows: 0, unseenTemplateLines: 0, newDistinctLines: 0, classes: {}, seconds: 0 };
  const emitter = new Emitter(options, model, summary);
  const { mode, size, stride } = model.windows;
  // Streaming cuts count windows only; a model trained on time or session windows is read with them too, and should say so.
  if (mode !== 'count') logger().warn({ mode }, `the model was trained on ${mode} windows, but detect reads windows of ${size} lines every ${stride}; its scores can differ from evaluation's`);
  const stream = new WindowStream<Item>(size, stride, model.scorer.config.context ?? 0);
  const unseenId = model.scorer.config.vocab - 1;
  let pending: StreamWindow<Item>[] = [];
  const year = options.config.preprocess.default_year ?? new Date().getUTCFullYear();
  for (const source of inputSources(options.input, options.config.preprocess.max_line_bytes)) {
    for await (const { line, text, parse } of parsedLines(source, options, year)) {
      const parsed = parse(text);
      const masked = mask(parsed.message);
      const match = drain.match(masked);
      if (match < 0) summary.unseenTemplateLines++;
      const entity = options.config.preprocess.entity === 'field' && parsed.entity ? parsed.entity : entityOfSource(source.source.split('/').pop() ?? source.source);
      const vector = normalize(await embedder.vectorOf(masked), embedder.dim, model.normalization);
      const item: Item = { source: source.source, line, ts: parsed.ts, entity, template: match < 0 ? unseenId : Math.min(match, unseenId), row: embedder.rowOf(masked), vector };
      summary.lines++;
      const window = stream.push({ entity, item });
      if (window) pending.push(window);
      if (pending.length >= BATCH_WINDOWS) {
        emitter.flush(pending);
        pending = [];
      }
    }
  }
  emitter.flush([...pending, ...stream.flush()]);
  summary.newDistinctLines = embedder.newLines;
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
