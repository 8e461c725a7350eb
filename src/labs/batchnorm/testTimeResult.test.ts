import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { LabState } from './labStore';
import { revealTestTime, testTimeModel, testTimeResultStore } from './testTimeResult';

/** A stand-in lab: a live network paused at `step`; Train, Pause and the evaluation are recorded. */
function fakeLab(status: LabState['status'], step = 0) {
  const calls: string[] = [];
  let at = step;
  const store = createStore<LabState>()(
    (set) =>
      ({
        kind: 'live',
        runId: 4,
        status,
        frames: [],
        experiment: { batchNorm: [true, true, true] },
        series: { maxStep: () => at },
        startLive: async () => calls.push('startLive'),
        resume: async () => {
          calls.push('resume');
          set({ status: 'running' });
        },
        pause: async () => {
          calls.push(`pause at ${at}`);
          set({ status: 'paused' });
        },
        request: async (body: { type: string; model: number }) => {
          calls.push(`${body.type} of model ${body.model} at ${at}`);
          return { step: at, oneAtATime: null };
        },
      }) as unknown as LabState,
  );
  const advance = (to: number) => {
    at = to;
    store.setState({ series: { maxStep: () => at } } as unknown as Partial<LabState>);
  };
  return { store, calls, advance };
}

describe('revealTestTime', () => {
  it('trains a paused network to the steps asked, pauses it, then predicts one example at a time', async () => {
    const { store, calls, advance } = fakeLab('paused', 10);
    const reading = revealTestTime(store, 600);
    await Promise.resolve();
    await Promise.resolve();
    expect(calls).toEqual(['resume']);
    advance(300);
    expect(calls).toEqual(['resume']);
    advance(612);
    const r = await reading;
    expect(calls).toEqual(['resume', 'pause at 612', 'evaluateModes of model 0 at 612']);
    expect(r).toMatchObject({ runId: 4, model: 0, modes: { step: 612 } });
    expect(testTimeResultStore.getState()).toMatchObject({ result: r, busy: false, error: null });
  });
  it('waits for a network still being built, and predicts at once when it has trained far enough', async () => {
    const { store, calls } = fakeLab('starting', 800);
    const reading = revealTestTime(store, 600);
    await Promise.resolve();
    expect(calls).toEqual([]);
    store.setState({ status: 'paused' });
    await reading;
    expect(calls).toEqual(['evaluateModes of model 0 at 800']);
  });
  it('waits out a pause for another tab, and answers nothing when the network is rebuilt mid-Reveal', async () => {
    const { store, calls, advance } = fakeLab('paused', 10);
    const reading = revealTestTime(store, 600);
    await Promise.resolve();
    await Promise.resolve();
    advance(200);
    // The class looked at another tab: the lab paused itself and says so.
    store.setState({ status: 'paused', awayNote: 'Paused while you were in the Playground.' });
    store.setState({ status: 'running', awayNote: null });
    advance(300);
    expect(calls).toEqual(['resume']);
    // A setup change builds a new network: its numbers are not what this Reveal trained.
    store.setState({ runId: 5, status: 'starting' });
    expect(await reading).toBeNull();
    expect(calls).toEqual(['resume']);
  });
});

describe('testTimeModel', () => {
  it('reads the live network when it has batch norm, else its twin', () => {
    expect(testTimeModel([], [true, false])).toBe(0);
    expect(testTimeModel([], [false, false])).toBe(1);
  });
});
