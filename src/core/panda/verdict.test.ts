import { describe, expect, it } from 'vitest';
import { measuredVerdict } from './verdict';

describe('when each wins, as measured', () => {
  it('should name the approach with the lowest dev cost, with its compute and effort', () => {
    const lines = measuredVerdict([
      { name: 'the panda', modelSteps: 450, best: 0.21, interventions: 3 },
      { name: 'the caviar', modelSteps: 450, best: 0.12, interventions: 1 },
      { name: 'population-based training', modelSteps: 0, best: Number.NaN, interventions: 1 },
    ]);
    expect(lines[0]).toBe(
      'Measured here: the caviar reached the lowest dev cost, 0.12, with 450 model-steps and 1 intervention.',
    );
    expect(lines[1]).toBe('the panda: 0.21 with the same model-steps and 3 interventions.');
    expect(lines).toHaveLength(2);
  });

  it('should say so when the panda wins, and when only one approach ran', () => {
    expect(
      measuredVerdict([
        { name: 'the panda', modelSteps: 300, best: 0.1, interventions: 2 },
        { name: 'the caviar', modelSteps: 300, best: 0.3, interventions: 1 },
      ])[0],
    ).toMatch(/^Measured here: the panda reached the lowest/);
    expect(measuredVerdict([{ name: 'the panda', modelSteps: 300, best: 0.1, interventions: 0 }])[0]).toMatch(
      /only the panda has run so far/,
    );
    expect(measuredVerdict([])).toEqual([]);
  });
});
