// The sample command: writes a synthetic labelled data set and says what it wrote.
import { writeSample, type SampleType } from '../sample/index.js';

export async function sampleCommand(options: { log_type: SampleType; users: number; lines: number; seed: number; out: string }): Promise<number> {
  const summary = await writeSample({ logType: options.log_type, users: options.users, lines: options.lines, seed: options.seed, outDir: options.out });
  const classes = Object.entries(summary.classCounts)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
  console.log(`wrote ${summary.files.length} log files, ${summary.lines.toLocaleString('en-US')} lines, ${summary.anomalousLines.toLocaleString('en-US')} labelled anomalous (${classes || 'no classes'})`);
  return 0;
}
