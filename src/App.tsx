// The shell: a header with one tab per lab, and the lab the URL hash names (#lab=...). Labs other
// than the playground load lazily, so the first screen's bundle carries none of their code.
import { lazy, Suspense, useEffect, useState } from 'react';
import { LABS, type LabId, labFromHash } from './labs/labs';
import { PlaygroundScreen } from './ui/PlaygroundScreen';

const SearchLab = lazy(() => import('./labs/search/SearchLab'));
const BatchNormLab = lazy(() => import('./labs/batchnorm/BatchNormLab'));
const PandaLab = lazy(() => import('./labs/panda/PandaLab'));

function useLab(): LabId {
  const [lab, setLab] = useState(() => labFromHash(window.location.hash));
  useEffect(() => {
    const onHashChange = () => setLab(labFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return lab;
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
  }
}

export function App() {
  const lab = useLab();
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
      <Suspense fallback={<p className="loading">Loading the lab…</p>}>
        <LabScreen lab={lab} />
      </Suspense>
    </div>
  );
}
