import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectBackend } from './api';
import { App } from './App';
import { BackendProvider } from './BackendContext';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const backend = connectBackend();
if ('error' in backend) {
  root.render(
    <main className="error-panel" role="alert">
      <h1>Maily cannot connect</h1>
      <p>{backend.error}</p>
    </main>,
  );
} else {
  root.render(
    <StrictMode>
      <BackendProvider value={backend}>
        <App />
      </BackendProvider>
    </StrictMode>,
  );
}
