import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeWorker, progressEvent } from './fakeWorker';
import { createRunChannel } from './runChannel';

function recorder() {
  const log: string[] = [];
  const handlers = (name: string) => ({
    progress: (e: { train: { step: Int32Array } }) => log.push(`${name} progress ${e.train.step[0]}`),
    flush: () => log.push(`${name} flush`),
    status: (s: string) => log.push(`${name} status ${s}`),
    modelStatus: (e: { status: string }) => log.push(`${name} model ${e.status}`),
    failed: (m: string) => log.push(`${name} failed ${m}`),
  });
  return { log, handlers };
}

describe('run channel', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('should make one worker for every run and number runs across the app', async () => {
    let made = 0;
    const worker = fakeWorker();
    const channel = createRunChannel({
      makeClient: () => {
        made++;
        return worker.port;
      },
    });
    const a = channel.nextRunId();
    const b = channel.nextRunId();
    await channel.request({ type: 'pause', runId: a });
    await channel.request({ type: 'pause', runId: b });
    expect(a).not.toBe(b);
    expect(made).toBe(1);
    channel.dispose();
  });

  it('should route interleaved events of three runs to their own handlers', async () => {
    const worker = fakeWorker();
    const channel = createRunChannel({ makeClient: () => worker.port, throttleMs: 100 });
    await channel.request({ type: 'pause', runId: 1 });
    const { log, handlers } = recorder();
    channel.watch(1, handlers('A'));
    channel.watch(2, handlers('B'));
    channel.watch(3, handlers('C'));
    worker.emit(progressEvent(2, [{ model: 0, step: 5, cost: 1 }]));
    worker.emit(progressEvent(1, [{ model: 0, step: 7, cost: 1 }]));
    worker.emit(progressEvent(3, [{ model: 0, step: 9, cost: 1 }]));
    worker.emit({ type: 'modelStatus', runId: 3, model: 0, status: 'diverged', step: 9 });
    worker.emit(progressEvent(4, [{ model: 0, step: 1, cost: 1 }])); // nobody watches run 4
    expect(log).toEqual(['B progress 5', 'A progress 7', 'C progress 9', 'C flush', 'C model diverged']);
    vi.advanceTimersByTime(100);
    expect(log.slice(5).sort()).toEqual(['A flush', 'B flush']);
    channel.dispose();
  });

  it('should flush each run at most once per throttle interval, and never drop the last points', async () => {
    const worker = fakeWorker();
    const channel = createRunChannel({ makeClient: () => worker.port, throttleMs: 100 });
    await channel.request({ type: 'pause', runId: 1 });
    const flushes: Record<number, number> = { 1: 0, 2: 0 };
    channel.watch(1, { flush: () => flushes[1]++ });
    channel.watch(2, { flush: () => flushes[2]++ });
    for (let t = 0; t < 1000; t += 10) {
      worker.emit(progressEvent(1, [{ model: 0, step: t, cost: 1 }]));
      if (t % 50 === 0) worker.emit(progressEvent(2, [{ model: 0, step: t, cost: 1 }]));
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(200);
    expect(flushes[1]).toBeGreaterThanOrEqual(9);
    expect(flushes[1]).toBeLessThanOrEqual(11); // ~1 s of events: ≤ 10 a second (+ the trailing one)
    expect(flushes[2]).toBeGreaterThanOrEqual(9);
    expect(flushes[2]).toBeLessThanOrEqual(11);
    channel.dispose();
  });

  it('should stop routing to a run that is no longer watched', async () => {
    const worker = fakeWorker();
    const channel = createRunChannel({ makeClient: () => worker.port });
    await channel.request({ type: 'pause', runId: 1 });
    const { log, handlers } = recorder();
    const unwatch = channel.watch(1, handlers('A'));
    unwatch();
    worker.emit({ type: 'status', runId: 1, status: 'finished' });
    expect(log).toEqual([]);
    channel.dispose();
  });

  it('should replace the worker after a fatal error and tell every run why', async () => {
    const workers = [
      fakeWorker({ failStart: { message: 'Training ran out of memory on wasm.', fatal: true } }),
      fakeWorker(),
    ];
    let made = 0;
    const channel = createRunChannel({ makeClient: () => workers[made++].port });
    const { log, handlers } = recorder();
    channel.watch(1, handlers('A'));
    channel.watch(2, handlers('B'));
    await expect(channel.request({ type: 'start', runId: 2 } as never)).rejects.toThrow('ran out of memory');
    expect(workers[0].terminated).toBe(true);
    expect(log[0]).toMatch(/^A failed Training ran out of memory.*restarted/);
    expect(log[1]).toBe('B failed Training ran out of memory on wasm.');
    expect(channel.health().state).toBe('ok');
    await channel.request({ type: 'pause', runId: 3 });
    expect(made).toBe(2);
    channel.dispose();
  });

  it('should say the worker is lost when it fails, end its runs, and restart on request', async () => {
    const workers = [fakeWorker(), fakeWorker()];
    let made = 0;
    const channel = createRunChannel({ makeClient: () => workers[made++].port });
    await channel.request({ type: 'pause', runId: 1 });
    const { log, handlers } = recorder();
    channel.watch(1, handlers('A'));
    const seen: string[] = [];
    channel.subscribeHealth((h) => seen.push(h.state));
    workers[0].fail('The training worker failed: its script did not load.');
    expect(channel.health()).toEqual({
      state: 'lost',
      message: 'The training worker failed: its script did not load.',
    });
    expect(log).toEqual(['A failed The training worker failed: its script did not load.']);
    await expect(channel.request({ type: 'pause', runId: 1 })).rejects.toThrow('Restart the training worker');
    channel.restart();
    expect(seen).toEqual(['lost', 'ok']);
    await channel.request({ type: 'pause', runId: 1 });
    expect(made).toBe(2);
    channel.dispose();
  });
});
