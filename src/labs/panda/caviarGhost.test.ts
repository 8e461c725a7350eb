import { describe, expect, it } from 'vitest';
import { fakeWorker } from '../../state/fakeWorker';
import { createRunChannel } from '../../state/runChannel';
import { caviarGhost, ghostLabel } from './caviarGhost';
import { createPandaStore } from './pandaStore';

/** A panda lab over a fake worker that trains at once, the cost falling with the step, model 0 the best. */
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

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('the caviar ghost', () => {
  it('should keep the caviar run before the one on the chart, across a PBT run, until cleared', async () => {
    const { store, done } = lab();
    const ghost = caviarGhost(store);
    expect(caviarGhost(store)).toBe(ghost); // one per store

    store.getState().setCaviarSize(8);
    await store.getState().runCaviar();
    await settle();
    const first = store.getState().populations.caviar!;
    expect(first.phase).toBe('done');
    expect(ghost.get().current?.series).toBe(first.series);
    expect(ghost.get().previous).toBeNull();

    // Population-based training in between is no caviar run: the pair stays.
    await store.getState().runPbt();
    expect(ghost.get().previous).toBeNull();

    store.getState().setCaviarSize(4);
    await store.getState().runCaviar();
    await settle();
    const previous = ghost.get().previous!;
    expect(previous.models).toBe(first.members.length);
    expect(previous.steps).toBe(first.steps);
    expect(previous.best).toBe(0);
    expect(previous.curve).toBe(first.series.models[0]);
    expect(previous.learningRate).toBe(first.members[0].hyper.learningRate);
    const cost = 1 / (1 + first.steps / 100);
    expect(previous.bestDevCost).toBeCloseTo(cost, 5);
    expect(ghostLabel(previous)).toMatch(
      new RegExp(
        `^previous caviar run: ${first.members.length} models × ${first.steps} steps, best dev cost \\S+ at α = \\S+$`,
      ),
    );

    // The next run's ghost is the second one.
    const second = store.getState().populations.caviar!;
    await store.getState().runCaviar();
    await settle();
    expect(ghost.get().previous?.curve).toBe(second.series.models[0]);
    expect(ghost.get().previous?.models).toBe(second.members.length);

    ghost.clear();
    expect(ghost.get().previous).toBeNull();
    expect(ghost.get().current?.series).toBe(store.getState().populations.caviar?.series);
    done();
  });

  it('should say so when no model of the previous run measured a dev cost', () => {
    expect(
      ghostLabel({
        models: 4,
        steps: 50,
        best: null,
        bestDevCost: Number.NaN,
        learningRate: Number.NaN,
        curve: null,
        maxStep: 50,
      }),
    ).toBe('previous caviar run: 4 models × 50 steps, none with a dev cost');
  });
});
