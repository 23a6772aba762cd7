// What a log format provides: a cheap per-line test for detection and a per-file parser
// that splits a line into time, entity, program and message.

export interface ParsedLine {
  /** Epoch milliseconds, or null when the line carries no time. */
  readonly ts: number | null;
  /** The user, host or session the line names, if any. */
  readonly entity: string | null;
  readonly program: string | null;
  /** The content without its header (time, host, program[pid]). */
  readonly message: string;
  /** Loghub inline-label formats: the label field (`-` = normal), removed from `message`. */
  readonly inlineLabel?: string | null;
}

export interface ParserOptions {
  /** Year for timestamps that carry none. */
  readonly defaultYear: number;
}

export interface FormatDefinition {
  readonly name: string;
  matches(line: string): boolean;
  /** A new parser per file: some formats keep state (the year of yearless timestamps). */
  parser(options: ParserOptions): (line: string) => ParsedLine;
}

export const plain = (message: string): ParsedLine => ({ ts: null, entity: null, program: null, message: message.trimEnd() });
