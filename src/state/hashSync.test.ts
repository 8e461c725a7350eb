import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT } from '../core/experiment';
import { type HashWindow, installHashSync } from './hashSync';
import { createAppStore } from './store';
import { decodeExperiment, encodeExperiment } from './urlHash';

/** A window whose hash can be set as a learner would (typing a link fires hashchange). */
function fakeWindow(hash: string) {
  const listeners = new Set<() => void>();
  const win: HashWindow = {
    location: { hash, pathname: '/', search: '' },
    history: {
      replaceState(_data, _unused, url) {
        win.location.hash = (url ?? '').replace(/^[^#]*/, '');
      },
    },
    addEventListener: (_type, l) => listeners.add(l),
    removeEventListener: (_type, l) => listeners.delete(l),
  };
  const navigate = (next: string) => {
    win.location.hash = next;
    for (const l of listeners) l();
  };
  return { win, navigate };
}

describe('hash sync', () => {
  it('should write every experiment change into the hash', () => {
    const { win } = fakeWindow('');
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT, notices: [] });
    installHashSync(store, win);
    store.getState().setField('learningRate', 0.3);
    expect(decodeExperiment(win.location.hash).experiment.learningRate).toBe(0.3);
  });

  it('should leave another lab’s link alone', () => {
    const { win } = fakeWindow('#lab=search&strategy=grid');
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT, notices: [] });
    installHashSync(store, win);
    store.getState().setField('learningRate', 0.3);
    expect(win.location.hash).toBe('#lab=search&strategy=grid');
  });

  it('should load a pasted playground link, and keep the experiment when only the tab is clicked', () => {
    const { win, navigate } = fakeWindow('');
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT, notices: [] });
    installHashSync(store, win);
    navigate(`#${encodeExperiment({ ...DEFAULT_EXPERIMENT, seed: 42 })}`);
    expect(store.getState().experiment.seed).toBe(42);
    navigate('#lab=search');
    navigate('#lab=playground');
    expect(store.getState().experiment.seed).toBe(42);
    expect(decodeExperiment(win.location.hash).experiment.seed).toBe(42);
  });
});
