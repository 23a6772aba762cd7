// Log formats: detection per file from a sample of its lines, and the per-line parser.
// Specific formats are tried before general ones; `generic` always matches.
import { apacheError, nginxError, phpError } from './web.js';
import { ciscoAsa, openvpn } from './vpn.js';
import { generic } from './generic.js';
import { jsonLines } from './json-lines.js';
import { loghubHdfs, loghubInlineLabel } from './loghub.js';
import { rfc3164, rfc5424 } from './syslog.js';
import type { FormatDefinition, ParsedLine, ParserOptions } from './definition.js';

export type { ParsedLine, ParserOptions } from './definition.js';

/** In order of precedence when two formats match as many sample lines. */
const DEFINITIONS: readonly FormatDefinition[] = [ciscoAsa, openvpn, rfc5424, rfc3164, apacheError, nginxError, phpError, jsonLines, loghubHdfs, loghubInlineLabel, generic];

export const LOG_FORMATS = Object.freeze(DEFINITIONS.map((definition) => definition.name));
export type LogFormat = string;

/** A format wins when it matches the most sample lines; it needs at least half of them, else `generic`. */
export function detectFormat(sampleLines: readonly string[]): { format: LogFormat; confidence: number } {
  const lines = sampleLines.filter((line) => line.trim().length > 0);
  if (lines.length === 0) return { format: 'generic', confidence: 0 };
  let best = { format: 'generic', confidence: 0 };
  for (const definition of DEFINITIONS.slice(0, -1)) {
    const share = lines.filter((line) => definition.matches(line)).length / lines.length;
    if (share > best.confidence) best = { format: definition.name, confidence: share };
  }
  return best.confidence >= 0.5 ? best : { format: 'generic', confidence: 1 - best.confidence };
}

export function createLineParser(format: LogFormat, options: ParserOptions): (text: string) => ParsedLine {
  const definition = DEFINITIONS.find((candidate) => candidate.name === format) ?? generic;
  return definition.parser(options);
}
