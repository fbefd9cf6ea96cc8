// 系统管理: the admin area's own navigation (units, users and their roles, API tokens, audit, working-day
// calendar) and sub-pages.
// Loaded lazily with the area, so none of it weighs on sign-in or the other areas.
import {
  AuditOutlined,
  ApiOutlined,
  CalendarOutlined,
  ClusterOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Menu, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import NotFoundPage from '../pages/NotFoundPage';
import AuditPage from './pages/AuditPage';
import CalendarPage from './pages/CalendarPage';
import TokensPage from './pages/TokensPage';
import UnitsPage from './pages/UnitsPage';
import UsersPage from './pages/UsersPage';

const SECTIONS = [
  { key: 'units', icon: <ClusterOutlined /> },
  { key: 'users', icon: <UserOutlined /> },
  { key: 'tokens', icon: <ApiOutlined /> },
  { key: 'audit', icon: <AuditOutlined /> },
  { key: 'calendar', icon: <CalendarOutlined /> },
] as const;

export default function AdminArea() {
  const { t } = useTranslation();
  const location = useLocation();
  const section = location.pathname.split('/')[2] ?? '';
  return (
    <div className="sgf-admin">
      <Typography.Title level={3} className="sgf-area-title">
        {t('areas.admin.label')}
      </Typography.Title>
      <nav aria-label={t('admin.navigation')}>
        <Menu
          mode="horizontal"
          selectedKeys={[section]}
          className="sgf-admin-nav"
          items={SECTIONS.map(({ key, icon }) => ({
            key,
            icon,
            label: <Link to={`/admin/${key}`}>{t(`admin.sections.${key}`)}</Link>,
          }))}
        />
      </nav>
      <Routes>
        <Route index element={<Navigate to="units" replace />} />
        <Route path="units" element={<UnitsPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="tokens" element={<TokensPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
