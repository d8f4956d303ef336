/** Renderer entry: mounts the React app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The base stylesheets load before any component's, so views can refine them.
import 'prosemirror-view/style/prosemirror.css';
import './styles/app.css';
import { App } from './app/App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
