// The commander program: the full run at the top level, and one subcommand per stage or tool.
// Actions lazy-import their code so `--help` stays instant.
import { Command, Option } from 'commander';
import { embedderOption, parsers, withDataOptions, withRunOptions, type DataOptions, type RunOptions } from './options.js';
import { pickers, runStagesAction, type StageChoices } from './actions.js';
import { EMBEDDERS, type EmbedderName } from '../pipeline/registry.js';
import { printRunSummary } from './summary.js';
import { EXIT_CODES, PipelineError } from '../pipeline/errors.js';
import { MIN_POSITIVES_TO_FIT } from '../stages/evaluate/metrics/threshold.js';

type Action<T> = (options: T) => Promise<number>;

function thresholdOption(command: Command): Command {
  return command.option('--optimize_thresholds', `pick F1-optimal thresholds on the validation split (a supervised class needs ${MIN_POSITIVES_TO_FIT} positive windows there)`);
}

function modelOptions(command: Command): Command {
  return thresholdOption(command)
    .addOption(new Option('--supervision <mode>', 'unsupervised (default) or trained on the labels').choices(['none', 'labels']))
    .option('--window <spec>', 'windows: "count" (size and stride from config) or "time:<span>", e.g. time:5m (units ms, s, m, h)', parsers.windowSpec)
    .option('--session_key <regex>', 'group lines into sessions by this regex (e.g. "blk_-?\\d+" for HDFS)', parsers.regex)
    .addOption(new Option('--split <method>', 'chronological per entity (default), or random (the report says so)').choices(['chronological', 'random']))
    .option('--tune', 'search d_model, layers, learning rate and mask ratio on the validation split');
}

function embeddingTypes(): Option {
  return embedderOption('--embedding_types <names...>', 'embedders to use').default([...EMBEDDERS]);
}

/** Builds the program; each action reports its exit code through `onExit`. */
export function buildProgram(onExit: (code: number) => void): Command {
  const run = <T>(action: Action<T>, options: T) => action(options).then(onExit);
  const program = new Command('run-pipeline')
    .description('Finds anomalies in security and system logs: preprocess, embed, train, evaluate.\nWith no subcommand, runs every stage for --log_type.')
    .enablePositionalOptions()
    .showSuggestionAfterError(true)
    .addHelpText('after', `\nExit codes: ${Object.entries(EXIT_CODES).sort((a, b) => a[1] - b[1]).map(([name, code]) => `${code} ${name.replace(/_/g, ' ')}`).join(', ')}.`);
  // The top level also hosts the subcommands, so --log_type is checked in fullRun rather than by commander.
  modelOptions(withRunOptions(program, false))
    .addOption(embeddingTypes())
    .option('--check_only', 'audit the logs and labels and exit (0 ready, 1 not ready); writes nothing')
    .option('--json', 'with --check_only: print the audit as JSON')
    .action((options) => run(fullRun, options));

  withRunOptions(program.command('preprocess').description('mask variables, mine templates, write TFRecord shards to processed/{type}/'))
    .action((options) => run(stageRun(pickers.preprocess()), options));
  withRunOptions(program.command('embed').description('embed every distinct masked line with one embedder (embeddings/{type}/{name}/)'))
    .addOption(embedderOption('--embedding_type <name>', 'the embedder (required)').makeOptionMandatory())
    .action((options) => run(embedAction, options));
  for (const name of EMBEDDERS) {
    withRunOptions(program.command(name).description(`shorthand for: embed --embedding_type ${name}`)).action((options) => run(embedAction, { ...options, embedding_type: name } as never));
  }
  modelOptions(withRunOptions(program.command('train').description('train the anomaly transformer on one embedder\'s vectors (models/{type}/{name}/)')))
    .addOption(embedderOption('--embedding_type <name>', 'the embedder whose vectors to use (required)').makeOptionMandatory())
    .action((options) => run(trainAction, options));
  thresholdOption(withRunOptions(program.command('evaluate').description('metrics, charts and report.html in results/{type}/')))
    .addOption(embeddingTypes())
    .action((options) => run(evaluateAction, options));
  withDataOptions(program.command('validate').description('audit logs/{type} and labels/{type}: ready or not (exit 0 or 1); writes nothing'))
    .option('--json', 'print the audit as JSON')
    .action((options) => run(validateAction, options));
  program
    .command('sample')
    .description('write a synthetic labelled sample to <out>/logs/{type}/ and <out>/labels/{type}/')
    .addOption(new Option('--log_type <type>', 'kind of sample').choices(['vpn', 'auth', 'wp-error']).makeOptionMandatory())
    .option('--users <n>', 'users or hosts (one log file each)', parsers.positiveInteger, 8)
    .option('--lines <n>', 'total lines over all files', parsers.positiveInteger, 8000)
    .option('--seed <n>', 'random seed (same seed, same bytes)', parsers.nonNegativeInteger, 42)
    .option('--out <dir>', 'data root to write into', '.')
    .action((options) => run(sampleAction, options));
  withDataOptions(program.command('detect').description('score new logs with a trained model: JSON lines for lines in flagged windows'))
    .requiredOption('--input <path>', 'a log file, a folder of logs, or - for standard input')
    .addOption(embedderOption('--embedding_type <name>', 'whose trained model scores the lines').default('fasttext'))
    .option('--output <file>', 'write the JSON lines here instead of standard output')
    .option('--threshold <score>', 'flag windows scoring at least this (default: the calibrated threshold)', parsers.nonNegativeNumber)
    .option('--all', 'print every line, not only those in flagged windows')
    .addOption(new Option('--device <device>', 'where TensorFlow.js runs').choices(['auto', 'cpu', 'gpu']).default('auto'))
    .action((options) => run(detectAction, options));
  withDataOptions(program.command('import').description('import a Loghub data set into logs/{type}/ and labels/{type}/ (label field removed from the text)'))
    .addOption(new Option('--format <format>', 'layout of the input').choices(['loghub-hdfs', 'loghub-inline']).makeOptionMandatory())
    .requiredOption('--input <file>', 'the Loghub log file (e.g. HDFS.log, BGL.log)')
    .option('--labels <file>', 'loghub-hdfs: anomaly_label.csv (BlockId,Label)')
    .action((options) => run(importAction, options));
  return program;
}

