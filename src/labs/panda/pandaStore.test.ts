import { describe, expect, it } from 'vitest';
import { fakeWorker } from '../../state/fakeWorker';
import { createRunChannel } from '../../state/runChannel';
import { createPandaStore } from './pandaStore';
import { PBT_MEMBERS, SLICES_PER_DAY } from './pandaTypes';

/** A panda lab over a fake worker that trains each slice at once, the cost falling with the step. */
function lab() {
  const worker = fakeWorker({ autoRun: { cost: (model, step) => 1 / (1 + step / 100) + model * 0.01 } });
  const port = createRunChannel({ makeClient: () => worker.port, throttleMs: 0 });
  const store = createPandaStore({ port });
  const done = () => {
    store.getState().shutdown();
    port.dispose();
  };
  return { worker, store, done };
}

describe('panda store', () => {
  it('should train a day in slices, snapshot its end, and pause', async () => {
    const { worker, store, done } = lab();
    const dayLength = store.getState().link.dayLength;
    await store.getState().nextDay();
    const s = store.getState();
    expect(s.phase).toBe('paused');
    expect(s.step).toBe(dayLength);
    expect(worker.sentOf('extend')).toHaveLength(SLICES_PER_DAY);
    expect(worker.sentOf('extend').at(-1)?.maxSteps).toBe(dayLength);
    // day 0 (the start) and day 1
    expect(worker.sentOf('snapshot')).toHaveLength(2);
    expect(s.tree.lineageDays().map((d) => d.day)).toEqual([0, 1]);
    expect(s.tree.activeBranch.trainStep.length).toBe(SLICES_PER_DAY);
    done();
  });

  it('should apply a nudge made between days at the next step and mark it', async () => {
    const { worker, store, done } = lab();
    await store.getState().nextDay();
    store.getState().nudge({ learningRate: 0.03 });
    expect(worker.sentOf('setHyperparameters')).toHaveLength(0); // not before the model trains on
    await store.getState().nextDay();
    expect(worker.sentOf('setHyperparameters')[0]).toMatchObject({ hyper: { learningRate: 0.03 } });
    expect(store.getState().applied.learningRate).toBe(0.03);
    done();
  });

  it('should roll back to yesterday, restore its snapshot and grow a new branch', async () => {
    const { worker, store, done } = lab();
    const dayLength = store.getState().link.dayLength;
    await store.getState().nextDay();
    await store.getState().nextDay();
    expect(store.getState().step).toBe(2 * dayLength);
    const branchesBefore = store.getState().tree.branches.length;
    await store.getState().rollBack(); // yesterday is day 1
    const s = store.getState();
    expect(worker.sentOf('restore')).toHaveLength(1);
    expect(s.step).toBe(dayLength);
    expect(s.tree.branches.length).toBe(branchesBefore + 1);
    await store.getState().nextDay();
    expect(store.getState().step).toBe(2 * dayLength);
    done();
  });

  it('should run a PBT round: the worst copy the best through snapshot and restore, then train on', async () => {
    const { worker, store, done } = lab();
    await store.getState().runPbt();
    const start = worker.sentOf('start')[0];
    expect(start.models).toHaveLength(PBT_MEMBERS);
    // The first generation finishes at once (fake worker): the exploit round follows.
    await new Promise((r) => setTimeout(r, 20));
    const pbt = store.getState().populations.pbt;
    expect(pbt?.rounds).toBeGreaterThanOrEqual(1);
    expect(worker.sentOf('restore').length).toBeGreaterThan(0);
    expect(worker.sentOf('setHyperparameters').length).toBe(worker.sentOf('restore').length);
    expect(worker.sentOf('extend').length).toBeGreaterThan(0);
    done();
  });

  it('should pause the populations when the learner leaves and resume them on return', async () => {
    const worker = fakeWorker(); // no auto-run: the caviar keeps "training"
    const port = createRunChannel({ makeClient: () => worker.port, throttleMs: 0 });
    const store = createPandaStore({ port });
    await store.getState().runCaviar();
    expect(store.getState().populations.caviar?.phase).toBe('training');
    store.getState().leave('Playground');
    expect(store.getState().awayNote).toBe('Paused while you were in the Playground.');
    expect(worker.sentOf('pause')).toHaveLength(1);
    await store.getState().resumeAfterAway();
    expect(worker.sentOf('resume')).toHaveLength(1);
    expect(store.getState().awayNote).toBeNull();
    store.getState().shutdown();
    port.dispose();
  });

  it('should end the day when the worker is lost, and not wait forever', async () => {
    const worker = fakeWorker();
    const port = createRunChannel({ makeClient: () => worker.port, throttleMs: 0 });
    const store = createPandaStore({ port });
    const day = store.getState().nextDay();
    await new Promise((r) => setTimeout(r, 0));
    worker.fail('The training worker failed: it crashed.');
    await day; // released by the failure
    expect(store.getState().phase).toBe('error');
    // The app's banner says the worker failed; the lab adds no banner of its own.
    expect(port.health()).toMatchObject({
      state: 'lost',
      message: expect.stringMatching(/training worker failed/),
    });
    expect(store.getState().error).toBeNull();
    port.dispose();
  });
});
