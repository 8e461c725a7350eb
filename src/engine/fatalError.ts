// Errors after which this worker's tfjs can no longer be trusted: tfjs-wasm aborted (its heap could
// not grow, and an aborted wasm module stays dead), or WebGL lost its context or could not allocate a
// texture. The page answers a fatal error by replacing the worker; this file only says which errors
// are fatal and puts them in words a learner can read. Pure, so it is tested without a browser.

export type FatalKind = 'memory' | 'contextLost' | 'texture' | 'crashed';

/** What the learner reads, after "Training": short, and for memory always "ran out of memory". */
const WORDS: Record<FatalKind, string> = {
  memory: 'ran out of memory',
  contextLost: 'stopped: the WebGL context was lost',
  texture: 'stopped: it needed a larger WebGL texture than this GPU allows',
  crashed: 'stopped: the backend crashed',
};

const MEMORY = [
  /out[ _]of[ _]memory/i,
  /\bOOM\b/,
  /Cannot enlarge memory/i,
  /memory access out of bounds/i,
  /Array buffer allocation failed/i,
  /Invalid typed array length/i,
  /allocation failed/i,
];
const CONTEXT_LOST = [
  /CONTEXT_LOST/i,
  /context (was )?lost/i,
  /Unable to create WebGL(Texture|Buffer|Framebuffer)/i,
];
const TEXTURE = [/Requested texture size .* (greater than|is invalid)/i];
/** Emscripten's abort: "Aborted()" or "RuntimeError: Aborted(reason)", with or without the assertions hint. */
const ABORTED = /\bAborted\((.*?)\)/;

export interface FailureContext {
  /** The WebGL backend's context reports itself lost (the worker asks gl.isContextLost()). */
  contextLost?: boolean;
}

/** Which kind of fatal failure a message describes, or null when the worker can go on. */
export function classifyFatal(message: string, context: FailureContext = {}): FatalKind | null {
  if (context.contextLost || CONTEXT_LOST.some((re) => re.test(message))) return 'contextLost';
  if (MEMORY.some((re) => re.test(message))) return 'memory';
  if (TEXTURE.some((re) => re.test(message))) return 'texture';
  const aborted = ABORTED.exec(message);
  if (aborted) {
    // tfjs-wasm is built without assertions: a failed allocation aborts with no reason at all, and
    // that is how a heap that cannot grow past its limit ends. An abort that names another reason
    // is a crash of some other kind.
    const reason = aborted[1].replace(/^["']|["']$/g, '').trim();
    return reason === '' ? 'memory' : 'crashed';
  }
  return null;
}

/** The original message without Emscripten's build hint, cut to one short line. */
function shortDetail(message: string): string {
  const line = message
    .replace(/\.?\s*Build with -s ?ASSERTIONS[^.]*\.?/i, '')
    .split('\n')[0]
    .trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/**
 * The learner-facing message of a fatal failure ("Training ran out of memory on wasm (Aborted())."),
 * or null when the failure is not fatal and the original message stands.
 */
export function fatalMessage(
  message: string,
  backend: string | undefined,
  context: FailureContext = {},
): string | null {
  const kind = classifyFatal(message, context);
  if (!kind) return null;
  const where = backend ? ` on ${backend}` : '';
  const detail = shortDetail(message);
  const words = WORDS[kind];
  // "ran out of memory on wasm (…)"; "stopped on webgl: the WebGL context was lost (…)".
  const sentence = words.startsWith('stopped:')
    ? `stopped${where}:${words.slice('stopped:'.length)}`
    : `${words}${where}`;
  return `Training ${sentence}${detail ? ` (${detail})` : ''}.`;
}
