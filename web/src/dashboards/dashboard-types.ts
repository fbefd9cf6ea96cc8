// Wire types of the dashboards API, inferred from the server's zod contracts. Type-only.
import type { TDashboard, TDashboardQuery } from '../../../api/dashboards/dashboard.types.js';

export type Dashboard = TDashboard;
export type DashboardQuery = TDashboardQuery;
