// How a worker turns requests into replies: a table with one handler per request type, each typed to
// return the reply its type names (so none can post the wrong one), and one place that posts every
// reply or error. Requests are handled one after another in the order they arrive, so that a 'stop'
// never overtakes the 'start' it follows; `onArrival` sees
// each request as it comes in, before the queue, which is how a pause can cancel a start that is
// still being set up.
// Generic over the protocol, so the training worker and the bench worker share it.

/** What every request and reply carries: a type and the id that pairs them. */
interface Identified {
  type: string;
  id: number;
}

/** What a handler may ask of the dispatcher besides returning its reply. */
export interface HandlerContext {
  /** Runs `then` right after this request's reply is posted (events that must follow the reply). */
  afterReply(then: () => void): void;
}

/** One handler per request type; `Replies` maps each type to its reply. */
export type HandlerTable<Req extends Identified, Replies extends Record<Req['type'], Identified>> = {
  [T in Req['type']]: (
    request: Extract<Req, { type: T }>,
    context: HandlerContext,
  ) => Promise<Replies[T]> | Replies[T];
};

export interface DispatcherOptions<
  Req extends Identified,
  Replies extends Record<Req['type'], Identified>,
  ErrorReply extends Identified,
> {
  handlers: HandlerTable<Req, Replies>;
  post(message: Replies[Req['type']] | ErrorReply, transfer: Transferable[]): void;
  /** The buffers of a reply to transfer rather than copy. */
  transferables?(reply: Replies[Req['type']]): Transferable[];
  /** The error reply for a handler that threw. */
  errorReply(error: unknown, request: Req): ErrorReply;
  /** Sees every request the moment it arrives, before the ones ahead of it are done. */
  onArrival?(request: Req): void;
}

export interface Dispatcher<Req> {
  /** Takes a request in; the promise settles once its reply is posted. */
  receive(request: Req): Promise<void>;
}

export function createDispatcher<
  Req extends Identified,
  Replies extends Record<Req['type'], Identified>,
  ErrorReply extends Identified,
>(options: DispatcherOptions<Req, Replies, ErrorReply>): Dispatcher<Req> {
  let queue: Promise<void> = Promise.resolve();

  async function handle(request: Req): Promise<void> {
    const then: (() => void)[] = [];
    // The one cast: the table's type already ties each handler to its request and reply.
    const handler = options.handlers[request.type as Req['type']] as unknown as (
      request: Req,
      context: HandlerContext,
    ) => Promise<Replies[Req['type']]> | Replies[Req['type']];
    let reply: Replies[Req['type']];
    try {
      if (!handler) throw new Error(`Unknown request type '${request.type}'.`);
      reply = await handler(request, { afterReply: (f) => then.push(f) });
    } catch (error) {
      options.post(options.errorReply(error, request), []);
      return;
    }
    try {
      options.post(reply, options.transferables?.(reply) ?? []);
    } catch (error) {
      // A reply that cannot be posted (it would not clone) still gets an answer.
      options.post(options.errorReply(error, request), []);
      return;
    }
    for (const f of then) f();
  }

  return {
    receive(request: Req): Promise<void> {
      options.onArrival?.(request);
      const done = queue.then(() => handle(request));
      // A failure inside post or a follow-up must not stall the requests behind it.
      queue = done.catch(() => undefined);
      return done;
    },
  };
}
