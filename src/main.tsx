import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { experimentFromHash, installHashSync } from './state/hashSync';
import { applyPresenterLink } from './state/presenterMode';
import { applySceneLink } from './state/sceneState';
import { createAppStore } from './state/store';
import { StoreProvider } from './state/StoreProvider';
import './styles.css';

// Read before the playground's link sync rewrites the hash in its own canonical form.
applyPresenterLink(window.location.hash);
applySceneLink(window.location.hash);
const { experiment, notices } = experimentFromHash(window.location.hash);
const store = createAppStore({ experiment, notices });
installHashSync(store, window);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
