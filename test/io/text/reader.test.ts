// The streaming reader on every encoding, compression and damage it must survive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { openLogFile } from '../../../src/io/text/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-reader-'));
let n = 0;
function file(bytes: Buffer | string): string {
  const target = path.join(dir, `f${n++}.log`);
  fs.writeFileSync(target, bytes);
  return target;
}

async function read(target: string, maxLineBytes = 65536) {
  const reader = openLogFile(target, { maxLineBytes });
  const lines = [];
  for await (const line of reader.lines()) lines.push(line);
  return { texts: lines.map((line) => line.text), lines, stats: reader.stats() };
}

test('UTF-8 with LF, CRLF and a last line without newline', async () => {
  const { texts, stats } = await read(file('a\r\nb\nc'));
  assert.deepEqual(texts, ['a', 'b', 'c']);
  assert.equal(stats.lines, 3);
  assert.equal(stats.encoding, 'utf-8');
});

test('a UTF-8 BOM is removed and reported', async () => {
  const { texts, stats } = await read(file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('héllo\nwörld\n')])));
  assert.deepEqual(texts, ['héllo', 'wörld']);
  assert.equal(stats.encoding, 'utf-8-bom');
});

test('UTF-16 LE and BE by their BOM', async () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('one\r\ntwo ü\n', 'utf16le')]);
  assert.deepEqual((await read(file(le))).texts, ['one', 'two ü']);
  const be = Buffer.from(le.subarray(2)).swap16();
  const beFile = await read(file(Buffer.concat([Buffer.from([0xfe, 0xff]), be])));
  assert.deepEqual(beFile.texts, ['one', 'two ü']);
  assert.equal(beFile.stats.encoding, 'utf-16be');
});

test('bytes that are not UTF-8 are read as Latin-1 and counted', async () => {
  const { texts, stats, lines } = await read(file(Buffer.concat([Buffer.from('ok\ncaf'), Buffer.from([0xe9]), Buffer.from('\n')])));
  assert.deepEqual(texts, ['ok', 'café']);
  assert.equal(stats.latin1Lines, 1);
  assert.equal(lines[1].latin1, true);
});

test('gzip is detected by its magic bytes; a truncated stream keeps the lines before the damage', async () => {
  const text = Array.from({ length: 5000 }, (_, i) => `line ${i} ${'x'.repeat(i % 50)}`).join('\n') + '\n';
  const whole = await read(file(zlib.gzipSync(text)));
  assert.equal(whole.stats.compression, 'gzip');
  assert.equal(whole.stats.lines, 5000);
  assert.equal(whole.stats.gzipTruncated, false);
  const gz = zlib.gzipSync(text);
  const cut = await read(file(gz.subarray(0, gz.length >> 1)));
  assert.equal(cut.stats.gzipTruncated, true);
  assert.ok(cut.stats.lines > 100 && cut.stats.lines < 5000, `${cut.stats.lines} lines before the damage`);
  assert.deepEqual(cut.texts.slice(0, 2), ['line 0 ', 'line 1 x']);
});

test('a 10 MB line without newline is cut at the limit without buffering it', async () => {
  const target = file('');
  const piece = Buffer.alloc(1024 * 1024, 'y');
  for (let i = 0; i < 10; i++) fs.appendFileSync(target, piece);
  fs.appendFileSync(target, '\nshort\n');
  const { lines, stats } = await read(target, 1024);
  assert.equal(lines[0].text.length, 1024);
  assert.equal(lines[0].truncated, true);
  assert.equal(lines[1].text, 'short');
  assert.equal(stats.truncatedLines, 1);
  assert.equal(stats.longestLine, 10 * 1024 * 1024);
});

test('a binary file yields no lines and is reported', async () => {
  const { texts, stats } = await read(file(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0, 10, 65])));
  assert.deepEqual(texts, []);
  assert.equal(stats.binary, true);
});

test('an empty file has no lines', async () => {
  const { stats } = await read(file(''));
  assert.equal(stats.lines, 0);
  assert.equal(stats.binary, false);
});

test('lines split across read chunks come out whole', async () => {
  const long = Array.from({ length: 30000 }, (_, i) => `entry ${i} ${'z'.repeat(60)}`);
  const { texts } = await read(file(long.join('\n')));
  assert.equal(texts.length, 30000);
  assert.deepEqual(texts, long);
});
