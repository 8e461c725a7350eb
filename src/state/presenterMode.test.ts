import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT } from '../core/experiment';
import { type HashWindow, installHashSync } from './hashSync';
import {
  applyPresenterLink,
  presenterFromHash,
  presenterStore,
  withoutPresenter,
  withPresenter,
} from './presenterMode';
import { createAppStore } from './store';
import { decodeExperiment } from './urlHash';

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

afterEach(() => presenterStore.setState({ on: false, notice: null }));

describe('present in the link', () => {
  it('should read 1 and 0, leave the flag alone when absent, and refuse anything else with a notice', () => {
    expect(presenterFromHash('#lab=panda&present=1')).toEqual({ on: true, notice: null });
    expect(presenterFromHash('#lab=panda&present=0')).toEqual({ on: false, notice: null });
    expect(presenterFromHash('#lab=panda')).toEqual({ on: null, notice: null });
    expect(presenterFromHash('#present=yes')).toEqual({
      on: false,
      notice: '"present": "yes" is not a valid presenter-mode flag (0 or 1); using 0.',
    });
  });

  it('should add the key last and strip it without touching the other keys', () => {
    expect(withPresenter('lab=saved', true)).toBe('lab=saved&present=1');
    expect(withPresenter('lab=saved&present=1', false)).toBe('lab=saved');
    expect(withoutPresenter('#lab=panda&present=1&day=100')).toBe('lab=panda&day=100');
    expect(withoutPresenter('lab=panda&day=100')).toBe('lab=panda&day=100');
  });

  it('should turn presenter mode off with the notice for a bad value', () => {
    presenterStore.setState({ on: true });
    applyPresenterLink('#lab=playground&present=2');
    expect(presenterStore.getState().on).toBe(false);
    expect(presenterStore.getState().notice).toContain('"present": "2"');
  });
});

describe('the link sync and presenter mode', () => {
  it('should write present=1 after the playground’s own keys, and drop it when switched off', () => {
    const { win } = fakeWindow('');
    const store = createAppStore({ experiment: { ...DEFAULT_EXPERIMENT, seed: 5 }, notices: [] });
    installHashSync(store, win);
    presenterStore.getState().setOn(true);
    expect(win.location.hash).toMatch(/^#lab=playground&.*seed=5.*&present=1$/);
    presenterStore.getState().setOn(false);
    expect(win.location.hash).not.toContain('present');
    expect(decodeExperiment(win.location.hash).experiment.seed).toBe(5);
  });

  it('should load a pasted link with present=1 into both the lab and presenter mode', () => {
    const { win, navigate } = fakeWindow('');
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT, notices: [] });
    installHashSync(store, win);
    navigate('#lab=playground&seed=11&present=1');
    expect(store.getState().experiment.seed).toBe(11);
    // The lab's codec never saw the key: no notice about it.
    expect(store.getState().notices).toEqual([]);
    expect(presenterStore.getState().on).toBe(true);
    expect(win.location.hash).toMatch(/seed=11.*&present=1$/);
    // The bare tab link, with the mode on, brings the playground back as it was.
    navigate('#lab=search&present=1');
    navigate('#lab=playground&present=1');
    expect(store.getState().experiment.seed).toBe(11);
  });
});
