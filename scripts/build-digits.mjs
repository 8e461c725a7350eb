// Converts ../shared/data/digits.csv.gz (UCI optical digits, as shipped by scikit-learn) into
// public/data/digits.bin: 1797 rows x 65 bytes (64 pixels in 0..16, then the label 0..9).
// Bytes instead of CSV keep the file small and the loader trivial; run it again only if the source changes.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(root, '../shared/data/digits.csv.gz');
const rows = gunzipSync(readFileSync(source)).toString('utf8').trim().split('\n');
const out = new Uint8Array(rows.length * 65);
rows.forEach((line, r) => {
  const values = line.split(',').map(Number);
  if (values.length !== 65) throw new Error(`row ${r} has ${values.length} values, expected 65`);
  out.set(values, r * 65);
});
writeFileSync(resolve(root, 'public/data/digits.bin'), out);
console.log(`wrote ${rows.length} rows to public/data/digits.bin`);
