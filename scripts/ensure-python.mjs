// Makes sure Debian's Python has Optuna, numpy and scikit-learn before the real-Optuna check
// (scripts/optuna/). The check runs /usr/bin/python3 on purpose: a `python3` earlier on PATH may be a
// pyenv or venv interpreter that cannot see Debian's dist-packages, and the Python package index is not
// reachable here, so apt is the one way in. As root on Debian it installs the three packages with apt;
// otherwise it prints the command and stops. OPTUNA_PYTHON names another interpreter to check instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const python = process.env.OPTUNA_PYTHON ?? '/usr/bin/python3';
const packages = ['python3-optuna', 'python3-numpy', 'python3-sklearn'];
const probe =
  'import optuna, numpy, sklearn; print(optuna.__version__, numpy.__version__, sklearn.__version__)';

/** The versions found ("3.1.0 1.24.2 1.2.1"), or null when an import fails. */
function versions() {
  if (!existsSync(python)) return null;
  const result = spawnSync(python, ['-c', probe], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

function report(found) {
  const [optuna, numpy, sklearn] = found.split(' ');
  console.log(`ensure-python: ${python} has optuna ${optuna}, numpy ${numpy}, scikit-learn ${sklearn}.`);
}

const found = versions();
if (found) {
  report(found);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version');
if (!process.env.OPTUNA_PYTHON && isRoot && isDebian) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const sh = (cmd) => spawnSync('sh', ['-c', cmd], { stdio: 'inherit', env });
  // Only refresh the package lists when apt does not know the packages yet (a fresh image has no lists);
  // an update costs a download the usual case does not need.
  const policy = spawnSync('apt-cache', ['policy', ...packages], { encoding: 'utf8', env });
  const known =
    policy.status === 0 &&
    packages.every((p) =>
      new RegExp(`^${p}:\\n\\s+Installed: .*\\n\\s+Candidate: (?!\\(none\\))`, 'm').test(policy.stdout),
    );
  console.log(
    `ensure-python: ${python} lacks optuna, numpy or sklearn; installing Debian's packages with apt-get…`,
  );
  if (!known && sh('apt-get update').status !== 0) {
    console.error('ensure-python: apt-get update failed.');
    process.exit(1);
  }
  const install = `apt-get install -y ${packages.join(' ')}`;
  if (sh(install).status === 0) {
    const now = versions();
    if (now) {
      report(now);
      process.exit(0);
    }
  }
  console.error(`ensure-python: ${install} did not give ${python} optuna, numpy and sklearn.`);
  process.exit(1);
}

console.error(
  `ensure-python: ${python} cannot import optuna, numpy and sklearn.\n` +
    `Install them with:  sudo apt-get install -y ${packages.join(' ')}\n` +
    "(the check uses Debian's /usr/bin/python3, not a pyenv or venv python3 on PATH; set OPTUNA_PYTHON to use another interpreter that has them).",
);
process.exit(1);
