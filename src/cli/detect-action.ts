// The detect command: scores new logs with a trained model; JSON lines on stdout or --output,
// a summary on stderr.
import fs from 'node:fs';
import { buildContext, startLogging } from './context.js';
import type { DataOptions } from './options.js';
import type { EmbedderName } from '../pipeline/registry.js';
import { runDetect } from '../stages/detect/index.js';
import type { DeviceRequest } from '../runtime/tf.js';

export interface DetectCommandOptions extends DataOptions {
  input: string;
  embedding_type: EmbedderName;
  output?: string;
  threshold?: number;
  all?: boolean;
  device: DeviceRequest;
}

export async function detectCommand(options: DetectCommandOptions): Promise<number> {
  startLogging(options, false);
  const context = buildContext(options);
  // Written beside the target and renamed at the end, so a failed run never leaves half a file.
  const temporary = options.output ? `${options.output}.partial` : null;
  const fd = temporary ? fs.openSync(temporary, 'w') : null;
  const chunks: string[] = [];
  const write = (line: string) => {
    chunks.push(line);
    if (chunks.length >= 256) drain();
  };
  const drain = () => {
    const text = chunks.join('');
    chunks.length = 0;
    if (fd !== null) fs.writeSync(fd, text);
    else process.stdout.write(text);
  };
  try {
    const summary = await runDetect({ paths: context.paths, config: context.config, embedder: options.embedding_type, input: options.input, write, threshold: options.threshold, all: options.all ?? false, device: options.device });
    drain();
    if (fd !== null) {
      fs.closeSync(fd);
      fs.renameSync(temporary!, options.output!);
    }
    const classes = Object.entries(summary.classes).map(([name, n]) => `${name} ${n}`).join(', ') || 'none';
    process.stderr.write(
      `detect (${options.embedding_type}): ${summary.lines.toLocaleString('en-US')} lines, ${summary.windows.toLocaleString('en-US')} windows scored, ` +
        `${summary.flaggedWindows.toLocaleString('en-US')} flagged; unseen-template lines ${summary.unseenTemplateLines}; windows per class: ${classes}; ` +
        `${Math.round(summary.lines / Math.max(summary.seconds, 1e-3)).toLocaleString('en-US')} lines/s\n`,
    );
    return 0;
  } catch (error) {
    if (fd !== null) {
      fs.closeSync(fd);
      fs.rmSync(temporary!, { force: true });
    }
    throw error;
  }
}
