// The data audit command (validate, --check_only): prints the audit as text or JSON.
// It reads logs and labels only: no log file, lock or output is written.
import { buildContext } from './context.js';
import type { DataOptions } from './options.js';
import { configureLogger } from '../runtime/logger.js';
import { EXIT_CODES } from '../pipeline/errors.js';
import type { AuditReport } from '../stages/validate/audit.js';

const percent = (share: number) => `${(100 * share).toFixed(0)}%`;

export function formatAudit(report: AuditReport): string {
  const lines = [`Data audit of log type "${report.logType}"`, '', 'Log files:'];
  for (const log of report.logs) {
    lines.push(
      `  ${log.source}: ${log.bytes.toLocaleString('en-US')} bytes, ${log.encoding}${log.compression === 'gzip' ? ' gzip' : ''}, ${log.format}, ` +
        `${log.lines.toLocaleString('en-US')} lines, longest ${log.longestLine.toLocaleString('en-US')} bytes, timestamps on ${percent(log.timestampCoverage)}` +
        (log.latin1Lines ? `, ${log.latin1Lines} Latin-1 lines` : '') +
        (log.truncatedLines ? `, ${log.truncatedLines} cut lines` : '') +
        (log.binary ? ', BINARY' : ''),
    );
  }
  const classes = Object.entries(report.classCounts).sort(([a], [b]) => (a < b ? -1 : 1));
  lines.push('', `Label files: ${report.labels.length}`, `Classes (labelled lines): ${classes.length ? classes.map(([name, n]) => `${name} ${n}`).join(', ') : 'none'}`);
  if (report.warnings.length) lines.push('', 'Warnings:', ...report.warnings.map((w) => `  - ${w}`));
  if (report.problems.length) lines.push('', 'Problems:', ...report.problems.map((p) => `  - ${p}`));
  lines.push('', report.ready ? 'READY: the data can be processed.' : `NOT READY: ${report.problems.length} problem(s) to fix first.`);
  return lines.join('\n');
}

export async function auditAction(options: DataOptions & { json?: boolean }): Promise<number> {
  configureLogger({ verbosity: options.verbose ? 'verbose' : options.quiet ? 'quiet' : 'normal' });
  const context = buildContext(options);
  const { auditData } = await import('../stages/validate/audit.js');
  const report = await auditData(context);
  console.log(options.json ? JSON.stringify(report, null, 2) : formatAudit(report));
  return report.ready ? EXIT_CODES.ok : EXIT_CODES.not_ready;
}
