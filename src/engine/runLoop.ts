// Drives a Trainer in time: steps in chunks sized to ~25 ms, yields so that commands (pause,
// hyperparameter changes) get in between chunks, and hands progress out in batches at most every
// ~50 ms. Independent of the worker's messaging so that Node tests can drive it too. A speed cap
// (steps per second) slows a running run down to a pace a learner can watch; explicit steps ignore it.
import type { Hyperparameters } from '../core/config';
import type { ProbeFrame } from '../core/inspection';
import type { ModelState } from './modelState';
import type { Collected, StatusChange, Trainer } from './trainer';

export type LoopStatus = 'running' | 'paused' | 'finished' | 'stopped';

export interface ProgressBatch {
  train: Collected['train'];
  dev: Collected['dev'];
  steps: number[];
  learningRate: number[];
  boundary?: { model: number; resolution: number; probs: Float32Array };
  /** Live distributions of one model on a fixed probe batch (when the run was started with a probe). */
  probe?: { model: number; frame: ProbeFrame };
}

/** Which model the live-distribution probe watches, on how many training rows, how often. */
export interface ProbeOptions {
  model: number;
  size: number;
  everyMs: number;
}

export interface LoopListener {
  progress(batch: ProgressBatch): void;
  status(status: LoopStatus): void;
  modelStatus(change: StatusChange): void;
  error(message: string): void;
}

const CHUNK_TARGET_MS = 25;
const POST_EVERY_MS = 50;
const BOUNDARY_EVERY_MS = 200;
/**
 * A capped run that fell behind its cap (a slow machine, a long chunk) may catch up by at most this
 * share of a second's steps: beyond it the cap's window restarts, so the run never rushes to catch up.
 */
const CAP_BACKLOG_S = 0.1;

/** The loop's time and timer, injectable so that tests can run a capped run on a simulated clock. */
export interface LoopClock {
  now(): number;
  /** Resolves after about `ms`, or as soon as `wake` is called (a command came in). */
  sleep(ms: number, wake: (resume: () => void) => void): Promise<void>;
}

export const realClock: LoopClock = {
  now: () => performance.now(),
  sleep: (ms, wake) =>
    new Promise((resolve) => {
      // A timer, not a busy wait: the worker's messages (pause, setSpeed) get in while it waits.
      const timer = setTimeout(resolve, ms);
      wake(() => {
        clearTimeout(timer);
        resolve();
      });
    }),
};

