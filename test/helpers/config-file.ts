// A user configuration file in a fresh temporary folder, for loadConfig(file).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function userConfigFile(content: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lad-config-')), 'user.json');
  fs.writeFileSync(file, content);
  return file;
}
