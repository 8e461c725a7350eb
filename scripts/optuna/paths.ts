// Where the real-Optuna check (optuna.test.ts) leaves its study file and the script that made it, for a
// later browser test to import. Not under test-results/: Playwright empties its output folder when it
// starts, and test:e2e runs after test:optuna.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const OPTUNA_RESULTS_DIR = join(REPO_ROOT, 'node_modules/.cache/optuna-check');
/** The --out file of the two-process study: 6 trials, source "optuna". */
export const OPTUNA_RESULTS_PATH = join(OPTUNA_RESULTS_DIR, 'results.json');
/** The exported script of the default study that produced it. */
export const OPTUNA_SCRIPT_PATH = join(OPTUNA_RESULTS_DIR, 'study.py');
