// The left column: everything a learner sets before pressing Train.
import { BatchNormControls } from './BatchNormControls';
import { DatasetControls } from './DatasetControls';
import { NetworkControls } from './NetworkControls';
import { RunButtons } from './RunButtons';
import { SpeedControl } from './SpeedControl';
import { TrainingControls } from './TrainingControls';

export function ControlsPanel() {
  return (
    <aside className="controls" aria-label="Controls">
      <RunButtons />
      <SpeedControl />
      <DatasetControls />
      <NetworkControls />
      <BatchNormControls />
      <TrainingControls />
    </aside>
  );
}
