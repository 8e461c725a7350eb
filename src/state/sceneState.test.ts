import { beforeEach, describe, expect, it } from 'vitest';
import { neighbourScene, SCENES, sceneLink, scenesOf } from '../core/scenes/sceneCatalog';
import { installLinkSync } from './linkSync';
import { applySceneLink, sceneFromHash, sceneStore, withoutScene, withScene } from './sceneState';

describe('scene links', () => {
  beforeEach(() => sceneStore.setState({ id: null, notice: null, choice: null, revealed: false }));

  it('should read a scene of the link’s own lab and refuse any other id with a notice', () => {
    expect(sceneFromHash('#lab=batchnorm&scene=does-it-help')).toMatchObject({
      id: 'does-it-help',
      notice: null,
    });
    const wrongLab = sceneFromHash('#lab=playground&scene=does-it-help');
    expect(wrongLab.id).toBeNull();
    expect(wrongLab.notice).toMatch(/does-it-help/);
    expect(sceneFromHash('#lab=batchnorm&scene=nope').notice).toMatch(/“nope” is no scene/);
  });

  it('should start a linked scene unanswered and end it on a link without one', () => {
    applySceneLink('#lab=batchnorm&scene=does-it-help');
    sceneStore.getState().choose('wider');
    sceneStore.getState().reveal();
    // The same scene again (the sync rewriting its link) keeps the answer.
    applySceneLink('#lab=batchnorm&scene=does-it-help');
    expect(sceneStore.getState()).toMatchObject({ choice: 'wider', revealed: true });
    applySceneLink('#lab=batchnorm&scene=test-time');
    expect(sceneStore.getState()).toMatchObject({ id: 'test-time', choice: null, revealed: false });
    applySceneLink('#lab=batchnorm');
    expect(sceneStore.getState().id).toBeNull();
  });

  it('should write the key last and strip it for the lab’s codec', () => {
    expect(withScene('lab=batchnorm&seed=1', 'test-time')).toBe('lab=batchnorm&seed=1&scene=test-time');
    expect(withoutScene('lab=batchnorm&scene=test-time&seed=1')).toBe('lab=batchnorm&seed=1');
    expect(withScene('lab=batchnorm&scene=x', null)).toBe('lab=batchnorm');
  });

  it('should give every scene a unique id, two caption lines, and a link that opens it', () => {
    expect(new Set(SCENES.map((s) => s.id)).size).toBe(SCENES.length);
    for (const s of SCENES) {
      expect(s.caption).toHaveLength(2);
      expect(sceneFromHash(`#${sceneLink(s)}`).id).toBe(s.id);
      if (s.question) expect(s.question.choices.length).toBeGreaterThan(1);
    }
  });

  it('should step through a lab’s scenes in lecture order and stop at either end', () => {
    const bn = scenesOf('batchnorm').map((s) => s.id);
    expect(bn).toEqual(['normalizing-inputs', 'step-by-step', 'does-it-help', 'test-time']);
    expect(neighbourScene('step-by-step', 1)?.id).toBe('does-it-help');
    expect(neighbourScene('normalizing-inputs', -1)).toBeNull();
    expect(neighbourScene('test-time', 1)).toBeNull();
  });
});

describe('the link sync and the scene key', () => {
  it('should hand the lab its link without the scene, and write the scene back after the lab’s keys', () => {
    sceneStore.setState({ id: null, notice: null, choice: null, revealed: false });
    let hash = '#lab=batchnorm&sweep=0.01,10,5,200&scene=does-it-help';
    const loaded: string[] = [];
    const win = {
      location: {
        get hash() {
          return hash;
        },
        pathname: '/',
        search: '',
      },
      history: {
        replaceState: (_d: unknown, _u: string, url?: string) => {
          hash = (url ?? '').slice((url ?? '').indexOf('#'));
        },
      },
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };
    let state = 'lab=batchnorm&seed=1';
    const stop = installLinkSync(win, {
      lab: 'batchnorm',
      start: 'load',
      encode: () => state,
      load: (raw) => {
        loaded.push(raw);
        state = `${raw}&seed=1`;
      },
      subscribe: () => () => undefined,
    });
    expect(loaded).toEqual(['lab=batchnorm&sweep=0.01,10,5,200']);
    expect(hash).toBe('#lab=batchnorm&sweep=0.01,10,5,200&seed=1&scene=does-it-help');
    // Leaving the scene (its id cleared) rewrites the link without it.
    sceneStore.setState({ id: null });
    expect(hash).toBe('#lab=batchnorm&sweep=0.01,10,5,200&seed=1');
    stop();
  });
});
