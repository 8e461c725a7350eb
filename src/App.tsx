// The shell: a header with one tab per lab, the training worker's health, and the lab the URL hash
// names (#lab=...). Labs other than the playground load lazily, so the first screen's bundle carries
// none of their code. Every lab's store outlives its tab: switching tabs loses nothing.
import { lazy, Suspense, useEffect, useState } from 'react';
import { LinkNotices } from './components/LinkNotices';
import { LABS, type LabId, labFromHash, unknownLabNotice } from './state/labs';
import { PlaygroundScreen } from './ui/PlaygroundScreen';
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
      const unknown = unknownLabNotice(window.location.hash);
      if (unknown) {
        setNotice(unknown);
        // The playground's link sync then writes the playground's own link.
        const { pathname, search } = window.location;
        window.history.replaceState(null, '', `${pathname}${search}#lab=playground`);
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      }
      setLab(labFromHash(window.location.hash));
    };
    onHashChange();
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return { lab, notice, dismiss: () => setNotice(null) };
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
  return (
    <div className="app">
      <header className="app-header">
        <h1>Hyperparameters &amp; Batch Norm Playground</h1>
        <nav aria-label="Labs" className="lab-tabs">
          {LABS.map((l) => (
            <a key={l.id} href={`#lab=${l.id}`} aria-current={l.id === lab ? 'page' : undefined}>
              {l.title}
            </a>
          ))}
        </nav>
      </header>
      <div className="banners">
        <WorkerBanner />
        <LinkNotices notices={notice ? [notice] : []} onDismiss={dismiss} />
      </div>
      <Suspense fallback={<p className="loading">Loading the lab…</p>}>
        <LabScreen lab={lab} />
      </Suspense>
    </div>
  );
}
