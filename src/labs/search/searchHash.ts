// The search lab's link: the study's strategy, budget, seed, steps, optimizer, and one key per
// hyperparameter holding either its fixed value (`lr=0.01`) or its scale and range
// (`lr=log:0.0001:1`, `beta=oneMinusLog:0.9:0.999`, `layers=int:2:4`, `batch=choice:16,32,64,128`).
// Ranges are kept as written, so a link with a bad range opens with that row showing its reason.
// Zoomed rounds follow as `round2=lr:0.001:0.1;batch:32,64`, `round3=…`: each round's narrowed range
// (or kept choices) per hyperparameter its region named, on the scale of the row.
import { OPTIMIZERS, type OptimizerName } from '../../core/config';
import { describeRange, parseInRange, type SettingRow, setting } from '../../core/hyperparameters';
import {
  type Dimension,
  draftOf,
  HYPERPARAMETERS,
  type HyperKey,
  numberText,
  parseRow,
  type RowDraft,
  type RowMode,
  type SearchSpace,
} from '../../core/search/space';
import { STRATEGIES, type Strategy } from '../../core/search/strategies';
import { applyZoom, type Zoom, zoomProblem } from '../../core/search/zoom';
import { linkNotice } from '../../state/urlHash';

export interface StudyLink {
  strategy: Strategy;
  /** As typed: a budget over the cap is refused at its field, not dropped. */
  budget: string;
  seed: number;
  steps: number;
  optimizer: OptimizerName;
  drafts: Record<HyperKey, RowDraft>;
  /** Rounds 2, 3, …: what each zoom narrowed (re-created by "Run study"). */
  zooms: Zoom[];
}

const SEED = setting('seed');
const STEPS = setting('studySteps');
export const DEFAULT_STEPS = STEPS.default;
export const MIN_STEPS = STEPS.range.min;
export const MAX_STEPS = STEPS.range.max;
const RANGE_MODES: readonly RowMode[] = ['linear', 'log', 'oneMinusLog', 'int'];

export function draftsOf(space: SearchSpace): Record<HyperKey, RowDraft> {
  const drafts = {} as Record<HyperKey, RowDraft>;
  for (const h of HYPERPARAMETERS) drafts[h.key] = draftOf(space[h.key], h);
  return drafts;
}

function part(text: string): string {
  return encodeURIComponent(text.trim()).replace(/%2C/g, ',');
}

/** A row as it goes into the link. */
export function encodeRow(d: RowDraft): string {
  if (d.mode === 'fixed') return part(d.value);
  if (d.mode === 'choice') return `choice:${d.choices.split(',').map(part).join(',')}`;
  return `${d.mode}:${part(d.low)}:${part(d.high)}`;
}

/** A row from the link, or null when its form is not one of those above. */
export function decodeRow(raw: string, fallback: RowDraft): RowDraft | null {
  const pieces = raw.split(':');
  if (pieces.length === 1) return raw.trim() === '' ? null : { ...fallback, mode: 'fixed', value: raw };
  const [mode, ...rest] = pieces;
  if (mode === 'choice' && rest.length === 1) return { ...fallback, mode: 'choice', choices: rest[0] };
  if ((RANGE_MODES as readonly string[]).includes(mode) && rest.length === 2) {
    return { ...fallback, mode: mode as RowMode, low: rest[0], high: rest[1] };
  }
  return null;
}

