// The import command: turns a Loghub data set into logs/{type}/ and labels/{type}/.
import type { DataOptions } from './options.js';
import { startLogging } from './context.js';
import { importLoghub } from '../stages/import/index.js';

export async function importCommand(options: DataOptions & { format: 'loghub-hdfs' | 'loghub-inline'; input: string; labels?: string }): Promise<number> {
  startLogging(options, false);
  const result = await importLoghub({ format: options.format, input: options.input, labels: options.labels, logType: options.log_type, dataDir: options.data_dir });
  const classes = Object.entries(result.classes).map(([name, count]) => `${name} ${count}`).join(', ');
  console.log(`imported ${result.lines.toLocaleString('en-US')} lines into ${result.logFile}; ${result.anomalousLines.toLocaleString('en-US')} labelled (${classes || 'none'}) in ${result.labelFile}`);
  return 0;
}
