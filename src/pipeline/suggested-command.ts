// The run-pipeline commands that messages suggest, spelled for the user's own log type and data
// root, so that they work when copied as they are.
import type { DataPaths } from './paths.js';

/** A path as one shell word: quoted only when it needs to be. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `flag <root>` when the data root is not the working folder, else nothing. */
export function rootFlag(paths: DataPaths, flag = '--data_dir'): string {
  return paths.root === process.cwd() ? '' : ` ${flag} ${shellWord(paths.root)}`;
}

/** `run-pipeline <args> --log_type <type>`, with --data_dir where it is needed. */
export function suggestedCommand(paths: DataPaths, args: string): string {
  return `run-pipeline ${args} --log_type ${paths.logType}${rootFlag(paths)}`;
}

/** The command that runs a stage, by its checkpoint name: preprocess, embed-fasttext, train-logbert, evaluate. */
export function stageCommand(paths: DataPaths, stage: string): string {
  const dash = stage.indexOf('-');
  return suggestedCommand(paths, dash < 0 ? stage : `${stage.slice(0, dash)} --embedding_type ${stage.slice(dash + 1)}`);
}
