// Routes: /login is public; every area sits behind the session guard and its own role check.
// Area pages load on first visit (AppLayout suspends around them), so sign-in never waits for heavy areas.
import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import type { AreaKey } from './areas/areas';
import { CHANGE_PASSWORD_PATH } from './auth/paths';
import { RequireSession } from './auth/RequireSession';
import AppLayout from './layout/AppLayout';
import HomeRedirect from './pages/HomeRedirect';
import LoginPage from './pages/LoginPage';
import NotFoundPage from './pages/NotFoundPage';
import RequireArea from './pages/RequireArea';

const AREA_PAGES = {
  inbox: lazy(() => import('./pages/InboxPage')),
  projects: lazy(() => import('./pages/ProjectsPage')),
  // ECharts travels only with this chunk.
  dashboards: lazy(() => import('./dashboards/DashboardsArea')),
  talent: lazy(() => import('./pages/TalentPage')),
  incidents: lazy(() => import('./incidents/IncidentsArea')),
  designer: lazy(() => import('./pages/DesignerPage')),
  admin: lazy(() => import('./admin/AdminArea')),
} satisfies Record<AreaKey, unknown>;

const ChangePasswordPage = lazy(() => import('./account/ChangePasswordPage'));

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
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          ...areaRoutes,
          { path: CHANGE_PASSWORD_PATH, element: <ChangePasswordPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
