// One icon per area, shared by the side menu and the area pages.
import {
  AlertOutlined,
  ApartmentOutlined,
  BarChartOutlined,
  FolderOpenOutlined,
  InboxOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { AreaKey } from './areas';

export const AREA_ICONS = {
  inbox: <InboxOutlined />,
  projects: <FolderOpenOutlined />,
  dashboards: <BarChartOutlined />,
  talent: <TeamOutlined />,
  incidents: <AlertOutlined />,
  designer: <ApartmentOutlined />,
  admin: <SettingOutlined />,
} as const satisfies Record<AreaKey, ReactNode>;
