// Assembles every WebAssembly text file under src/ into dist/src/, beside the compiled code that loads it.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import wabt from 'wabt';

const assembler = await wabt();
const sources = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.wat'));
for (const name of sources) {
  const module = assembler.parseWat(name, readFileSync(join('src', name), 'utf8'), { simd: true });
  const target = join('dist', 'src', name.replace(/\.wat$/, '.wasm'));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, module.toBinary({}).buffer);
  module.destroy();
}
