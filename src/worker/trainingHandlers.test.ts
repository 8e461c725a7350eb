// The training worker's handler table, driven as the worker drives it (requests in, messages out)
// on tfjs's CPU backend, with fakes only for what needs a browser: fetch and the backend choice.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_EXPERIMENT, dataConfigOf, type Experiment, modelSpecOf } from '../core/experiment';
import type { ChosenBackend } from '../engine/backends';
import { fatalMessage } from '../engine/fatalError';
import { prepareData } from '../engine/preparedData';
import { RunLoop, yieldToEvents } from '../engine/runLoop';
import { useCpuBackend } from '../engine/testBackend';
import { tf } from '../engine/tf';
import { Trainer } from '../engine/trainer';
import { timeSlice, timingSlice } from '../engine/workloadTiming';
import type { AnyRequestBody } from './client';
import type { Request, StartRequest, WorkerMessage } from './protocol';
import { CANCELLED_MESSAGE } from './startCancellation';
import { createTrainingDispatcher, type TrainingDeps } from './trainingHandlers';

beforeAll(useCpuBackend);
afterEach(() => {
  vi.restoreAllMocks();
});

const CPU: ChosenBackend = { name: 'cpu', reason: 'the only one here', timings: {}, failed: {} };

function setUp(pickBackend: TrainingDeps['pickBackend'] = async () => CPU) {
  const posted: { message: WorkerMessage; transfer: Transferable[] }[] = [];
  let nextId = 1;
  const dispatcher = createTrainingDispatcher({
    loadData: async (config) => prepareData(config),
    pickBackend,
    activeBackend: () => 'cpu',
    describeFailure: (message) => {
      const words = fatalMessage(message, 'wasm');
      return words ? { message: words, fatal: true } : { message, fatal: false };
    },
    post: (message, transfer) => posted.push({ message, transfer }),
  });
  const send = (body: AnyRequestBody): { id: number; done: Promise<void> } => {
    const id = nextId++;
    return { id, done: dispatcher.receive({ ...body, id } as Request) };
  };
  const replyTo = (id: number) => posted.find((p) => 'id' in p.message && p.message.id === id)?.message;
  return { posted, send, replyTo, types: () => posted.map((p) => p.message.type) };
}

function startBody(
  runId: number,
  e: Partial<Experiment> = {},
  extra: Partial<StartRequest> = {},
): AnyRequestBody {
  const experiment = { ...DEFAULT_EXPERIMENT, ...e };
  return {
    type: 'start',
    runId,
    data: dataConfigOf(experiment),
    models: [modelSpecOf(experiment)],
    backend: 'auto',
    maxSteps: 1000,
    evalEvery: 10,
    paused: true,
    ...extra,
  };
}

/** A backend choice that times a slice for real, for as long as it is let (until cancelled). */
const endlessTiming: TrainingDeps['pickBackend'] = async (request, data, checkpoint) => {
  const slice = timingSlice(data, request.models);
  await timeSlice(data, slice, {
    checkpoint,
    limits: { maxModels: 2, maxRows: 64, budgetMs: 60_000, warmUpCapMs: 60_000 },
  });
  return CPU;
};

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !condition(); i++) await yieldToEvents();
  expect(condition()).toBe(true);
}

