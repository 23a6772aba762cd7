// The preprocessing stage: log files in; masked lines, Drain templates and TFRecord shards out.
// Its checkpoint cursor holds the file and line reached and the shard writer's state; the miner's state sits beside it.
import fs from 'node:fs';
import path from 'node:path';
import { writeJsonAtomicSync } from '../../io/atomic-write.js';
import { classesOf, readLabelFile } from '../../io/labels.js';
import { listLogFiles, orphanLabelFiles, type LogFile } from '../../io/log-files.js';
import { ShardedWriter, type ShardedWriterState } from '../../io/tfrecord/writer.js';
import { hashFile } from '../../pipeline/hash.js';
import type { Stage, StageContext, StageRun } from '../../pipeline/stage.js';
import { logger } from '../../runtime/logger.js';
import { startProgress } from '../../runtime/progress.js';
import { Drain, type DrainState } from './drain/index.js';
import { processFile, type PassTools } from './file-pass.js';
import { compileMasker } from './masking/index.js';
import { metaPath, minerPath, type FileFacts, type ProcessedMeta } from './meta.js';
import type { PreprocessParams } from './params.js';

interface Cursor {
  readonly file: number;
  readonly line: number;
  readonly bytesDone: number;
  readonly writer: ShardedWriterState;
  readonly facts: FileFacts[];
  readonly classCounts: Record<string, number>;
}

const paramsOf = (context: StageContext) => context.config.preprocess as PreprocessParams;
const drainStateFile = (run: StageRun) => path.join(run.paths.stageState('preprocess'), 'drain.json');

function classList(logs: readonly LogFile[]): string[] {
  const classes = new Set<string>();
  for (const log of logs) if (fs.existsSync(log.labelPath)) classesOf(readLabelFile(log.labelPath)).forEach((name) => classes.add(name));
  return [...classes].sort();
}

function startTools(run: StageRun, params: PreprocessParams, classes: readonly string[]): { tools: PassTools; cursor: Cursor } {
  const resume = run.resume?.cursor as Cursor | undefined;
  const base = { params, mask: compileMasker(params.masking), classIds: new Map(classes.map((name, id) => [name, id])) };
  if (resume && fs.existsSync(drainStateFile(run))) {
    const drain = Drain.fromJSON(JSON.parse(fs.readFileSync(drainStateFile(run), 'utf8')) as DrainState, params.drain);
    const writer = ShardedWriter.resume(run.paths.processed, resume.writer);
    return { tools: { ...base, drain, writer, classCounts: { ...resume.classCounts } }, cursor: resume };
  }
  fs.rmSync(run.paths.processed, { recursive: true, force: true });
  const writer = new ShardedWriter(run.paths.processed, params.records_per_shard);
  const cursor: Cursor = { file: 0, line: 0, bytesDone: 0, writer: writer.state(), facts: [], classCounts: {} };
  return { tools: { ...base, drain: new Drain(params.drain), writer, classCounts: {} }, cursor };
}

async function saveCheckpoint(run: StageRun, tools: PassTools, cursor: Omit<Cursor, 'writer' | 'classCounts'>, progress: number): Promise<void> {
  const writer = tools.writer.state();
  fs.mkdirSync(run.paths.stageState('preprocess'), { recursive: true });
  writeJsonAtomicSync(drainStateFile(run), tools.drain.toJSON());
  await run.checkpoint(progress, { ...cursor, writer, classCounts: tools.classCounts });
}

interface MetaParts {
  readonly params: PreprocessParams;
  readonly classes: string[];
  readonly facts: FileFacts[];
  readonly tools: PassTools;
  readonly shards: string[];
  readonly warnings: string[];
}

async function writeMeta(run: StageRun, { params, classes, facts, tools, shards, warnings }: MetaParts): Promise<string[]> {
  const hashed = [];
  const logs = listLogFiles(run.paths);
  for (const [index, fact] of facts.entries()) hashed.push({ ...fact, sha256: await hashFile(logs[index].path) });
  const meta: ProcessedMeta = {
    schema: 1,
    log_type: run.paths.logType,
    lines: tools.writer.totalRecords,
    shards: shards.map((shard) => path.basename(shard)),
    files: hashed,
    classes,
    class_line_counts: tools.classCounts,
    templates: tools.drain.templates(),
    masking: params.masking,
    drain: params.drain,
    warnings: [...facts.flatMap((fact) => fact.warnings), ...warnings],
  };
  writeJsonAtomicSync(metaPath(run.paths.processed), meta);
  writeJsonAtomicSync(minerPath(run.paths.processed), tools.drain.toJSON());
  return [metaPath(run.paths.processed), minerPath(run.paths.processed)];
}

async function runPreprocess(run: StageRun) {
  const params = paramsOf(run);
  const logs = listLogFiles(run.paths);
  const classes = classList(logs);
  const orphans = orphanLabelFiles(run.paths, logs).map((file) => `${file}: labels a log file that does not exist; rename it to match a log or remove it`);
  orphans.forEach((warning) => logger().warn(warning));
  const totalBytes = logs.reduce((sum, log) => sum + log.bytes, 0) || 1;
  const { tools, cursor } = startTools(run, params, classes);
  const facts = [...cursor.facts];
  let bytesDone = cursor.bytesDone;
  const progress = startProgress('preprocess', totalBytes, 'bytes');
  for (let index = cursor.file; index < logs.length; index++) {
    const skip = index === cursor.file ? cursor.line : 0;
    const fact = await processFile(logs[index], skip, tools, (at) => {
      const fraction = (bytesDone + at.bytes) / totalBytes;
      progress.update(bytesDone + at.bytes, { lines: tools.writer.totalRecords });
      return run.due(fraction) ? saveCheckpoint(run, tools, { file: index, line: at.line, bytesDone, facts }, fraction) : null;
    });
    fact.warnings.forEach((warning) => logger().warn(warning));
    facts.push(fact);
    bytesDone += logs[index].bytes;
  }
  progress.stop();
  const shards = tools.writer.finish();
  const metaFiles = await writeMeta(run, { params, classes, facts, tools, shards, warnings: orphans });
  logger().info({ lines: tools.writer.totalRecords, templates: tools.drain.templates().length, shards: shards.length }, 'preprocessing done');
  return { outputs: [...shards, ...metaFiles], summary: { lines: tools.writer.totalRecords, templates: tools.drain.templates().length, files: logs.length, classes } };
}

export const preprocessStage: Stage = {
  name: 'preprocess',
  title: 'Preprocessing: masking, templates, TFRecord shards',
  after: [],
  configSlice: (context) => context.config.preprocess,
  inputFiles: async (context) => {
    const logs = listLogFiles(context.paths);
    return [...logs.map((log) => log.path), ...logs.map((log) => log.labelPath).filter((file) => fs.existsSync(file))];
  },
  run: runPreprocess,
};
