// Routes: /login is public; every area sits behind the session guard and its own role check.
// Pages load on first visit (AppLayout suspends around area pages), so sign-in never waits for heavy
// areas and a signed-in officer's first screen does not carry the sign-in form. The routes render
// through <BrowserRouter> and useRoutes, not a data router: no page uses loaders or actions, and the
// data router's code was 16 KB gzip of every page's first load.
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useRoutes, type RouteObject } from 'react-router-dom';
import type { AreaKey } from './areas/areas';
import { CHANGE_PASSWORD_PATH, PROXIES_PATH } from './auth/paths';
import { RequireSession } from './auth/RequireSession';
import AppLayout from './layout/AppLayout';
import HomeRedirect from './pages/HomeRedirect';
import NotFoundPage from './pages/NotFoundPage';
import RequireArea from './pages/RequireArea';

const AREA_PAGES = {
  inbox: lazy(() => import('./pages/InboxPage')),
  projects: lazy(() => import('./pages/ProjectsPage')),
  // ECharts travels only with this chunk.
  dashboards: lazy(() => import('./dashboards/DashboardsArea')),
  talent: lazy(() => import('./talent/TalentArea')),
  incidents: lazy(() => import('./incidents/IncidentsArea')),
  designer: lazy(() => import('./designer/DesignerArea')),
  admin: lazy(() => import('./admin/AdminArea')),
} satisfies Record<AreaKey, unknown>;

const ChangePasswordPage = lazy(() => import('./account/ChangePasswordPage'));
const LoginPage = lazy(() => import('./pages/LoginPage'));
const ProxiesPage = lazy(() => import('./proxies/ProxiesPage'));

const areaRoutes: RouteObject[] = (Object.keys(AREA_PAGES) as AreaKey[]).map((area) => {
  const Page = AREA_PAGES[area];
  return {
    path: `/${area}/*`,
    element: <RequireArea area={area} />,
    // An area routes its own sub-pages (e.g. /admin/users), so its page takes the rest of the path.
    children: [{ path: '*', element: <Page /> }],
  };
});

export const routes: RouteObject[] = [
  {
    path: '/login',
    element: (
      <Suspense
        fallback={
          <div className="sgf-center-screen">
            <Spin size="large" />
          </div>
        }
      >
        <LoginPage />
      </Suspense>
    ),
  },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          ...areaRoutes,
          { path: CHANGE_PASSWORD_PATH, element: <ChangePasswordPage /> },
          { path: PROXIES_PATH, element: <ProxiesPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/** The app's routes; rendered inside <BrowserRouter> (see main.tsx). */
export function AppRoutes() {
  return useRoutes(routes);
}
