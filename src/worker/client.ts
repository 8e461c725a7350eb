// The page's handle on the training worker: numbers requests, matches replies to them,
// and hands run events to whoever subscribed.
import { digitsBinUrl } from '../core/datasets';
import type { ReplyTo, Request, WorkerEvent, WorkerMessage } from './protocol';

type RequestType = keyof ReplyTo;
/** Any request without its id (the client assigns it); distributive, so each keeps its own fields. */
export type AnyRequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

/** An error from the worker; `fatal` when its tfjs can no longer be trusted (the page replaces it). */
export class WorkerError extends Error {
  constructor(
    message: string,
    readonly fatal = false,
  ) {
    super(message);
  }
}

interface Pending {
  resolve: (reply: ReplyTo[RequestType]) => void;
  reject: (error: Error) => void;
}

export interface WorkerLike {
  postMessage(message: Request): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<WorkerMessage>) => void): void;
  addEventListener(type: 'error', listener: (e: ErrorEvent) => void): void;
  terminate(): void;
}

export class TrainingClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: WorkerEvent) => void>();
  private readonly failureListeners = new Set<(message: string) => void>();

  private terminated = false;
  private watchingLife = false;

  /**
   * `lifeLock`: the name of the Web Lock the worker holds for as long as it lives (see
   * training.worker.ts). A worker that ends for any reason, busy or not, releases it, and no event
   * says so otherwise, so the client asks for the same lock and hears of the end when it is granted.
   */
  constructor(
    private readonly worker: WorkerLike,
    private readonly lifeLock?: string,
  ) {
    worker.addEventListener('message', (e: MessageEvent<WorkerMessage>) => this.receive(e.data));
    // From the start: a worker can die in its very first request (a start timing the backends).
    this.watchLife();
    worker.addEventListener('error', (e: ErrorEvent) => {
      // A script that did not load has no message; say what it means for the learner.
      this.fail(`The training worker failed: ${e.message || 'its script did not load or it crashed'}.`);
    });
  }

  /** Listens for the worker's own failure or end (not a failed request), told in a sentence. */
  onFailure(listener: (message: string) => void): void {
    this.failureListeners.add(listener);
  }

  private fail(message: string): void {
    if (this.terminated) return;
    const error = new WorkerError(message);
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    for (const listener of this.failureListeners) listener(message);
  }

  private watchLife(): void {
    const name = this.lifeLock;
    if (this.watchingLife || !name || typeof navigator === 'undefined' || !navigator.locks) return;
    this.watchingLife = true;
    const locks = navigator.locks;
    // Ask only once the worker holds it: asked earlier, the lock would be granted at once. The worker
    // takes it as its script starts; looking less often after a while costs nothing if it never does.
    const started = Date.now();
    const whenHeld = async (): Promise<void> => {
      const { held = [] } = await locks.query();
      if (this.terminated) return;
      if (!held.some((lock) => lock.name === name)) {
        setTimeout(() => void whenHeld(), Date.now() - started < 30_000 ? 100 : 2_000);
        return;
      }
      await locks.request(name, async () => this.fail('The training worker stopped.'));
    };
    whenHeld().catch(() => undefined);
  }

  /** Sends a request and resolves with the reply its type names (rejects on an 'error' reply). */
  request<B extends AnyRequestBody>(body: B): Promise<ReplyTo[B['type']]> {
    const id = this.nextId++;
    const message = { ...body, id } as Request;
    // The worker's own URL says nothing about where the page's public/ files live: tell it.
    if (message.type === 'start' && !message.digitsUrl && typeof document !== 'undefined') {
      message.digitsUrl = new URL(digitsBinUrl, document.baseURI).href;
    }
    return new Promise<ReplyTo[B['type']]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'], reject });
      this.worker.postMessage(message);
    });
  }

  /** Listens to run events (progress, status, divergence); returns the unsubscribe function. */
  subscribe(listener: (event: WorkerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  terminate(): void {
    this.terminated = true;
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new Error('The training worker was terminated.'));
    this.pending.clear();
  }

  private receive(message: WorkerMessage): void {
    if ('id' in message) {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.type === 'error') pending.reject(new WorkerError(message.message, message.fatal === true));
      else pending.resolve(message);
      return;
    }
    for (const listener of this.listeners) listener(message);
  }
}

/** Starts the module worker that trains (Vite bundles it as its own chunk, with tfjs inside). */
export function createTrainingClient(): TrainingClient {
  // The worker's name is the name of the lock it holds while it lives.
  const name = `training-worker-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const worker = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name });
  return new TrainingClient(worker, name);
}
