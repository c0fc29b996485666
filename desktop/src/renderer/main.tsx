/**
 * Renderer entry: picks where the session is kept (Electron bridge or sessionStorage) and mounts
 * the console.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultServerUrl } from './api/client';
import { App } from './App';
import { choosePersistence } from './session/persistence';
import './styles.css';

const container = document.getElementById('root');
if (container === null) throw new Error('The console page has no #root element');

createRoot(container).render(
  <StrictMode>
    <App persistence={choosePersistence(window)} defaultServerUrl={defaultServerUrl(window.location)} />
  </StrictMode>,
);
