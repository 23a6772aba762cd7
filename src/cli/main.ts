// The run-pipeline command line: commander wiring lives in program.ts; this is the single
// boundary where errors become one-line messages and exit codes, never stack traces.
import { CommanderError, type Command } from 'commander';
import { buildProgram } from './program.js';
import { EXIT_CODES, isPipelineError } from '../pipeline/errors.js';

function validOptions(command: Command): string {
  return command.options.map((option) => option.long ?? option.short).join(', ');
}

/**
 * Flags given to `command` that it does not know, read from its own part of the command line
 * (after its name, up to "--"), stepping over the values of its options that take one.
 */
function unknownFlags(command: Command, argv: readonly string[]): string[] {
  const start = command.parent ? argv.indexOf(command.name()) + 1 : 0;
  const end = argv.indexOf('--', start);
  const tokens = argv.slice(start, end < 0 ? argv.length : end);
  const byFlag = new Map(command.options.flatMap((option) => [option.long, option.short].filter(Boolean).map((flag) => [flag!, option] as const)));
  const unknown: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i].startsWith('-') || tokens[i] === '-') continue;
    const [flag, inlineValue] = tokens[i].split(/=(.*)/s);
    const option = byFlag.get(flag);
    if (!option) unknown.push(flag);
    else if ((option.required || option.optional) && inlineValue === undefined) i++;
  }
  return unknown.filter((flag) => flag !== '--help' && flag !== '-h');
}

/** Commander's own messages, with the valid options or commands added where it only says "unknown". */
function configureErrors(command: Command, argv: readonly string[]): void {
  command.exitOverride().configureOutput({
    outputError: (message, write) => {
      let line = message.trimEnd();
      if (line.includes('unknown option')) line += ` (valid options of "${command.name()}": ${validOptions(command)}, --help)`;
      const strays = unknownFlags(command, argv);
      if (line.includes('required option') && strays.length) line += ` (not an option of "${command.name()}": ${strays.join(', ')}; valid: ${validOptions(command)})`;
      const commands = command.commands.map((sub) => sub.name()).join(', ');
      if (line.includes('unknown command')) line += ` (commands: ${commands})`;
      // The top level takes no arguments, so a misspelt command arrives as an excess argument.
      if (line.includes('too many arguments') && !command.parent) line = `error: unknown command (commands: ${commands}; see run-pipeline --help)`;
      write(`${line}\n`);
    },
  });
  command.commands.forEach((sub) => configureErrors(sub, argv));
}

const FILESYSTEM_ADVICE: Readonly<Record<string, string>> = {
  EACCES: 'permission denied; make the folder writable or choose another --data_dir',
  EPERM: 'operation not permitted; make the folder writable or choose another --data_dir',
  EROFS: 'the file system is read-only; choose another --data_dir',
  ENOSPC: 'the disk is full; free some space and rerun (finished stages are kept)',
  ENOTDIR: 'a file stands where a folder is expected; move it away and rerun',
  EISDIR: 'a folder stands where a file is expected; move it away and rerun',
};

/** Operating-system errors on outputs (read-only folders, full disks) are the user's to fix: one line, exit code io. */
function filesystemError(error: unknown): string | null {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (!code || !(code in FILESYSTEM_ADVICE)) return null;
  return `${path ?? 'a file'}: ${FILESYSTEM_ADVICE[code]} (${code})`;
}

function report(error: unknown): number {
  const filesystem = filesystemError(error);
  if (filesystem) {
    process.stderr.write(`error: ${filesystem}\n`);
    return EXIT_CODES.io;
  }
  if (isPipelineError(error)) {
    process.stderr.write(`error: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : EXIT_CODES.usage;
  }
  process.stderr.write(`internal error (please report it with pipeline.log): ${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT_CODES.internal;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  configureErrors(program, argv.slice(2));
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    return report(error);
  }
}
