import { describe, expect, it } from 'vitest';
import { sceneById } from '../../core/scenes/sceneCatalog';
import { ratioOutcome, testTimeOutcome } from './bnScenes';
import { REVEAL_TEST_TIME_STEPS, type TestTimeReading } from './testTimeResult';

describe('ratioOutcome', () => {
  it('should judge the measured ratio and state both α', () => {
    const o = ratioOutcome({ raw: 0.01, normalized: 1 });
    expect(o?.choice).toBe('many');
    expect(o?.detail).toMatch(/100×/);
  });
  it('should support no choice when a bowl has no converging α', () => {
    expect(ratioOutcome({ raw: null, normalized: 1 })?.choice).toBeNull();
    expect(ratioOutcome(null)).toBeNull();
  });
});

/** A reading of 10 dev examples over `classes` classes with the two accuracies given. */
function reading(batchStats: number, running: number, classes = 10): TestTimeReading {
  const labels = Int32Array.from({ length: 10 }, (_, i) => i % classes);
  const none = new Int32Array(10);
  return {
    runId: 3,
    model: 0,
    modes: {
      step: 600,
      trainModeCost: 0.3,
      trainModeAccuracy: 0.9,
      evalModeCost: 0.3,
      evalModeAccuracy: running,
      oneAtATime: {
        batchStatisticsAccuracy: batchStats,
        runningAveragesAccuracy: running,
        labels,
        batchStatisticsPrediction: none,
        runningAveragesPrediction: labels,
        batchStatisticsConfidence: new Float32Array(10),
        runningAveragesConfidence: new Float32Array(10),
      },
    },
  };
}

describe('testTimeOutcome', () => {
  it('should judge the reading against chance (one over the dev set’s classes) and the running averages', () => {
    const o = testTimeOutcome(reading(0.084, 0.939));
    expect(o).toEqual({
      choice: 'chance',
      detail:
        'one example at a time at step 600, 8.4% with its own batch statistics, 93.9% with the running averages (chance: 10.0%, 10 classes)',
    });
    expect(testTimeOutcome(reading(0.5, 0.9))?.choice).toBe('lower');
    expect(testTimeOutcome(reading(0.9, 0.92))?.choice).toBe('same');
    // Two classes: chance is 50 %, so 40 % against 90 % is "about chance".
    expect(testTimeOutcome(reading(0.4, 0.9, 2))?.choice).toBe('chance');
  });
  it('should support no choice when the numbers fit none, and wait for a reading', () => {
    expect(testTimeOutcome(reading(0.9, 0.5))?.choice).toBeNull();
    expect(testTimeOutcome(null)).toBeNull();
    const noBn = reading(0.1, 0.9);
    expect(testTimeOutcome({ ...noBn, modes: { ...noBn.modes, oneAtATime: null } })).toBeNull();
  });
});

describe('the test-time scene', () => {
  it('should say the steps its Reveal really trains', () => {
    expect(sceneById('test-time')?.caption[1]).toContain(
      `trains the network for about ${REVEAL_TEST_TIME_STEPS} steps`,
    );
  });
});
