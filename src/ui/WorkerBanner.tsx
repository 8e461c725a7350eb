// Every screen's word on the training worker: when it failed to start, crashed or stopped answering,
// say so and offer a fresh one (each lab's runs already say they ended).
import { useSyncExternalStore } from 'react';
import { appRunChannel } from '../state/appChannel';

export function WorkerBanner() {
  const channel = appRunChannel();
  const health = useSyncExternalStore(channel.subscribeHealth, channel.health);
  if (health.state === 'ok') return null;
  return (
    <div className="banner banner-error" role="alert" aria-label="Training worker">
      <p>{health.message} Runs that were training have stopped; what they drew stays on the page.</p>
      <button type="button" onClick={() => channel.restart()}>
        Restart the training worker
      </button>
    </div>
  );
}
