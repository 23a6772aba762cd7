// Options shared by several commands, spelled as users of the original tool know them,
// with parsers that reject bad values and list the valid ones.
import { Command, InvalidArgumentError, Option } from 'commander';
import { EMBEDDERS } from '../pipeline/registry.js';
import { parseWindowSpec, sessionKeyProblem, WINDOW_SPEC_HELP } from '../stages/train/window-spec.js';

export const LOG_TYPE = /^[a-z0-9][a-z0-9_-]*$/;

export function parseLogType(value: string): string {
  if (!LOG_TYPE.test(value)) {
    throw new InvalidArgumentError(`"${value}" is not a log type: use lower-case letters, digits, "-" and "_" (pattern ^[a-z0-9][a-z0-9_-]*$), e.g. vpn`);
  }
  return value;
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new InvalidArgumentError(`"${value}" is not a positive integer`);
  return number;
}

function nonNegativeNumber(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new InvalidArgumentError(`"${value}" is not a number >= 0`);
  return number;
}

function nonNegativeInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError(`"${value}" is not a whole number >= 0`);
  return number;
}

function windowSpec(value: string): string {
  if (!parseWindowSpec(value)) throw new InvalidArgumentError(WINDOW_SPEC_HELP);
  return value;
}

function regex(value: string): string {
  const problem = sessionKeyProblem(value);
  if (problem) throw new InvalidArgumentError(problem);
  return value;
}

export const parsers = Object.freeze({ positiveInteger, nonNegativeInteger, nonNegativeNumber, windowSpec, regex });

/** The options every data command takes. */
export function withDataOptions(command: Command, logTypeRequired = true): Command {
  const logType = new Option('--log_type <type>', 'log type: the folder name under logs/ (e.g. vpn, auth, wp-error)').argParser(parseLogType);
  return command
    .addOption(logTypeRequired ? logType.makeOptionMandatory() : logType)
    .option('--data_dir <dir>', 'root folder holding logs/, labels/, processed/, ...', '.')
    .option('--config <file>', 'JSON file overlaid on config/default.json')
    .addOption(new Option('--verbose', 'log debug messages on stderr').conflicts('quiet'))
    .addOption(new Option('--quiet', 'log only warnings and errors on stderr'));
}

/** Options of commands that run stages. */
export function withRunOptions(command: Command, logTypeRequired = true): Command {
  return withDataOptions(command, logTypeRequired)
    .option('--force_restart', "run this command's own stages from the beginning, ignoring their checkpoints (stages it needs first are reused when done)")
    .addOption(new Option('--device <device>', 'where TensorFlow.js runs').choices(['auto', 'cpu', 'gpu']).default('auto'));
}

export function embedderOption(flags: string, description: string): Option {
  return new Option(flags, description).choices([...EMBEDDERS]);
}

export interface DataOptions {
  log_type: string;
  data_dir: string;
  config?: string;
  verbose?: boolean;
  quiet?: boolean;
}

export interface RunOptions extends DataOptions {
  force_restart?: boolean;
  device: 'auto' | 'cpu' | 'gpu';
}
