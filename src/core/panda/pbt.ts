// Population-based training, the bookkeeping half: which members copy whom and with what perturbed
// hyperparameters ("exploit" then "explore"), and the lineage that records it. The lab carries the
// decisions out in the worker (snapshot the source, restore it into the target, set the new values).
import type { Rng } from '../rng';

/** The two hyperparameters the population tunes as it trains. */
export interface PbtHyper {
  learningRate: number;
  /** β (momentum) or β1 (Adam), whichever the optimizer has. */
  momentum: number;
}

export interface PbtOptions {
  /** Share of the population that copies (the worst) and is copied from (the best): a fifth. */
  fraction: number;
  /** Multipliers an explored value is drawn from. */
  factors: readonly number[];
  bounds: { learningRate: [number, number]; momentum: [number, number] };
}

export const DEFAULT_PBT_OPTIONS: PbtOptions = {
  fraction: 0.2,
  factors: [0.8, 1.2],
  bounds: { learningRate: [1e-4, 1], momentum: [0.5, 0.99] },
};

export interface ExploitDecision {
  /** The member that is replaced… */
  target: number;
  /** …by a copy of this one (weights and hyperparameters)… */
  source: number;
  /** …then explores: the source's values times these factors, kept within bounds. */
  factors: PbtHyper;
  hyper: PbtHyper;
}

/** Member indices best first (lowest score); a missing or non-finite score (a diverged model) ranks last. */
export function rankMembers(scores: readonly number[]): number[] {
  const key = (i: number) => (Number.isFinite(scores[i]) ? scores[i] : Number.POSITIVE_INFINITY);
  return scores.map((_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
}

/** How many members a fifth is: at least one, and never more than half of the population. */
export function fifthOf(n: number, fraction = 0.2): number {
  return Math.max(1, Math.min(Math.floor(n / 2), Math.round(n * fraction)));
}

export function clamp(v: number, [lo, hi]: readonly [number, number]): number {
  return Math.min(hi, Math.max(lo, v));
}

/**
 * One exploit/explore round: each member of the worst fifth copies a member of the best fifth (drawn
 * at random) and multiplies its α and β by 0.8 or 1.2 (drawn at random), clamped to the bounds.
 */
export function exploitExplore(
  scores: readonly number[],
  hypers: readonly PbtHyper[],
  rng: Rng,
  options: PbtOptions = DEFAULT_PBT_OPTIONS,
): ExploitDecision[] {
  const n = scores.length;
  if (n < 2) return [];
  const k = fifthOf(n, options.fraction);
  const order = rankMembers(scores);
  const best = order.slice(0, k);
  const worst = order.slice(n - k);
  return worst.map((target) => {
    const source = best[rng.int(best.length)];
    const factors: PbtHyper = {
      learningRate: options.factors[rng.int(options.factors.length)],
      momentum: options.factors[rng.int(options.factors.length)],
    };
    const h = hypers[source];
    return {
      target,
      source,
      factors,
      hyper: {
        learningRate: clamp(h.learningRate * factors.learningRate, options.bounds.learningRate),
        momentum: clamp(h.momentum * factors.momentum, options.bounds.momentum),
      },
    };
  });
}

/** A stretch of one member's life with the same hyperparameters. */
export interface LineageSegment {
  fromStep: number;
  /** null while it lasts. */
  toStep: number | null;
  hyper: PbtHyper;
  /** Where its weights came from at fromStep: another member's copy, or null (its own past, or the start). */
  copiedFrom: number | null;
}

/** Each member's segments, oldest first. */
export type Lineage = LineageSegment[][];

export function startLineage(hypers: readonly PbtHyper[]): Lineage {
  return hypers.map((hyper) => [{ fromStep: 0, toStep: null, hyper: { ...hyper }, copiedFrom: null }]);
}

/** The lineage after a round of decisions at `step` (a new array; members not copied go on unchanged). */
export function applyExploit(lineage: Lineage, decisions: readonly ExploitDecision[], step: number): Lineage {
  const next = lineage.map((segments) => segments.map((s) => ({ ...s })));
  for (const d of decisions) {
    const segments = next[d.target];
    const last = segments[segments.length - 1];
    if (last) last.toStep = step;
    segments.push({ fromStep: step, toStep: null, hyper: { ...d.hyper }, copiedFrom: d.source });
  }
  return next;
}

/** The hyperparameters each member has now (its last segment). */
export function currentHypers(lineage: Lineage): PbtHyper[] {
  return lineage.map((segments) => segments[segments.length - 1].hyper);
}

/** The members a member descends from, nearest first (following copies back in time). */
export function ancestry(lineage: Lineage, member: number): { member: number; step: number }[] {
  const out: { member: number; step: number }[] = [];
  let m = member;
  let before = Number.POSITIVE_INFINITY;
  for (let guard = 0; guard < 1000; guard++) {
    const copy = [...lineage[m]].reverse().find((s) => s.copiedFrom !== null && s.fromStep < before);
    if (!copy || copy.copiedFrom === null) break;
    out.push({ member: copy.copiedFrom, step: copy.fromStep });
    m = copy.copiedFrom;
    before = copy.fromStep;
  }
  return out;
}
