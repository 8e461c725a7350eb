import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { experimentFromHash, installHashSync } from './state/hashSync';
import { createAppStore } from './state/store';
import { StoreProvider } from './state/StoreProvider';
import './styles.css';

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
