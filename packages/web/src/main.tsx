import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles/base.css';
import './styles/controls.css';
import './styles/forms.css';
import './styles/login.css';
import './styles/shell.css';
import './styles/pages.css';
import './styles/map-unit.css';
import './styles/tables.css';
import './styles/indicators.css';
import './styles/data.css';
import './styles/alerts.css';
import './styles/overview.css';
import './styles/catalogue.css';
import './styles/overlays.css';
import './styles/responsive.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
