import { describe, expect, it } from 'vitest';
import { defaultSpace, parseRow, hyperDef } from '../../core/search/space';
import { sampleStudy } from '../../core/search/strategies';
import { decodeRow, decodeStudy, draftsOf, encodeStudy, type StudyLink } from './searchHash';
import { defaultStudyLink, studyProblems } from './searchStore';

describe('search-lab link', () => {
  it('should write the documented form', () => {
    const hash = encodeStudy(defaultStudyLink());
    expect(hash).toMatch(/^lab=search&strategy=random&budget=25&seed=1&steps=300&opt=adam&/);
    expect(hash).toContain('lr=log:0.0001:1');
    expect(hash).toContain('eps=log:1e-10:1e-6');
    expect(hash).toContain('beta=0.9');
    expect(hash).toContain('batch=32');
  });

  it('should read every scale back', () => {
    const hash =
      'lab=search&strategy=quasi&budget=30&seed=7&steps=400&opt=momentum&lr=log:0.001:0.5&beta=oneMinusLog:0.9:0.999' +
      '&layers=int:2:4&batch=choice:16,32,64,128&units=int:50:100&eps=1e-8&decay=linear:0:1';
    const { link, notices } = decodeStudy(hash, defaultStudyLink());
    expect(notices).toEqual([]);
    expect(link.strategy).toBe('quasi');
    expect(link.budget).toBe('30');
    expect(link.seed).toBe(7);
    expect(link.steps).toBe(400);
    expect(link.optimizer).toBe('momentum');
    const p = studyProblems(link.drafts, link.budget);
    expect(p.space?.learningRate).toEqual({ scale: 'log', low: 0.001, high: 0.5 });
    expect(p.space?.momentum).toEqual({ scale: 'oneMinusLog', low: 0.9, high: 0.999 });
    expect(p.space?.layers).toEqual({ scale: 'int', low: 2, high: 4 });
    expect(p.space?.miniBatchSize).toEqual({ scale: 'choice', choices: [16, 32, 64, 128] });
    expect(p.space?.epsilon).toEqual({ scale: 'fixed', value: 1e-8 });
    // and back to the same link
    expect(decodeStudy(encodeStudy(link), defaultStudyLink()).link).toEqual(link);
  });

  it('should re-create the same samples from a shared link', () => {
    const link: StudyLink = { ...defaultStudyLink(), strategy: 'random', seed: 42 };
    const shared = decodeStudy(encodeStudy(link), defaultStudyLink()).link;
    const a = studyProblems(link.drafts, link.budget).space;
    const b = studyProblems(shared.drafts, shared.budget).space;
    if (!a || !b) throw new Error('space should be valid');
    expect(sampleStudy(b, shared.strategy, 25, shared.seed)).toEqual(
      sampleStudy(a, link.strategy, 25, link.seed),
    );
  });

  it('should keep a bad range as written so its row shows the reason', () => {
    const { link, notices } = decodeStudy('lab=search&lr=log:1:0.0001&budget=100', defaultStudyLink());
    expect(notices).toEqual([]);
    const p = studyProblems(link.drafts, link.budget);
    expect(p.rows.learningRate).toMatch(/must be below high/);
    expect(p.budget).toMatch(/cap of 64/);
    expect(p.space).toBeNull();
  });

  it('should refuse a malformed key with a notice and keep its default', () => {
    const { link, notices } = decodeStudy('lab=search&strategy=bogus&lr=weird:1&seed=-3', defaultStudyLink());
    expect(notices).toHaveLength(3);
    expect(link.strategy).toBe('random');
    expect(link.drafts.learningRate).toEqual(defaultStudyLink().drafts.learningRate);
  });

  it('should open the default study from a bare lab link', () => {
    expect(decodeStudy('lab=search', defaultStudyLink()).link).toEqual(defaultStudyLink());
  });

  it('should decode a fixed value', () => {
    const row = decodeRow('0.01', draftsOf(defaultSpace()).learningRate);
    expect(row && parseRow(hyperDef('learningRate'), row)).toEqual({
      ok: true,
      dim: { scale: 'fixed', value: 0.01 },
    });
  });
});
