// The playground's first screen: controls on the left, what the run shows on the right.
import { selectExperimentRevision } from './state/selectors';
import { useAppStore } from './state/StoreProvider';
import { ControlsPanel } from './ui/ControlsPanel';
import { CostChart } from './ui/CostChart';
import { DecisionBoundary } from './ui/DecisionBoundary';
import { ErrorBanner } from './ui/ErrorBanner';
import { Lessons } from './ui/Lessons';
import { NoticesBanner } from './ui/NoticesBanner';
import { Readouts } from './ui/Readouts';
import { SamplingPanel } from './ui/SamplingPanel';

export function App() {
  // A pasted link replaces the experiment: fresh controls drop any half-typed text.
  const revision = useAppStore(selectExperimentRevision);
  return (
    <div className="app">
      <header className="app-header">
        <h1>Hyperparameters &amp; Batch Norm Playground</h1>
        <p className="tagline">
          Train a real network in your browser. Change one thing, train again, compare.
        </p>
      </header>
      <div className="banners">
        <NoticesBanner />
        <ErrorBanner />
      </div>
      <div className="layout">
        <ControlsPanel key={revision} />
        <main className="results">
          <Readouts />
          <div className="figures">
            <CostChart />
            <DecisionBoundary />
          </div>
          <SamplingPanel key={revision} />
          <Lessons />
        </main>
      </div>
    </div>
  );
}