/** Lets the worker's event loop run (messages in, progress out) without a 4 ms timer clamp. */
export function yieldToEvents(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export class RunLoop {
  private state: LoopStatus = 'paused';
  private looping: Promise<void> | null = null;
  private kickAgain = false;
  private stepsRequested = 0;
  private chunk = 4;
  private outgoing: ProgressBatch = RunLoop.emptyBatch();
  private lastPost = 0;
  private lastBoundary = -Infinity;
  private lastProbe = -Infinity;
  private readonly snapshots = new Map<number, ModelState>();
  private nextSnapshotId = 1;
  /** The speed cap in steps per second; null: as fast as it goes. */
  private stepsPerSecond: number | null = null;
  /** When the cap's window began (the cap was set, or the run resumed) and the steps taken in it. */
  private capSince = 0;
  private capSteps = 0;
  private wakeSleeper: (() => void) | null = null;

  constructor(
    private readonly trainer: Trainer,
    private readonly listener: LoopListener,
    private readonly boundary?: { model: number; resolution: number },
    private readonly probe?: ProbeOptions,
    private readonly clock: LoopClock = realClock,
  ) {}

  /** The trainer, for requests that read a model while it trains (the batch-norm lab's inspections). */
  get inspected(): Trainer {
    if (this.state === 'stopped') throw new Error('This run has stopped.');
    return this.trainer;
  }

  get status(): LoopStatus {
    return this.state;
  }

  private static emptyBatch(): ProgressBatch {
    return {
      train: { model: [], step: [], cost: [] },
      dev: { model: [], step: [], cost: [], accuracy: [] },
      steps: [],
      learningRate: [],
    };
  }

  private setStatus(status: LoopStatus): void {
    if (this.state === status) return;
    this.state = status;
    this.listener.status(status);
  }

  resume(): void {
    if (this.state === 'stopped') return;
    if (this.trainer.done) {
      this.setStatus('finished');
      return;
    }
    if (this.state !== 'running') this.restartCapWindow();
    this.setStatus('running');
    this.kick();
  }

  pause(): void {
    if (this.state !== 'running') return;
    this.setStatus('paused');
    this.wake();
  }

  /** Caps the running speed from now on (null: as fast as it goes); explicit steps stay uncapped. */
  setSpeed(stepsPerSecond: number | null): void {
    this.stepsPerSecond =
      stepsPerSecond !== null && Number.isFinite(stepsPerSecond) && stepsPerSecond > 0
        ? stepsPerSecond
        : null;
    this.restartCapWindow();
    // A loop waiting out the old cap looks again at once (a faster cap must not wait for the slow one).
    this.wake();
  }

  get speed(): number | null {
    return this.stepsPerSecond;
  }

  private restartCapWindow(): void {
    this.capSince = this.clock.now();
    this.capSteps = 0;
  }

  private wake(): void {
    const wake = this.wakeSleeper;
    this.wakeSleeper = null;
    wake?.();
  }

  /** Takes `count` steps, then stays paused. */
  step(count: number): void {
    if (this.state === 'stopped') return;
    if (this.state === 'running') this.setStatus('paused');
    this.stepsRequested += Math.max(1, Math.floor(count));
    this.wake();
    this.kick();
  }

  setHyperparameters(model: number, hyper: Partial<Hyperparameters>): void {
    this.trainer.setHyperparameters(model, hyper);
  }

  setModelActive(model: number, active: boolean): void {
    this.trainer.setModelActive(model, active);
    if (this.state === 'finished' && !this.trainer.done) this.setStatus('paused');
  }

  extend(maxSteps: number): void {
    this.trainer.extend(maxSteps);
    if (this.state === 'finished' && !this.trainer.done) this.setStatus('paused');
  }

  snapshot(model: number): { snapshotId: number; step: number } {
    const state = this.trainer.snapshot(model);
    const snapshotId = this.nextSnapshotId++;
    this.snapshots.set(snapshotId, state);
    return { snapshotId, step: state.step };
  }

  restore(model: number, snapshotId: number): void {
    const state = this.snapshots.get(snapshotId);
    if (!state) throw new Error(`No snapshot ${snapshotId} in this run.`);
    this.trainer.restore(model, state);
    if (this.state === 'finished' && !this.trainer.done) this.setStatus('paused');
  }

  /** Stops for good and frees every tensor of the run. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    this.stepsRequested = 0;
    this.wake();
    if (this.looping) await this.looping;
    this.trainer.dispose();
    this.snapshots.clear();
    this.listener.status('stopped');
  }

  private stopped(): boolean {
    return this.state === 'stopped';
  }

  private kick(): void {
    if (this.looping) {
      // The loop may be on its way out (it saw nothing left to do): make it look again when it ends.
      this.kickAgain = true;
      return;
    }
    this.looping = this.loop()
      .catch((error) => {
        this.listener.error(error instanceof Error ? error.message : String(error));
        this.setStatus('paused');
      })
      .finally(() => {
        this.looping = null;
        const again = this.kickAgain;
        this.kickAgain = false;
        if (again && !this.stopped() && (this.state === 'running' || this.stepsRequested > 0)) this.kick();
      });
  }

  private async loop(): Promise<void> {
    while (this.state !== 'stopped' && (this.state === 'running' || this.stepsRequested > 0)) {
      const stepping = this.stepsRequested > 0;
      let budget = stepping ? Math.min(this.stepsRequested, this.chunk) : this.chunk;
      if (!stepping && this.stepsPerSecond !== null) {
        const allowed = await this.capAllowance(budget);
        if (allowed === 0) continue; // it waited (or was woken): look at the state again
        budget = allowed;
      }
      const started = this.clock.now();
      let taken = 0;
      while (taken < budget && !this.trainer.done) {
        this.trainer.step();
        taken++;
      }
      if (stepping) this.stepsRequested -= taken;
      else this.capSteps += taken;
      const willPause =
        this.trainer.done || (stepping && this.stepsRequested === 0) || this.state !== 'running';
      // Show a fresh dev cost whenever the learner gets to look at a still picture.
      if (willPause && !this.trainer.done) this.trainer.evaluateAll();
      await this.gather();
      // Size the next chunk so that one chunk takes about CHUNK_TARGET_MS: big enough to amortise the
      // read-back, small enough that commands and progress are never far behind.
      const elapsed = Math.max(1, this.clock.now() - started);
      if (taken > 0)
        this.chunk = Math.max(1, Math.min(1000, Math.round((taken * CHUNK_TARGET_MS) / elapsed)));
      if (this.stopped()) return; // stop() may have come in while we awaited
      if (this.trainer.done) {
        this.stepsRequested = 0;
        await this.flush(true);
        this.setStatus('finished');
        return;
      }
      await this.flush(willPause);
      if (stepping && this.stepsRequested === 0) return;
      await yieldToEvents();
    }
  }

  /**
   * How many steps the cap lets the next chunk take: never more than cap × the time since the cap's
   * window began, minus what the window took already. Few allowed yet: it waits (a timer) until a
   * chunk's worth (~CHUNK_TARGET_MS of steps at the cap, at most `budget`) is allowed, and says 0.
   */
  private async capAllowance(budget: number): Promise<number> {
    const cap = this.stepsPerSecond as number;
    const now = this.clock.now();
    let allowed = Math.floor((cap * (now - this.capSince)) / 1000) - this.capSteps;
    const backlog = Math.max(1, Math.ceil(cap * CAP_BACKLOG_S));
    if (allowed > backlog) {
      // Moving the window's start later only lowers what is allowed: the cap still holds.
      this.capSince = now - ((this.capSteps + backlog) * 1000) / cap;
      allowed = backlog;
    }
    const wanted = Math.max(1, Math.min(budget, Math.round((cap * CHUNK_TARGET_MS) / 1000)));
    if (allowed >= wanted) return Math.min(allowed, budget);
    const waitMs = ((this.capSteps + wanted) * 1000) / cap - (now - this.capSince);
    await this.clock.sleep(Math.max(1, waitMs), (resume) => {
      this.wakeSleeper = resume;
    });
    this.wakeSleeper = null;
    return 0;
  }

  private async gather(): Promise<void> {
    const collected = await this.trainer.collect();
    const out = this.outgoing;
    for (const key of ['model', 'step', 'cost'] as const) out.train[key].push(...collected.train[key]);
    for (const key of ['model', 'step', 'cost', 'accuracy'] as const)
      out.dev[key].push(...collected.dev[key]);
    for (const change of collected.changes) this.listener.modelStatus(change);
  }

  private async flush(force: boolean): Promise<void> {
    const now = performance.now();
    if (!force && now - this.lastPost < POST_EVERY_MS) return;
    const batch = this.outgoing;
    this.outgoing = RunLoop.emptyBatch();
    batch.steps = Array.from({ length: this.trainer.size }, (_, m) => this.trainer.stepOf(m));
    batch.learningRate = Array.from({ length: this.trainer.size }, (_, m) => this.trainer.learningRateOf(m));
    if (this.boundary && (force || now - this.lastBoundary >= BOUNDARY_EVERY_MS)) {
      const { model, resolution } = this.boundary;
      batch.boundary = { model, resolution, probs: await this.trainer.boundary(model, resolution) };
      this.lastBoundary = now;
    }
    if (this.probe && (force || now - this.lastProbe >= this.probe.everyMs)) {
      const { model, size } = this.probe;
      batch.probe = { model, frame: await this.trainer.probe(model, size) };
      this.lastProbe = now;
    }
    this.lastPost = now;
    this.listener.progress(batch);
  }
}
