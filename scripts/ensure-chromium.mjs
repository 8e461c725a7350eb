// Makes sure a system Chromium exists before the e2e tests (Playwright never downloads a browser here).
// Uses CHROMIUM_PATH or /usr/bin/chromium; as root on Debian it installs the `chromium` package with apt.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version');
if (!process.env.CHROMIUM_PATH && isRoot && isDebian) {
  console.log(`ensure-chromium: ${path} is missing; installing Debian's chromium with apt-get…`);
  const run = (cmd) =>
    spawnSync('sh', ['-c', cmd], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  const result = run('apt-get update && apt-get install -y chromium');
  if (result.status === 0 && existsSync(path)) process.exit(0);
  console.error(`ensure-chromium: apt-get install -y chromium did not provide ${path}.`);
  process.exit(1);
}

console.error(
  `ensure-chromium: no Chromium at ${path}.\n` +
    'Install it with:  sudo apt-get install -y chromium\n' +
    '(or set CHROMIUM_PATH to an existing Chromium/Chrome binary).',
);
process.exit(1);