describe('the training handler table', () => {
  it('should start a run, post "started" with its points transferred, then its paused status', async () => {
    const { send, posted, types } = setUp();
    const start = send(startBody(1));
    await start.done;
    expect(types()).toEqual(['started', 'status']);
    expect(posted[0].transfer).toHaveLength(3);
    expect(posted[1].message).toEqual({ type: 'status', runId: 1, status: 'paused' });
    await send({ type: 'stop', runId: 1 }).done;
  });

  it('should step, snapshot and stop a run, each with the reply its type names', async () => {
    const { send, replyTo, posted } = setUp();
    send(startBody(1));
    const step = send({ type: 'step', runId: 1, steps: 5 });
    await step.done;
    expect(replyTo(step.id)).toEqual({ type: 'ack', id: step.id });
    await until(() => posted.some((p) => p.message.type === 'progress'));
    const snapshot = send({ type: 'snapshot', runId: 1, model: 0 });
    await snapshot.done;
    expect(replyTo(snapshot.id)).toMatchObject({ type: 'snapshotTaken', runId: 1, model: 0, snapshotId: 1 });
    const stop = send({ type: 'stop', runId: 1 });
    await stop.done;
    expect(replyTo(stop.id)).toEqual({ type: 'ack', id: stop.id });
    expect(posted.some((p) => p.message.type === 'status' && p.message.status === 'stopped')).toBe(true);
  });

  it('should answer a request for a run that is not there with an error reply', async () => {
    const { send, replyTo } = setUp();
    const resume = send({ type: 'resume', runId: 7 });
    await resume.done;
    expect(replyTo(resume.id)).toEqual({ type: 'error', id: resume.id, message: 'Run 7 is not active.' });
  });

  it('should cancel a start that is timing backends when its run is paused, freeing its tensors', async () => {
    const before = tf.memory().numTensors;
    const { send, replyTo } = setUp(endlessTiming);
    const start = send(startBody(1));
    await until(() => tf.memory().numTensors > before); // the timing slice is up
    const pause = send({ type: 'pause', runId: 1 });
    await start.done;
    await pause.done;
    expect(replyTo(start.id)).toEqual({ type: 'error', id: start.id, message: CANCELLED_MESSAGE });
    expect(CANCELLED_MESSAGE).toContain('cancelled before it started');
    expect(replyTo(pause.id)).toEqual({ type: 'ack', id: pause.id });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('should cancel a start on a stop', async () => {
    const { send, replyTo } = setUp(endlessTiming);
    const first = send(startBody(1));
    await yieldToEvents();
    const stop = send({ type: 'stop', runId: 1 });
    await first.done;
    await stop.done;
    expect(replyTo(first.id)).toMatchObject({ type: 'error', message: CANCELLED_MESSAGE });
    expect(replyTo(stop.id)).toEqual({ type: 'ack', id: stop.id });
  });

  it('should start another screen’s run beside a starting one, and keep both', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { send, replyTo } = setUp(async (request) => {
      if (request.runId === 1) await gate;
      return CPU;
    });
    const first = send(startBody(1));
    const beside = send(startBody(2));
    release();
    await first.done;
    await beside.done;
    expect(replyTo(first.id)).toMatchObject({ type: 'started', runId: 1 });
    expect(replyTo(beside.id)).toMatchObject({ type: 'started', runId: 2 });
    // The first run is still there: a pause for it is answered, not refused.
    const pause = send({ type: 'pause', runId: 1 });
    await pause.done;
    expect(replyTo(pause.id)).toEqual({ type: 'ack', id: pause.id });
    await send({ type: 'stop', runId: 1 }).done;
    await send({ type: 'stop', runId: 2 }).done;
  });

  it('should refuse a run whose estimate is over the budget, in words, before any tensor', async () => {
    const before = tf.memory().numTensors;
    const pick = vi.fn(async () => CPU);
    const { send, replyTo } = setUp(pick);
    const huge = { hidden: Array(8).fill(256), batchNorm: Array(8).fill(true), miniBatchSize: 800 };
    const body = startBody(1, huge) as StartRequest;
    const start = send({ ...body, models: Array.from({ length: 64 }, () => body.models[0]) });
    await start.done;
    const reply = replyTo(start.id);
    expect(reply).toMatchObject({ type: 'error' });
    expect(reply && 'message' in reply && reply.message).toMatch(
      /^64 models of 8×256 with mini-batch 800 need ≈ \d+ GB; this page can use ≈ 2 GB: lower the samples/,
    );
    expect(reply && 'fatal' in reply).toBe(false);
    expect(pick).not.toHaveBeenCalled();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('should let a test skip the estimate (skipEstimate)', async () => {
    const { send, replyTo } = setUp(async () => {
      throw new Error('reached the backend choice');
    });
    const huge = { hidden: Array(8).fill(256), miniBatchSize: 800 };
    const body = startBody(1, huge, { skipEstimate: true }) as StartRequest;
    const start = send({ ...body, models: Array.from({ length: 64 }, () => body.models[0]) });
    await start.done;
    expect(replyTo(start.id)).toMatchObject({ type: 'error', message: 'reached the backend choice' });
  });

  it('should mark a start that aborts the backend fatal, in words', async () => {
    const { send, replyTo } = setUp(async () => {
      throw new Error('RuntimeError: Aborted(). Build with -sASSERTIONS for more info.');
    });
    const start = send(startBody(1));
    await start.done;
    expect(replyTo(start.id)).toEqual({
      type: 'error',
      id: start.id,
      message: 'Training ran out of memory on wasm (RuntimeError: Aborted()).',
      fatal: true,
    });
  });

  it('should mark a run whose step aborts fatal (runError with fatal and the plain words)', async () => {
    const { send, posted } = setUp();
    await send(startBody(1)).done;
    vi.spyOn(Trainer.prototype, 'step').mockImplementation(() => {
      throw new Error('Aborted()');
    });
    await send({ type: 'resume', runId: 1 }).done;
    await until(() => posted.some((p) => p.message.type === 'runError'));
    const error = posted.find((p) => p.message.type === 'runError')?.message;
    expect(error).toEqual({
      type: 'runError',
      runId: 1,
      message: 'Training ran out of memory on wasm (Aborted()).',
      fatal: true,
    });
    vi.restoreAllMocks();
    await send({ type: 'stop', runId: 1 }).done;
  });

  it('should say what a diverged model did: its modelStatus carries the cost that tripped it', async () => {
    const { send, posted } = setUp();
    await send(startBody(1, { optimizer: 'sgd', learningRate: 1e4 })).done;
    await send({ type: 'step', runId: 1, steps: 50 }).done;
    await until(() => posted.some((p) => p.message.type === 'modelStatus'));
    const diverged = posted.find((p) => p.message.type === 'modelStatus')?.message;
    expect(diverged).toMatchObject({ type: 'modelStatus', runId: 1, model: 0, status: 'diverged' });
    expect(diverged && 'reason' in diverged && diverged.reason).toMatch(
      /^cost (became NaN|became Infinity|\S+ exceeded \S+)$/,
    );
    await send({ type: 'stop', runId: 1 }).done;
  });
});

describe('the speed cap and the remembered backend verdict', () => {
  it('should give a run its start’s cap, change it on setSpeed, and refuse setSpeed for no run', async () => {
    const setSpeed = vi.spyOn(RunLoop.prototype, 'setSpeed');
    const { send, replyTo } = setUp();
    await send(startBody(1, {}, { stepsPerSecond: 30 })).done;
    expect(setSpeed).toHaveBeenLastCalledWith(30);
    const faster = send({ type: 'setSpeed', runId: 1, stepsPerSecond: null });
    await faster.done;
    expect(replyTo(faster.id)).toEqual({ type: 'ack', id: faster.id });
    expect(setSpeed).toHaveBeenLastCalledWith(null);
    const none = send({ type: 'setSpeed', runId: 9, stepsPerSecond: 10 });
    await none.done;
    expect(replyTo(none.id)).toEqual({ type: 'error', id: none.id, message: 'Run 9 is not active.' });
    await send({ type: 'stop', runId: 1 }).done;
    // A start without a cap goes as fast as it goes, as before.
    await send(startBody(2)).done;
    expect(setSpeed).toHaveBeenLastCalledWith(null);
    await send({ type: 'stop', runId: 2 }).done;
  });

  it('should say which verdict auto reached (for the page to remember), none for a shared backend', async () => {
    const pick = vi.fn<TrainingDeps['pickBackend']>(async () => CPU);
    const { send, replyTo } = setUp(pick);
    const first = send(startBody(1, {}, { knownBackend: 'cpu' }));
    await first.done;
    // The page's remembered verdict reaches the backend choice with the request.
    expect(pick.mock.calls[0][0].knownBackend).toBe('cpu');
    expect(replyTo(first.id)).toMatchObject({ type: 'started', autoVerdict: 'cpu' });
    // Beside a run on cpu, a second run joins it: no verdict was reached, so none to remember.
    const beside = send(startBody(2));
    await beside.done;
    expect(replyTo(beside.id)).toMatchObject({ type: 'started' });
    expect(replyTo(beside.id)).not.toHaveProperty('autoVerdict');
    await send({ type: 'stop', runId: 1 }).done;
    await send({ type: 'stop', runId: 2 }).done;
    // A backend asked for by name is no verdict of auto's.
    const named = send(startBody(3, {}, { backend: 'cpu' }));
    await named.done;
    expect(replyTo(named.id)).not.toHaveProperty('autoVerdict');
    await send({ type: 'stop', runId: 3 }).done;
  });
});
