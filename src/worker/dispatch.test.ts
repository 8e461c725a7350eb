import { describe, expect, it } from 'vitest';
import { createDispatcher, type HandlerTable } from './dispatch';

// A toy protocol: 'slow' waits before answering, 'fast' answers at once, 'fail' throws.
type Req =
  | { type: 'slow'; id: number; ms: number }
  | { type: 'fast'; id: number }
  | { type: 'fail'; id: number };
interface Replies {
  slow: { type: 'slowDone'; id: number; buffer: ArrayBuffer };
  fast: { type: 'ack'; id: number };
  fail: { type: 'ack'; id: number };
}
type ErrorReply = { type: 'error'; id: number; message: string };
type Posted = {
  message: Replies[keyof Replies] | ErrorReply | { type: 'event'; id: number };
  transfer: Transferable[];
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function setUp() {
  const posted: Posted[] = [];
  const arrived: number[] = [];
  const handlers: HandlerTable<Req, Replies> = {
    async slow(request, { afterReply }) {
      await wait(request.ms);
      afterReply(() => posted.push({ message: { type: 'event', id: request.id }, transfer: [] }));
      return { type: 'slowDone', id: request.id, buffer: new ArrayBuffer(8) };
    },
    fast: (request) => ({ type: 'ack', id: request.id }),
    fail() {
      throw new Error('no such run');
    },
  };
  const dispatcher = createDispatcher<Req, Replies, ErrorReply>({
    handlers,
    post: (message, transfer) => posted.push({ message, transfer }),
    transferables: (reply) => (reply.type === 'slowDone' ? [reply.buffer] : []),
    errorReply: (error, request) => ({ type: 'error', id: request.id, message: (error as Error).message }),
    onArrival: (request) => arrived.push(request.id),
  });
  return { dispatcher, posted, arrived, ids: () => posted.map((p) => `${p.message.type}:${p.message.id}`) };
}

describe('createDispatcher', () => {
  it('should answer requests in the order they arrived, however long each takes', async () => {
    const { dispatcher, ids } = setUp();
    void dispatcher.receive({ type: 'slow', id: 1, ms: 30 });
    await dispatcher.receive({ type: 'fast', id: 2 });
    expect(ids()).toEqual(['slowDone:1', 'event:1', 'ack:2']);
  });

  it('should see each request on arrival, before the ones ahead of it are answered', async () => {
    const { dispatcher, arrived, posted } = setUp();
    const slow = dispatcher.receive({ type: 'slow', id: 1, ms: 30 });
    void dispatcher.receive({ type: 'fast', id: 2 });
    expect(arrived).toEqual([1, 2]);
    expect(posted).toEqual([]);
    await slow;
  });

  it('should post an error reply with the request id when a handler throws, and go on', async () => {
    const { dispatcher, posted, ids } = setUp();
    void dispatcher.receive({ type: 'fail', id: 1 });
    await dispatcher.receive({ type: 'fast', id: 2 });
    expect(ids()).toEqual(['error:1', 'ack:2']);
    expect(posted[0].message).toEqual({ type: 'error', id: 1, message: 'no such run' });
  });

  it('should transfer what the reply names, and run follow-ups only after the reply', async () => {
    const { dispatcher, posted } = setUp();
    await dispatcher.receive({ type: 'slow', id: 1, ms: 0 });
    expect(posted[0].transfer).toHaveLength(1);
    expect(posted[1].message.type).toBe('event');
  });

  it('should answer an unknown type with an error rather than silence', async () => {
    const { dispatcher, ids } = setUp();
    await dispatcher.receive({ type: 'nope', id: 9 } as never);
    expect(ids()).toEqual(['error:9']);
  });

  it('should not let a handler return another type of reply (checked by tsc)', () => {
    const table: HandlerTable<Req, Replies> = {
      // @ts-expect-error: 'slow' must answer with slowDone, not an ack
      slow: (request) => ({ type: 'ack', id: request.id }),
      fast: (request) => ({ type: 'ack', id: request.id }),
      fail: (request) => ({ type: 'ack', id: request.id }),
    };
    expect(Object.keys(table)).toHaveLength(3);
  });
});
