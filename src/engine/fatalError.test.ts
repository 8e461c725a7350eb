import { describe, expect, it } from 'vitest';
import { classifyFatal, fatalMessage } from './fatalError';

describe('classifyFatal', () => {
  it('should call a reason-less wasm abort running out of memory', () => {
    expect(classifyFatal('Aborted(). Build with -sASSERTIONS for more info.')).toBe('memory');
    expect(classifyFatal('RuntimeError: Aborted(). Build with -sASSERTIONS for more info.')).toBe('memory');
  });

  it('should recognise the messages of a heap that cannot grow', () => {
    for (const message of [
      'Aborted(OOM)',
      'RuntimeError: Aborted(Cannot enlarge memory arrays to size 4294967296 bytes)',
      'RuntimeError: memory access out of bounds',
      'RangeError: Array buffer allocation failed',
      'RangeError: Invalid typed array length: 5000000000',
      'WebGL Error: OUT_OF_MEMORY',
      'out of memory',
    ])
      expect(classifyFatal(message), message).toBe('memory');
  });

  it('should call an abort with another reason a crash', () => {
    expect(classifyFatal('RuntimeError: Aborted(native code called abort())')).toBe('crashed');
  });

  it('should recognise a lost WebGL context, from the message or from the context itself', () => {
    expect(classifyFatal('WebGL Error: CONTEXT_LOST_WEBGL')).toBe('contextLost');
    expect(classifyFatal('Unable to create WebGLTexture.')).toBe('contextLost');
    expect(classifyFatal('Failed to compile fragment shader.', { contextLost: true })).toBe('contextLost');
  });

  it('should recognise a texture larger than the GPU allows', () => {
    expect(
      classifyFatal(
        'Requested texture size [70000x2] greater than WebGL maximum on this browser / GPU [16384x16384].',
      ),
    ).toBe('texture');
  });

  it('should leave ordinary errors alone', () => {
    for (const message of [
      'Run 3 is not active.',
      'Could not load the digits data (404 from http://x/data/digits.bin).',
      'Failed to compile fragment shader.',
      'wasm is not available in this browser',
      'Training was cancelled before it started.',
    ])
      expect(classifyFatal(message), message).toBeNull();
  });
});

describe('fatalMessage', () => {
  it('should say "ran out of memory" with the backend and the original, without the build hint', () => {
    expect(fatalMessage('Aborted(). Build with -sASSERTIONS for more info.', 'wasm')).toBe(
      'Training ran out of memory on wasm (Aborted()).',
    );
  });

  it('should say a lost context in plain words', () => {
    expect(fatalMessage('WebGL Error: CONTEXT_LOST_WEBGL', 'webgl')).toBe(
      'Training stopped on webgl: the WebGL context was lost (WebGL Error: CONTEXT_LOST_WEBGL).',
    );
  });

  it('should keep a long original to one short line', () => {
    const message = fatalMessage(
      `RuntimeError: memory access out of bounds\n${'    at wasm-function[12]\n'.repeat(20)}`,
      'wasm',
    );
    expect(message).toBe('Training ran out of memory on wasm (RuntimeError: memory access out of bounds).');
  });

  it('should return null for an error that is not fatal', () => {
    expect(fatalMessage('Run 3 is not active.', 'cpu')).toBeNull();
  });
});
