import { describe, expect, it } from 'vitest';
import { defaultSpace } from '../search/space';
import { sampleStudy } from '../search/strategies';
import { makeTrials } from '../search/study';
import { parseStudyFile, studyFileOf, trialsOfFile } from './studyFile';

function aStudy() {
  const space = defaultSpace();
  space.learningRate = { scale: 'log', low: 1e-4, high: 1 };
  const { trials: values } = sampleStudy(space, 'random', 4, 1);
  const trials = makeTrials(values, 0, 'random', 0).map((t, i) => ({
    ...t,
    status: i === 3 ? ('diverged' as const) : ('finished' as const),
    devCost: i === 3 ? Number.NaN : 0.2 + i / 10,
    trainCost: 0.1,
    devAccuracy: 0.9,
    steps: 300,
  }));
  return studyFileOf({
    strategy: 'random',
    budget: 4,
    seed: 1,
    steps: 300,
    optimizer: 'adam',
    space,
    rounds: [{ index: 0, space, strategy: 'random', region: null, trialIds: trials.map((t) => t.id) }],
    trials,
  });
}

describe('study file', () => {
  it('should round-trip a study through JSON, NaN costs as null and back', () => {
    const file = aStudy();
    const parsed = parseStudyFile(JSON.stringify(file));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file).toEqual(file);
    const trials = trialsOfFile(parsed.file);
    expect(trials[0].devCost).toBeCloseTo(0.2);
    expect(trials[3].devCost).toBeNaN();
  });

  it('should refuse text that is not JSON, with the reason', () => {
    const parsed = parseStudyFile('{ not json');
    expect(parsed).toMatchObject({ ok: false });
    if (!parsed.ok) expect(parsed.reason).toMatch(/^This is not JSON/);
  });

  it('should refuse another format by name', () => {
    const parsed = parseStudyFile(JSON.stringify({ format: 'something-else' }));
    if (!parsed.ok) expect(parsed.reason).toContain('"something-else"');
    else throw new Error('accepted another format');
  });

  it('should name where a malformed study is wrong', () => {
    const file = aStudy() as unknown as { trials: { values: Record<string, unknown> }[] };
    file.trials[1].values.learningRate = 'fast';
    const parsed = parseStudyFile(JSON.stringify(file));
    if (parsed.ok) throw new Error('accepted a malformed study');
    expect(parsed.reason).toContain('trials.1.values.learningRate');
  });

  it('should refuse a round that names a trial the file lacks', () => {
    const file = aStudy();
    file.rounds[0].trialIds.push(99);
    const parsed = parseStudyFile(JSON.stringify(file));
    if (parsed.ok) throw new Error('accepted a dangling trial id');
    expect(parsed.reason).toContain('names trial 99');
  });
});
