// The run loop's speed cap, on a simulated clock: time passes only while the loop waits, so the
// counts below depend on the cap alone, never on how fast this machine steps.
import { beforeAll, describe, expect, it } from 'vitest';
import { dataConfigOf, DEFAULT_EXPERIMENT, modelSpecOf } from '../core/experiment';
import { prepareData } from './preparedData';
import { type LoopClock, type LoopListener, type LoopStatus, RunLoop, yieldToEvents } from './runLoop';
import { useCpuBackend } from './testBackend';
import { Trainer } from './trainer';

beforeAll(useCpuBackend);

const e = { ...DEFAULT_EXPERIMENT, hidden: [4], batchNorm: [false] };

/**
 * Simulated time: a wait that ends before `horizon` passes at once; one that would end later parks
 * the loop there (as if the test looked at that moment) until the horizon moves on or a command wakes it.
 */
class SimulatedClock implements LoopClock {
  t = 0;
  horizon = 0;
  waits = 0;
  private parked: (() => void) | null = null;
  now(): number {
    return this.t;
  }
  sleep(ms: number, wake: (resume: () => void) => void): Promise<void> {
    this.waits++;
    return new Promise((resolve) => {
      const go = () => {
        this.t += ms;
        setTimeout(resolve, 0);
      };
      wake(() => {
        this.parked = null;
        resolve();
      });
      if (this.t + ms <= this.horizon) go();
      else this.parked = go;
    });
  }
  get isParked(): boolean {
    return this.parked !== null;
  }
  /** Lets simulated time run on to `horizon` ms and waits until the loop parks there. */
  async runUntil(horizon: number, loop: RunLoop): Promise<void> {
    this.horizon = horizon;
    const parked = this.parked;
    this.parked = null;
    parked?.();
    for (let i = 0; i < 100_000 && !(this.isParked && loop.status === 'running'); i++) await yieldToEvents();
    expect(this.isParked, 'the loop waits for its cap').toBe(true);
  }
}

function setUp(maxSteps = 100_000) {
  const trainer = new Trainer(prepareData(dataConfigOf(e)), [modelSpecOf(e)], { maxSteps, evalEvery: 50 });
  const statuses: LoopStatus[] = [];
  const listener: LoopListener = {
    progress() {},
    status: (s) => statuses.push(s),
    modelStatus() {},
    error(message) {
      throw new Error(message);
    },
  };
  const clock = new SimulatedClock();
  const loop = new RunLoop(trainer, listener, undefined, undefined, clock);
  const steps = () => trainer.stepOf(0);
  const settle = async (status: LoopStatus) => {
    for (let i = 0; i < 100_000 && loop.status !== status; i++) await yieldToEvents();
    // Let the loop wind down (a chunk in flight lands) before counting.
    for (let i = 0; i < 50; i++) await yieldToEvents();
  };
  return { trainer, loop, clock, steps, statuses, settle };
}

describe('the run loop’s speed cap', () => {
  it('should take ~50 steps in a simulated second at 50 steps/s, never more, waiting on a timer', async () => {
    const { loop, clock, steps } = setUp();
    loop.setSpeed(50);
    loop.resume();
    await clock.runUntil(1000, loop);
    // At most cap × elapsed (50), not the hundreds an uncapped loop takes; within a chunk of it.
    expect(steps()).toBeLessThanOrEqual(50);
    expect(steps()).toBeGreaterThanOrEqual(45);
    expect(clock.waits).toBeGreaterThan(10);
    await clock.runUntil(2000, loop);
    expect(steps()).toBeLessThanOrEqual(100);
    expect(steps()).toBeGreaterThanOrEqual(95);
    await loop.stop();
  });

  it('should still take explicit steps at once, then stay paused', async () => {
    const { loop, clock, steps, settle } = setUp();
    loop.setSpeed(10);
    loop.resume();
    await clock.runUntil(500, loop);
    const before = steps();
    const t = clock.t;
    loop.step(200);
    await settle('paused');
    expect(steps()).toBe(before + 200);
    expect(clock.t).toBe(t); // no simulated time passed: the steps were not capped
    await loop.stop();
  });

  it('should change the rate when the cap changes during a run', async () => {
    const { loop, clock, steps } = setUp();
    loop.setSpeed(10);
    loop.resume();
    await clock.runUntil(1000, loop);
    const slow = steps();
    expect(slow).toBeLessThanOrEqual(10);
    // Faster from now on: the waiting loop is woken and counts from the change.
    loop.setSpeed(100);
    await clock.runUntil(2000, loop);
    const fast = steps() - slow;
    expect(fast).toBeLessThanOrEqual(100);
    expect(fast).toBeGreaterThanOrEqual(90);
    await loop.stop();
  });

  it('should keep "as fast as it goes" exactly as it was: no waits at all', async () => {
    const { loop, clock, steps, settle } = setUp(300);
    loop.setSpeed(30);
    loop.setSpeed(null);
    expect(loop.speed).toBeNull();
    loop.resume();
    await settle('finished');
    expect(steps()).toBe(300);
    expect(clock.waits).toBe(0);
    expect(clock.t).toBe(0);
  });

  it('should count a resumed run’s cap from the resume, not from before the pause', async () => {
    const { loop, clock, steps, settle } = setUp();
    loop.setSpeed(20);
    loop.resume();
    await clock.runUntil(1000, loop);
    loop.pause();
    await settle('paused');
    const paused = steps();
    expect(paused).toBeLessThanOrEqual(20);
    // A long pause must not bank steps for a burst after it.
    clock.t += 10_000;
    clock.horizon = clock.t;
    loop.resume();
    await clock.runUntil(clock.t + 500, loop);
    expect(steps() - paused).toBeLessThanOrEqual(10);
    await loop.stop();
  });
});
