// The shell: a header with one tab per lab, presenter mode and the keyboard shortcuts, the training
// worker's health, and the lab the URL hash names (#lab=...). Labs other than the playground load
// lazily, so the first screen's bundle carries none of their code. Every lab's store outlives its tab:
// switching tabs loses nothing (presenter mode included: each tab's link carries it).
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { LinkNotices } from './components/LinkNotices';
import { UnsavedNote } from './components/UnsavedNote';
import { LABS, type LabId, labFromHash, unknownLabNotice } from './state/labs';
import { applyPresenterLink, presenterStore, withPresenter } from './state/presenterMode';
import { applySceneLink } from './state/sceneState';
import { PlaygroundScreen } from './ui/PlaygroundScreen';
import { PresenterBar, PresenterNotice } from './ui/PresenterBar';
import { SceneNotice } from './ui/SceneNotice';
import { ShortcutsDialog } from './ui/ShortcutsDialog';
import { useShortcutKeys } from './ui/shortcuts';
import { useChartTabGuard } from './ui/useChartTabGuard';
import { useFocusRescue } from './ui/useFocusRescue';
import { useLeaveGuard } from './ui/useLeaveGuard';
import { WorkerBanner } from './ui/WorkerBanner';

const SearchLab = lazy(() => import('./labs/search/SearchLab'));
const BatchNormLab = lazy(() => import('./labs/batchnorm/BatchNormLab'));
const PandaLab = lazy(() => import('./labs/panda/PandaLab'));
const SavedLab = lazy(() => import('./labs/saved/SavedLab'));

/** The lab the hash names; a name that is no lab opens the playground, with a notice saying so. */
function useLab(): { lab: LabId; notice: string | null; dismiss: () => void } {
  const [lab, setLab] = useState(() => labFromHash(window.location.hash));
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    const onHashChange = () => {
      applyPresenterLink(window.location.hash);
      applySceneLink(window.location.hash);
      const unknown = unknownLabNotice(window.location.hash);
      if (unknown) {
        setNotice(unknown);
        // The playground's link sync then writes the playground's own link.
        const { pathname, search } = window.location;
        const hash = withPresenter('lab=playground', presenterStore.getState().on);
        window.history.replaceState(null, '', `${pathname}${search}#${hash}`);
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      }
      setLab(labFromHash(window.location.hash));
    };
    onHashChange();
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  // Opening another lab starts at its top (a learner who follows "Open in playground" from far down the
  // search lab would otherwise land mid-page); the same lab keeps its place when only its link changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on a change of lab only
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [lab]);
  return { lab, notice, dismiss: () => setNotice(null) };
}

/** Presenter mode scales the whole page's type from the root element (rem). */
function usePresenterRoot(): boolean {
  const on = useStore(presenterStore, (s) => s.on);
  useEffect(() => {
    document.documentElement.classList.toggle('presenter', on);
  }, [on]);
  return on;
}

function LabScreen({ lab }: { lab: LabId }) {
  switch (lab) {
    case 'playground':
      return <PlaygroundScreen />;
    case 'search':
      return <SearchLab />;
    case 'batchnorm':
      return <BatchNormLab />;
    case 'panda':
      return <PandaLab />;
    case 'saved':
      return <SavedLab />;
  }
}

export function App() {
  const { lab, notice, dismiss } = useLab();
  const presenting = usePresenterRoot();
  const [help, setHelp] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  useShortcutKeys(openHelp);
  useFocusRescue();
  useChartTabGuard();
  // Asks before a reload or closing the tab would lose a lab's work, and names that work in the header.
  const unsaved = useLeaveGuard();
  return (
    <div className="app">
      <header className="app-header">
        <h1>Hyperparameters &amp; Batch Norm Playground</h1>
        <nav aria-label="Labs" className="lab-tabs">
          {LABS.map((l) => (
            <a
              key={l.id}
              href={`#${withPresenter(`lab=${l.id}`, presenting)}`}
              aria-current={l.id === lab ? 'page' : undefined}
            >
              {l.title}
            </a>
          ))}
        </nav>
        <PresenterBar onShortcuts={openHelp} />
        <UnsavedNote text={unsaved} />
      </header>
      <div className="banners">
        <WorkerBanner />
        <LinkNotices notices={notice ? [notice] : []} onDismiss={dismiss} />
        <PresenterNotice />
        <SceneNotice />
      </div>
      <Suspense fallback={<p className="loading">Loading the lab…</p>}>
        <LabScreen lab={lab} />
      </Suspense>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
