import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import {
  ancestry,
  applyExploit,
  currentHypers,
  DEFAULT_PBT_OPTIONS,
  exploitExplore,
  fifthOf,
  rankMembers,
  startLineage,
} from './pbt';

const hypers = Array.from({ length: 10 }, (_, i) => ({ learningRate: 0.001 * (i + 1), momentum: 0.9 }));

describe('population-based training', () => {
  it('should rank members by score, diverged (NaN) last', () => {
    expect(rankMembers([0.5, Number.NaN, 0.1, 0.3])).toEqual([2, 3, 0, 1]);
  });

  it('should take a fifth of the population, at least one', () => {
    expect(fifthOf(10)).toBe(2);
    expect(fifthOf(3)).toBe(1);
    expect(fifthOf(20)).toBe(4);
  });

  it('should make the worst fifth copy members of the best fifth', () => {
    // Score = member index: 0 and 1 are best, 8 and 9 worst.
    const scores = hypers.map((_, i) => i / 10);
    for (let seed = 0; seed < 20; seed++) {
      const decisions = exploitExplore(scores, hypers, createRng(seed));
      expect(decisions.map((d) => d.target).sort()).toEqual([8, 9]);
      for (const d of decisions) expect([0, 1]).toContain(d.source);
    }
  });

  it('should replace diverged members first', () => {
    const scores = hypers.map((_, i) => (i === 3 ? Number.NaN : i / 10));
    const targets = exploitExplore(scores, hypers, createRng(1)).map((d) => d.target);
    expect(targets).toContain(3);
  });

  it('should perturb the copied values by ×0.8 or ×1.2, within bounds', () => {
    const scores = hypers.map((_, i) => i);
    const seen = new Set<number>();
    for (let seed = 0; seed < 40; seed++) {
      for (const d of exploitExplore(scores, hypers, createRng(seed))) {
        const src = hypers[d.source];
        expect([0.8, 1.2]).toContain(d.factors.learningRate);
        expect([0.8, 1.2]).toContain(d.factors.momentum);
        seen.add(d.factors.learningRate);
        expect(d.hyper.learningRate).toBeCloseTo(src.learningRate * d.factors.learningRate, 12);
        const [lo, hi] = DEFAULT_PBT_OPTIONS.bounds.momentum;
        expect(d.hyper.momentum).toBeGreaterThanOrEqual(lo);
        expect(d.hyper.momentum).toBeLessThanOrEqual(hi);
        expect(d.hyper.momentum).toBeCloseTo(Math.min(hi, src.momentum * d.factors.momentum), 12);
      }
    }
    expect([...seen].sort()).toEqual([0.8, 1.2]);
  });

  it('should clamp a perturbed α to its bounds', () => {
    const top = [
      { learningRate: 1, momentum: 0.99 },
      { learningRate: 1e-4, momentum: 0.5 },
    ];
    for (let seed = 0; seed < 10; seed++) {
      const [d] = exploitExplore([0, 1], top, createRng(seed));
      expect(d.target).toBe(1);
      expect(d.hyper.learningRate).toBeLessThanOrEqual(1);
      expect(d.hyper.momentum).toBeLessThanOrEqual(0.99);
    }
  });

  it('should record the lineage: who copied whom, when, with which values', () => {
    let lineage = startLineage(hypers.slice(0, 5));
    const scores = [0.1, 0.2, 0.3, 0.4, 0.5];
    const first = exploitExplore(scores, currentHypers(lineage), createRng(3));
    expect(first).toHaveLength(1);
    lineage = applyExploit(lineage, first, 200);
    const t = first[0].target;
    expect(t).toBe(4);
    expect(lineage[t]).toHaveLength(2);
    expect(lineage[t][0].toStep).toBe(200);
    expect(lineage[t][1]).toMatchObject({ fromStep: 200, copiedFrom: 0, toStep: null });
    expect(currentHypers(lineage)[t]).toEqual(first[0].hyper);
    // Member 3 later copies member 4: its ancestry goes 4 (at 400), then 0 (at 200).
    lineage = applyExploit(
      lineage,
      [{ target: 3, source: 4, factors: first[0].factors, hyper: first[0].hyper }],
      400,
    );
    expect(ancestry(lineage, 3)).toEqual([
      { member: 4, step: 400 },
      { member: 0, step: 200 },
    ]);
    expect(ancestry(lineage, 1)).toEqual([]);
  });
});
