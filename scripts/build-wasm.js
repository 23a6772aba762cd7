// Assembles every WebAssembly text file under src/ into dist/src/, beside the compiled code that loads it.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import wabt from 'wabt';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const assembler = await wabt();
const sources = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.wat'));
for (const name of sources) {
  const module = assembler.parseWat(name, readFileSync(join(root, 'src', name), 'utf8'), { simd: true });
  const target = join(root, 'dist', 'src', name.replace(/\.wat$/, '.wasm'));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, module.toBinary({}).buffer);
  module.destroy();
}