export function encodeStudy(link: StudyLink): string {
  const pairs: [string, string][] = [
    ['lab', 'search'],
    ['strategy', link.strategy],
    ['budget', part(link.budget)],
    ['seed', String(link.seed)],
    ['steps', String(link.steps)],
    ['opt', link.optimizer],
  ];
  for (const h of HYPERPARAMETERS) pairs.push([h.urlKey, encodeRow(link.drafts[h.key])]);
  link.zooms.forEach((zoom, i) => {
    pairs.push([`round${i + 2}`, encodeZoom(zoom)]);
  });
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function dimensionText(d: Dimension): string {
  if (d.scale === 'fixed') return numberText(d.value);
  if (d.scale === 'choice') return d.choices.map(numberText).join(',');
  return `${numberText(d.low)}:${numberText(d.high)}`;
}

/** A zoomed round as it goes into the link: `lr:0.001:0.1;batch:32,64`, in the table's order. */
export function encodeZoom(zoom: Zoom): string {
  return HYPERPARAMETERS.filter((h) => zoom[h.key])
    .map((h) => `${h.urlKey}:${dimensionText(zoom[h.key] as Dimension)}`)
    .join(';');
}

/** A zoomed round from the link, read on the previous round's space; a reason when it does not fit. */
export function decodeZoom(raw: string, prev: SearchSpace): { zoom: Zoom } | { reason: string } {
  const zoom: Zoom = {};
  const parts = raw.split(';').filter((p) => p.trim() !== '');
  if (parts.length === 0) return { reason: 'it names no hyperparameter' };
  for (const part of parts) {
    const [urlKey, ...rest] = part.split(':');
    const def = HYPERPARAMETERS.find((h) => h.urlKey === urlKey);
    if (!def) return { reason: `"${urlKey}" is not a hyperparameter key` };
    if (zoom[def.key]) return { reason: `${urlKey} appears twice` };
    const p = prev[def.key];
    const numbers = (texts: string[]) => texts.map((t) => (t.trim() === '' ? Number.NaN : Number(t)));
    if (p.scale === 'fixed') return { reason: `${def.label} is not searched` };
    if (p.scale === 'choice') {
      const values = rest.length === 1 ? numbers(rest[0].split(',')) : [];
      if (values.length === 0 || values.some((v) => !Number.isFinite(v)))
        return { reason: `${urlKey} needs choices a,b,…` };
      zoom[def.key] =
        values.length === 1 ? { scale: 'fixed', value: values[0] } : { scale: 'choice', choices: values };
    } else {
      const [low, high] = numbers(rest);
      if (rest.length !== 2 || !Number.isFinite(low) || !Number.isFinite(high))
        return { reason: `${urlKey} needs low:high` };
      zoom[def.key] = { scale: p.scale, low, high };
    }
  }
  const problem = zoomProblem(prev, zoom);
  return problem ? { reason: problem } : { zoom };
}

const ROUND_KEY = /^round(\d+)$/;

/** The zoomed rounds of a link, in order; a round that does not fit is dropped, with those after it. */
function decodeZooms(params: URLSearchParams, drafts: Record<HyperKey, RowDraft>, notices: string[]): Zoom[] {
  const raws = new Map<number, string>();
  for (const [key, value] of params) {
    const m = ROUND_KEY.exec(key);
    if (m) raws.set(Number(m[1]), value);
  }
  if (raws.size === 0) return [];
  let space: SearchSpace | null = {} as SearchSpace;
  for (const h of HYPERPARAMETERS) {
    const r = parseRow(h, drafts[h.key]);
    if (r.ok && space) space[h.key] = r.dim;
    else space = null;
  }
  const zooms: Zoom[] = [];
  const last = Math.max(...raws.keys());
  for (let n = 2; n <= last; n++) {
    const raw = raws.get(n);
    const reason =
      raw === undefined
        ? `round ${n} is missing`
        : space === null
          ? 'the search space has a problem to fix first'
          : null;
    const decoded = raw !== undefined && space ? decodeZoom(raw, space) : { reason: reason ?? '' };
    if ('reason' in decoded) {
      const after = n < last ? ` and the rounds after it` : '';
      notices.push(
        `"round${n}": "${raw ?? ''}" is not a zoomed round (${decoded.reason}); dropping round ${n}${after}.`,
      );
      break;
    }
    zooms.push(decoded.zoom);
    space = applyZoom(space as SearchSpace, decoded.zoom);
  }
  for (const n of raws.keys()) {
    if (n < 2) notices.push(`"round${n}" is not a zoomed round (they start at round2); ignoring it.`);
  }
  return zooms;
}

/**
 * The study a link describes; a key whose form is wrong falls back to its default with a notice that
 * names it. Keys a link leaves out keep their defaults (a bare `#lab=search` opens the default study).
 */
export function decodeStudy(hash: string, defaults: StudyLink): { link: StudyLink; notices: string[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const link: StudyLink = { ...defaults, drafts: { ...defaults.drafts }, zooms: [] };
  const notices: string[] = [];
  const refuse = (key: string, raw: string, what: string, fallback: string) =>
    notices.push(linkNotice(key, raw, what, fallback));
  // A setting of the table: its URL key, label and range, as every other screen reads it.
  const numberSetting = (row: SettingRow, fallback: number): number => {
    const raw = params.get(row.urlKey);
    if (raw === null) return fallback;
    const v = parseInRange(raw, row.range);
    if (v === undefined)
      refuse(row.urlKey, raw, `${row.label} (${describeRange(row.range)})`, String(fallback));
    return v ?? fallback;
  };

  const strategy = params.get('strategy');
  if (strategy !== null) {
    if ((STRATEGIES as readonly string[]).includes(strategy)) link.strategy = strategy as Strategy;
    else refuse('strategy', strategy, `strategy (${STRATEGIES.join(', ')})`, defaults.strategy);
  }
  const budget = params.get('budget');
  if (budget !== null) link.budget = budget;
  link.seed = numberSetting(SEED, defaults.seed);
  link.steps = numberSetting(STEPS, defaults.steps);
  const opt = params.get('opt');
  if (opt !== null) {
    if ((OPTIMIZERS as readonly string[]).includes(opt)) link.optimizer = opt as OptimizerName;
    else refuse('opt', opt, `optimizer (${OPTIMIZERS.join(', ')})`, defaults.optimizer);
  }
  for (const h of HYPERPARAMETERS) {
    const raw = params.get(h.urlKey);
    if (raw === null) continue;
    const row = decodeRow(raw, defaults.drafts[h.key]);
    if (row) link.drafts[h.key] = row;
    else
      refuse(
        h.urlKey,
        raw,
        `${h.label} (a number, or scale:low:high, or choice:a,b,…)`,
        encodeRow(defaults.drafts[h.key]),
      );
  }
  link.zooms = decodeZooms(params, link.drafts, notices);
  return { link, notices };
}