async function fullRun(options: RunOptions & StageChoices & { check_only?: boolean; json?: boolean }): Promise<number> {
  if (!options.log_type) throw new PipelineError('usage', "required option '--log_type <type>' not specified (e.g. run-pipeline --log_type vpn); see run-pipeline --help");
  if (options.check_only) return validateAction(options);
  const { context, records } = await runStagesAction(options, pickers.all(options.embedding_types ?? EMBEDDERS));
  return printRunSummary(context, records);
}

function stageRun(pick: Parameters<typeof runStagesAction>[1]) {
  return async (options: RunOptions & StageChoices): Promise<number> => {
    await runStagesAction(options, pick);
    return 0;
  };
}

async function embedAction(options: RunOptions & { embedding_type: EmbedderName }): Promise<number> {
  return stageRun(pickers.embed(options.embedding_type))(options);
}

async function trainAction(options: RunOptions & StageChoices & { embedding_type: EmbedderName }): Promise<number> {
  return stageRun(pickers.train(options.embedding_type))(options);
}

async function evaluateAction(options: RunOptions & StageChoices): Promise<number> {
  const { context, records } = await runStagesAction(options, pickers.evaluate(options.embedding_types ?? EMBEDDERS));
  return printRunSummary(context, records);
}

async function validateAction(options: DataOptions & { json?: boolean }): Promise<number> {
  const { auditAction } = await import('./audit-action.js');
  return auditAction(options);
}

async function sampleAction(options: { log_type: 'vpn' | 'auth' | 'wp-error'; users: number; lines: number; seed: number; out: string }): Promise<number> {
  const { sampleCommand } = await import('./sample-action.js');
  return sampleCommand(options);
}

async function importAction(options: DataOptions & { format: 'loghub-hdfs' | 'loghub-inline'; input: string; labels?: string }): Promise<number> {
  const { importCommand } = await import('./import-action.js');
  return importCommand(options);
}

async function detectAction(options: import('./detect-action.js').DetectCommandOptions): Promise<number> {
  const { detectCommand } = await import('./detect-action.js');
  return detectCommand(options);
}
