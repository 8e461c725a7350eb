// "Predict one example" of the test-time panel, kept outside the panel: the panel's button and the
// test-time scene's Reveal run the same request and read the same result. One per page, like the
// lab's store; a result names the run it was read from, so a rebuilt network never shows an old one.
import { createStore } from 'zustand/vanilla';
import type { ModeEvaluation } from '../../core/inspection';
import type { LabState, LabStore } from './labStore';

export interface TestTimeReading {
  runId: number;
  /** The model it was read from: 0 the live network, 1 its twin (batch norm flipped). */
  model: number;
  modes: ModeEvaluation;
}

export interface TestTimeResultState {
  result: TestTimeReading | null;
  busy: boolean;
  error: string | null;
}

export const testTimeResultStore = createStore<TestTimeResultState>(() => ({
  result: null,
  busy: false,
  error: null,
}));

/**
 * The model test time reads: the live network when it has batch norm, else its twin, which then has
 * batch norm on every layer (the last probe frame says what the running network has).
 */
export function testTimeModel(frames: LabState['frames'], batchNorm: readonly boolean[]): 0 | 1 {
  const liveHasBn = frames.length
    ? frames[frames.length - 1].batchNorm.some(Boolean)
    : batchNorm.some(Boolean);
  return liveHasBn ? 0 : 1;
}

type PredictView = Pick<LabState, 'runId' | 'request' | 'frames' | 'experiment'>;

/** Predicts the dev set one example at a time, both ways, with the weights as they are now. */
export async function predictOneAtATime(state: PredictView): Promise<TestTimeReading | null> {
  const { runId, request } = state;
  if (runId === null) return null;
  const model = testTimeModel(state.frames, state.experiment.batchNorm);
  testTimeResultStore.setState({ busy: true });
  try {
    const modes = await request({ type: 'evaluateModes', runId, model });
    const result = { runId, model, modes };
    testTimeResultStore.setState({ result, error: null });
    return result;
  } catch (e) {
    testTimeResultStore.setState({ error: e instanceof Error ? e.message : String(e) });
    return null;
  } finally {
    testTimeResultStore.setState({ busy: false });
  }
}

/** Steps the test-time scene trains before it predicts: enough for the running averages to settle. */
export const REVEAL_TEST_TIME_STEPS = 600;

/** Resolves once the lab's state satisfies `done` (at once when it already does). */
function until(store: LabStore, done: (s: LabState) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (done(store.getState())) return resolve();
    const unsubscribe = store.subscribe((s) => {
      if (!done(s)) return;
      unsubscribe();
      resolve();
    });
  });
}

/**
 * The test-time scene's Reveal: train the live network (and its twin) to `steps` with the lab's own
 * Train, pause it, then predict one example at a time. Returns the reading (null when none could be made).
 */
export async function revealTestTime(
  store: LabStore,
  steps = REVEAL_TEST_TIME_STEPS,
): Promise<TestTimeReading | null> {
  const s = () => store.getState();
  if (s().kind !== 'live' || s().runId === null) await s().startLive(true);
  // The lab builds its network when it opens: a Reveal pressed meanwhile waits for it.
  await until(store, (now) => now.status !== 'starting' && now.status !== 'idle');
  const stepOf = (now: LabState) => now.series?.maxStep() ?? 0;
  const runId = s().runId;
  if (stepOf(s()) < steps && ['paused', 'running'].includes(s().status)) {
    if (s().status === 'paused') await s().resume();
    // Trained far enough, or stopped training for its own reason (finished, stopped, failed), or
    // rebuilt by a setup change. A pause because the class went to another tab is waited out.
    await until(
      store,
      (now) =>
        now.runId !== runId ||
        stepOf(now) >= steps ||
        (now.status !== 'running' && !(now.status === 'paused' && now.awayNote)),
    );
    // A network rebuilt mid-Reveal is not the one this Reveal trained: it answers nothing.
    if (s().runId !== runId) return null;
    if (s().status === 'running') await s().pause();
  }
  return predictOneAtATime(s());
}
