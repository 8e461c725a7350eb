import { describe, expect, it } from 'vitest';
import { labStatusText } from './statusText';

describe('the batch-norm lab status line', () => {
  it('reads "not started" for the network built paused as the lab opens, and "paused" once a step ran', () => {
    expect(labStatusText('live', 'paused', 0)).toBe('network: not started');
    expect(labStatusText('live', 'starting', 0)).toBe('network: not started');
    expect(labStatusText('live', 'idle', 0)).toBe('network: not started');
    expect(labStatusText('live', 'paused', 1)).toBe('network: paused');
    expect(labStatusText('live', 'running', 0)).toBe('network: training');
    expect(labStatusText('compare', 'finished', 500)).toBe('comparison: finished');
  });
});
