import { describe, expect, it } from 'vitest';
import { defaultSpace, HYPERPARAMETERS, hyperDef, parseRow } from '../../core/search/space';
import { sampleStudy } from '../../core/search/strategies';
import { applyZoom, zoomOf } from '../../core/search/zoom';
import { decodeRow, decodeStudy, draftsOf, encodeStudy, type StudyLink } from './searchHash';
import { defaultStudyLink, studyProblems } from './searchStore';

describe('search-lab link', () => {
  it('should write the documented form', () => {
    const hash = encodeStudy(defaultStudyLink());
    expect(hash).toMatch(/^lab=search&strategy=random&budget=25&seed=1&steps=600&opt=adam&/);
    expect(hash).toContain('lr=log:0.0001:1');
    expect(hash).toContain('eps=log:1e-10:1e-6');
    expect(hash).toContain('beta=0.9');
    expect(hash).toContain('batch=128');
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

describe('every key of the search link', () => {
  it('should round-trip a non-default value of every key', () => {
    const defaults = defaultStudyLink();
    const base = decodeStudy(
      'lab=search&strategy=grid&budget=12&seed=9&steps=450&opt=momentum&lr=linear:0.001:0.5' +
        '&beta=oneMinusLog:0.8:0.99&units=choice:8,32&batch=int:8:64&layers=int:1:3&decay=log:0.01:1' +
        '&bn=choice:0,1&beta1=0.85&beta2=linear:0.9:0.99&eps=1e-7',
      defaults,
    );
    expect(base.notices).toEqual([]);
    const space = studyProblems(base.link.drafts, base.link.budget).space;
    if (!space) throw new Error('space should be valid');
    const link: StudyLink = { ...base.link, zooms: [zoomOf(space, { learningRate: [0.1, 0.3] })] };
    for (const k of ['strategy', 'budget', 'seed', 'steps', 'optimizer'] as const) {
      expect(link[k], k).not.toEqual(defaults[k]);
    }
    for (const h of HYPERPARAMETERS) expect(link.drafts[h.key], h.key).not.toEqual(defaults.drafts[h.key]);
    const hash = encodeStudy(link);
    expect([...new URLSearchParams(hash).keys()]).toEqual([
      'lab',
      'strategy',
      'budget',
      'seed',
      'steps',
      'opt',
      ...HYPERPARAMETERS.map((h) => h.urlKey),
      'round2',
    ]);
    expect(decodeStudy(hash, defaults)).toEqual({ link, notices: [] });
  });

  it('should fall back to this lab’s seed and steps, naming the key and the fallback', () => {
    const { link, notices } = decodeStudy('lab=search&seed=2147483648&steps=10', defaultStudyLink());
    expect(link.seed).toBe(1);
    expect(link.steps).toBe(600);
    expect(notices).toEqual([
      '"seed": "2147483648" is not a valid seed (a whole number from 0 to 2147483647); using 1.',
      '"steps": "10" is not a valid number of steps per trial (a whole number from 20 to 5000); using 600.',
    ]);
  });
});

describe('zoomed rounds in the link', () => {
  const wide =
    'lab=search&strategy=random&budget=8&seed=5&lr=log:0.0001:1&batch=choice:16,32,64,128&units=int:50:100&beta=oneMinusLog:0.9:0.999';

  it('should write each round as round<n>= and read the same rounds back', () => {
    const base = decodeStudy(wide, defaultStudyLink()).link;
    const space = studyProblems(base.drafts, base.budget).space;
    if (!space) throw new Error('space should be valid');
    const z1 = zoomOf(space, { learningRate: [-3, -1], miniBatchSize: [0.6, 2.2], momentum: [1.5, 2.5] });
    const z2 = zoomOf(applyZoom(space, z1), { learningRate: [-2.5, -1.5], hiddenUnits: [60, 70.4] });
    const link: StudyLink = { ...base, zooms: [z1, z2] };
    const hash = encodeStudy(link);
    expect(hash).toContain('round2=lr:0.001:0.1;beta:0.9684:0.99684;batch:32,64');
    expect(hash).toContain('round3=lr:0.003162:0.03162;units:60:70');
    const back = decodeStudy(hash, defaultStudyLink());
    expect(back.notices).toEqual([]);
    expect(back.link).toEqual(link);
  });

  it('should re-create the same samples of every round', () => {
    const base = decodeStudy(wide, defaultStudyLink()).link;
    const space = studyProblems(base.drafts, base.budget).space;
    if (!space) throw new Error('space should be valid');
    const z1 = zoomOf(space, { learningRate: [-3.3, -1.7], momentum: [1.2, 2.9] });
    const shared = decodeStudy(encodeStudy({ ...base, zooms: [z1] }), defaultStudyLink()).link;
    const round2 = applyZoom(space, shared.zooms[0]);
    expect(round2).toEqual(applyZoom(space, z1));
    expect(sampleStudy(round2, 'random', 8, 5, 1)).toEqual(
      sampleStudy(applyZoom(space, z1), 'random', 8, 5, 1),
    );
  });

  it('should keep a choice round that narrows to one value as fixed', () => {
    const { link, notices } = decodeStudy(`${wide}&round2=batch:64`, defaultStudyLink());
    expect(notices).toEqual([]);
    expect(link.zooms).toEqual([{ miniBatchSize: { scale: 'fixed', value: 64 } }]);
  });

  it.each([
    ['round2=lr:0.1:0.001', 'round2', /low must be below its high/],
    ['round2=lr:0.01:5', 'round2', /outside the earlier range/],
    ['round2=layers:2:3', 'round2', /not searched/],
    ['round2=batch:24,32', 'round2', /not one of the choices/],
    ['round2=what:1:2', 'round2', /not a hyperparameter key/],
    ['round2=lr:abc', 'round2', /needs low:high/],
    ['round3=lr:0.001:0.1', 'round2', /missing/],
  ])('should drop a malformed round (%s) with a notice naming it', (extra, name, reason) => {
    const { link, notices } = decodeStudy(`${wide}&${extra}`, defaultStudyLink());
    expect(link.zooms).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`"${name}"`);
    expect(notices[0]).toMatch(reason);
    // Everything else in the link still applies.
    expect(link.seed).toBe(5);
    expect(link.drafts.learningRate.mode).toBe('log');
  });

  it('should keep the good rounds before a malformed one', () => {
    const { link, notices } = decodeStudy(
      `${wide}&round2=lr:0.001:0.1&round3=lr:0.0001:0.01&round4=lr:0.002:0.05`,
      defaultStudyLink(),
    );
    expect(link.zooms).toEqual([{ learningRate: { scale: 'log', low: 0.001, high: 0.1 } }]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/"round3".*dropping round 3 and the rounds after it/);
  });
});
