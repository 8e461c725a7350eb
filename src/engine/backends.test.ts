// Choosing a backend in Node: only the CPU backend runs here (no WebGL; wasm is put out of use first).
import { describe, expect, it } from 'vitest';
import { activateBackend, chooseBackend, markBroken } from './backends';

describe('backends', () => {
  it('should not offer a backend again once it failed fatally, and say why', async () => {
    markBroken('wasm', 'Aborted()');
    expect(await activateBackend('wasm')).toBe('wasm stopped working in this worker (Aborted())');
  });

  it('should never put the CPU backend out of use (plain JavaScript recovers)', async () => {
    markBroken('cpu', 'RangeError: Invalid typed array length');
    expect(await activateBackend('cpu')).toBeNull();
  });

  it('should time the backends that start with auto, and keep the fastest', async () => {
    markBroken('wasm', 'Aborted()');
    const chosen = await chooseBackend('auto', async () => 1.5);
    expect(chosen.name).toBe('cpu');
    expect(chosen.timings).toEqual({ cpu: 1.5 });
    expect(chosen.failed.wasm).toMatch(/stopped working/);
    expect(chosen.reason).toMatch(/^fastest of cpu \(.*wasm.*unavailable\)$/);
  });

  it('should let a cancelled start through the timing as an error, not as a slow backend', async () => {
    let cancelled = false;
    const checkpoint = () => {
      if (cancelled) throw new Error('cancelled');
    };
    markBroken('wasm', 'Aborted()');
    const timeStep = async () => {
      cancelled = true;
      checkpoint();
      return 1;
    };
    await expect(chooseBackend('auto', timeStep, checkpoint)).rejects.toThrow('cancelled');
  });
});
