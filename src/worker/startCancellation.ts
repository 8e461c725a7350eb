// Which starts are cancelled before they are up. A start may spend seconds loading data and timing
// backends; the learner may press Pause or Reset meanwhile (a lab starting its next run stops its
// previous one first, which counts as a stop). Those messages are
// seen as they arrive (the dispatcher's onArrival), long before the queue reaches them, so the start
// can give up at its next checkpoint instead of finishing a run nobody wants.
import type { Request } from './protocol';

export const CANCELLED_MESSAGE = 'Training was cancelled before it started.';

/** Thrown at a checkpoint of a cancelled start; its message is the start's error reply. */
export class StartCancelled extends Error {
  constructor(readonly runId: number) {
    super(CANCELLED_MESSAGE);
    this.name = 'StartCancelled';
  }
}

export class StartCancellation {
  /** Runs whose start has arrived and has not finished yet. */
  private readonly pending = new Set<number>();
  /** Runs cancelled before they started (a pause or stop for them is then answered with an ack). */
  private readonly cancelled = new Set<number>();

  /** Call for every request as it arrives. */
  observe(request: Request): void {
    if (request.type === 'start') {
      // Runs of other screens start beside it: a new start cancels nothing by itself.
      this.pending.add(request.runId);
    } else if ((request.type === 'pause' || request.type === 'stop') && this.pending.has(request.runId)) {
      this.cancel(request.runId);
    }
  }

  private cancel(runId: number): void {
    this.pending.delete(runId);
    this.cancelled.add(runId);
  }

  /** A checkpoint of a start: throws StartCancelled once its run was cancelled. */
  check(runId: number): void {
    if (this.cancelled.has(runId)) throw new StartCancelled(runId);
  }

  isCancelled(runId: number): boolean {
    return this.cancelled.has(runId);
  }

  /** The start of `runId` is over, whichever way it went. */
  finished(runId: number): void {
    this.pending.delete(runId);
  }

  /** Forgets a cancelled run once its stop was answered (nothing more will name it). */
  forget(runId: number): void {
    this.cancelled.delete(runId);
  }
}
