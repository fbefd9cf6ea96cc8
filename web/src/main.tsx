// Entry point: language first (so the first paint is localised: a stored choice of English is fetched
// before the first render), then providers and routes.
import { languageReady } from './i18n';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { AppProviders } from './AppProviders';
import { createQueryClient } from './api/query-client';
import { AppRoutes } from './router';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain #root');

const queryClient = createQueryClient();

void languageReady.then(() =>
  createRoot(container).render(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AppProviders>
    </StrictMode>,
  ),
);
