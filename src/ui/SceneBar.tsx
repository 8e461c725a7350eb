// The scene in play above its lab: title, two lines of caption, the lab's scenes in lecture order (the
// current one marked), and, for a scene that asks, the question, Reveal and the measured answer beside
// the prediction. The lab trains on Reveal (`onReveal`) and reads its own run (`outcome`): this bar
// only shows what the lab measured and the judge's rule, never an answer of its own.
import './scene.css';
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { neighbourScene, sceneLink, scenesOf } from '../core/scenes/sceneCatalog';
import type { SceneOutcome } from '../core/scenes/sceneTypes';
import { presenterStore, withPresenter } from '../state/presenterMode';
import { sceneStore } from '../state/sceneState';
import { useLabScene, useSceneHref } from './sceneHooks';
import { useShortcuts } from './shortcuts';

export interface SceneBarProps {
  lab: string;
  /**
   * Starts the lab's run for the question (its own action). `false` (or a promise of it) says no run
   * started (a field in error, a network rebuilt mid-way): the bar goes back to its Reveal and says so,
   * rather than wait for a measurement that will never come.
   */
  onReveal?: () => RevealStart;
  /** What the lab measured for the question; null until its run has numbers to judge. */
  outcome?: SceneOutcome | null;
  /** Whether → and ← move between scenes (false where the lab has beats of its own on those keys). */
  keys?: boolean;
}

export type RevealStart = boolean | undefined | Promise<boolean | undefined>;

const NOT_STARTED =
  'Reveal did not get a run to measure: the lab says why at the control that stopped it. Fix that, then press Reveal again.';

function goTo(id: string | null, direction: 1 | -1): void {
  const next = id ? neighbourScene(id, direction) : null;
  if (!next) return;
  window.location.hash = withPresenter(sceneLink(next), presenterStore.getState().on);
}

function SceneKeys() {
  useShortcuts('scenes', {
    next: { label: 'Next scene', run: () => goTo(sceneStore.getState().id, 1) },
    previous: { label: 'Previous scene', run: () => goTo(sceneStore.getState().id, -1) },
  });
  return null;
}

export function SceneBar({ lab, onReveal, outcome = null, keys = true }: SceneBarProps) {
  const scene = useLabScene(lab);
  const choice = useStore(sceneStore, (s) => s.choice);
  const revealed = useStore(sceneStore, (s) => s.revealed);
  const choose = useStore(sceneStore, (s) => s.choose);
  const reveal = useStore(sceneStore, (s) => s.reveal);
  const href = useSceneHref();
  const [notStarted, setNotStarted] = useState(false);
  // Each visit to a scene counts: a Reveal that ends after the class moved on says nothing there.
  const visit = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new scene starts without the note
  useEffect(() => {
    visit.current += 1;
    setNotStarted(false);
  }, [scene?.id]);
  if (!scene) return null;
  const q = scene.question;
  const label = (id: string | null) => q?.choices.find((c) => c.id === id)?.label ?? id;
  return (
    <section className="scene-bar" aria-label="Scene">
      {keys ? <SceneKeys /> : null}
      <h2>Scene: {scene.title}</h2>
      <p className="scene-caption">{scene.caption[0]}</p>
      <p className="scene-caption">{scene.caption[1]}</p>
      <nav className="scene-list" aria-label="Scenes">
        <ol>
          {scenesOf(lab).map((s) => (
            <li key={s.id}>
              <a href={href(s)} aria-current={s.id === scene.id ? 'step' : undefined}>
                {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {q ? (
        <fieldset className="scene-question" disabled={revealed}>
          <legend>Predict: {q.prompt}</legend>
          <div role="radiogroup" aria-label={q.prompt}>
            {q.choices.map((c) => (
              <label key={c.id}>
                <input
                  type="radio"
                  name={`scene-${scene.id}`}
                  value={c.id}
                  checked={choice === c.id}
                  onChange={() => choose(c.id)}
                />
                {c.label}
              </label>
            ))}
          </div>
          {revealed ? null : (
            <button
              type="button"
              className="primary"
              disabled={choice === null}
              onClick={() => {
                setNotStarted(false);
                reveal();
                const asked = visit.current;
                // A Reveal that failed outright got no run either (and must not hang on "Measuring…").
                void Promise.resolve()
                  .then(() => onReveal?.())
                  .catch(() => false)
                  .then((started) => {
                    if (started !== false || visit.current !== asked) return;
                    sceneStore.setState({ revealed: false });
                    setNotStarted(true);
                  });
              }}
            >
              Reveal
            </button>
          )}
          {notStarted && !revealed ? (
            <p className="scene-not-started" role="alert">
              {NOT_STARTED}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      {q && revealed ? (
        <>
          <output className="scene-outcome" aria-label="Scene outcome">
            {outcome === null
              ? `You predicted: ${label(choice)}. Measuring… the answer appears when the run has finished.`
              : `You predicted: ${label(choice)}. Measured: ${outcome.detail}. ${
                  outcome.choice === null
                    ? 'These numbers support none of the choices.'
                    : `The numbers support: ${label(outcome.choice)}${outcome.choice === choice ? ' (as predicted)' : ''}.`
                }`}
          </output>
          <p className="scene-rule">Rule: {q.rule}</p>
        </>
      ) : null}
    </section>
  );
}
