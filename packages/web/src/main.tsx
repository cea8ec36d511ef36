// The kit's styles first, in this order: a subsystem's come after them, with its own code.
import './styles/base.css';
import './styles/controls.css';
import './styles/forms.css';
import './styles/login.css';
import './styles/shell.css';
import './styles/pages.css';
import './styles/map-unit.css';
import './styles/tables.css';
import './styles/figures.css';
import './styles/alerts.css';
import './styles/overview.css';
import './styles/overlays.css';
import './styles/responsive.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
