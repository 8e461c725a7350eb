// The search lab (#lab=search): lessons 3.1–3.3 of the course as something to run. Set up a search
// space, sample it with a grid, random or quasi-random strategy, train every trial at once, read the
// leaderboard and the importance, zoom in on a good region, and open the best trial in the playground.

import './search.css';
import { useEffect, useRef, useState } from 'react';
import { AwayNotice } from '../../components/AwayNotice';
import { LinkNotices } from '../../components/LinkNotices';
import type { Round } from '../../core/search/study';
import type { StoreLink } from '../../state/linkSync';
import { AnswerGate } from '../../ui/AnswerGate';
import { SceneBar } from '../../ui/SceneBar';
import { useLabScene } from '../../ui/sceneHooks';
import { useLeaveLab } from '../../ui/useLeaveLab';
import { useLinkSync } from '../../ui/useLinkSync';
import { useReopened } from '../../ui/useReopened';
import { ClusterExport } from './ClusterExport';
import { comparisonRound } from './comparisonView';
import { COMPARISON_FIELDS, fieldInError } from './fieldProblems';
import { Leaderboard } from './Leaderboard';
import { ResultsPanel } from './ResultsPanel';
import { ScaleLesson } from './ScaleLesson';
import { SpaceEditor } from './SpaceEditor';
import { StrategyComparison } from './StrategyComparison';
import { StudyControls } from './StudyControls';
import { StudyCurves } from './StudyCurves';
import { StudyFilePanel } from './StudyFilePanel';
import { StudyScatter } from './StudyScatter';
import { savedStudyFile } from './savedStudy';
import { decodeStudy, encodeStudy } from './searchHash';
import { repeatOutcome, revealCoarseToFine, zoomOutcome } from './searchScenes';
import { defaultStudyLink, type SearchState } from './searchStore';
import { searchStore, useSearch } from './useSearchStore';

/** The lab's link in the URL hash: the study's space, strategy, budget, seed, steps, optimizer and zooms. */
const STUDY_LINK: StoreLink<SearchState> = {
  lab: 'search',
  encode: encodeStudy,
  load: (raw, state) => {
    const { link, notices } = decodeStudy(raw, defaultStudyLink());
    state.loadLink(link, notices);
  },
  keys: ['drafts', 'strategy', 'budget', 'seed', 'steps', 'optimizer', 'zooms'],
};

function Notices() {
  const { notices, dismiss, awayNote, resumeAfterAway } = useSearch((s) => ({
    notices: s.notices,
    dismiss: s.dismissNotices,
    awayNote: s.awayNote,
    resumeAfterAway: s.resumeAfterAway,
  }));
  return (
    <>
      <AwayNotice note={awayNote} onResume={() => void resumeAfterAway()} />
      <LinkNotices notices={notices} onDismiss={dismiss} className="search-notices" />
    </>
  );
}

/**
 * The scene in play (if any). Grid vs random: Reveal is "Repeat over seeds", and only that repeat
 * answers. Coarse to fine: Reveal runs round 1, then zooms in around its best trial; only those answer.
 */
function Scene() {
  const scene = useLabScene('search');
  const state = useSearch((s) => ({ rounds: s.rounds, trials: s.trials, seed: s.seed, status: s.status }));
  // The round Reveal made (the comparison, or coarse to fine's first): an older one does not answer.
  const [revealRound, setRevealRound] = useState<Round | null>(null);
  // Coarse to fine's pending zoom, dropped when the scene changes or the lab closes.
  const cancelZoom = useRef<() => void>(() => {});
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on the scene's id only
  useEffect(() => {
    setRevealRound(null);
    return () => cancelZoom.current();
  }, [scene?.id]);
  if (!scene) return null;
  const reveal = () => {
    const store = searchStore();
    if (scene.id === 'coarse-to-fine') {
      cancelZoom.current();
      const { first, cancel } = revealCoarseToFine(store);
      cancelZoom.current = cancel;
      setRevealRound(first);
      return first !== null;
    }
    // Any other question scene of this lab would need no run of its own.
    if (scene.id !== 'grid-vs-random') return true;
    // A field showing an error (the seed) blocks the comparison's run as it blocks Run study.
    if (fieldInError(COMPARISON_FIELDS)) return false;
    const before = comparisonRound(store.getState().rounds);
    // runRepeat() sets the new round before its first await, so it can be read straight away.
    void store.getState().runRepeat();
    const made = comparisonRound(store.getState().rounds);
    if (!made || made === before) return false;
    setRevealRound(made);
    return true;
  };
  const outcome =
    scene.id === 'grid-vs-random'
      ? repeatOutcome(state, revealRound)
      : scene.id === 'coarse-to-fine'
        ? zoomOutcome(state, revealRound)
        : null;
  return <SceneBar lab="search" onReveal={reveal} outcome={outcome} />;
}

export default function SearchLab() {
  useLinkSync(searchStore(), STUDY_LINK);
  // Leaving the lab pauses a training study (it would only slow the other screens) and says so on return.
  useLeaveLab(searchStore().getState().leave);
  // Opened for a saved study: load it as it was, exactly as "Import study" would.
  useReopened('search', (record) => {
    const file = savedStudyFile(record);
    if (file) searchStore().getState().loadStudyFile(file);
  });
  const revision = useSearch((s) => s.revision);
  return (
    <main className="search-lab">
      <div className="search-intro">
        <h2>Search lab: tuning many hyperparameters</h2>
        <p>
          Every trial below is a real network trained on the spiral data in your browser. Choose what to
          search and on which scale, spend a budget of trials with a strategy, let them all train at once,
          then zoom in where the dev cost is low.
        </p>
      </div>
      <Notices />
      <Scene />
      <div className="search-layout">
        <div className="search-left" key={revision}>
          <StudyControls />
          <SpaceEditor />
        </div>
        <div className="search-right">
          <StudyScatter />
          <StudyCurves />
        </div>
      </div>
      <StudyFilePanel />
      <AnswerGate lab="search" what="The leaderboard">
        <Leaderboard />
      </AnswerGate>
      <AnswerGate lab="search" what="The results panel">
        <ResultsPanel />
      </AnswerGate>
      <StrategyComparison />
      <ClusterExport />
      <ScaleLesson />
    </main>
  );
}
