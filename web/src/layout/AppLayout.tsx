// The signed-in frame: header (product, notifications bell, person with their account menu, language,
// sign-out), a side menu of the areas the person's roles use, and the routed page. Below 576 px (a phone)
// the units, the language switch and sign-out move into the account menu, so the header fits the screen.
import './app-layout.css';
import {
  DisconnectOutlined,
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  TranslationOutlined,
  UserSwitchOutlined,
  UserOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Dropdown,
  Flex,
  Grid,
  Layout,
  Menu,
  Spin,
  Tooltip,
  Typography,
  theme,
  type MenuProps,
} from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { User } from '../api/types';
import { AREA_ICONS } from '../areas/area-icons';
import { areaForPath, visibleAreas } from '../areas/areas';
import { CHANGE_PASSWORD_PATH, PROXIES_PATH } from '../auth/paths';
import { useLogout, useLogoutEverywhere, useSession } from '../auth/session';
import { changeLanguage, currentLanguage } from '../i18n';
import { NotificationBell } from '../notifications/NotificationBell';
import { unitNamesOf } from './current-user';
import { LanguageSwitch } from './LanguageSwitch';
import { ProductLogo, ProductName } from './ProductMark';

const { Header, Sider, Content } = Layout;

export default function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { user } = useSession();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  // `sm` is undefined until measured: the wide header until then.
  const phone = Grid.useBreakpoint().sm === false;

  // RequireSession renders this layout only with a user; the guard keeps the type honest.
  if (!user) return null;

  const current = areaForPath(location.pathname);
  // Until a required password change is done, the areas would only bounce back to it.
  const areas = user.mustChangePassword ? [] : visibleAreas(user);
  const menuItems = areas.map((area) => ({
    key: area.key,
    icon: AREA_ICONS[area.key],
    label: (
      <Link to={area.path} data-testid={`nav-${area.key}`}>
        {t(`areas.${area.key}.label`)}
      </Link>
    ),
  }));

  return (
    <Layout className="sgf-app">
      <Header className="sgf-header" style={{ background: token.colorBgContainer }}>
        <Link
          to="/"
          className="sgf-brand"
          style={{ color: token.colorPrimary }}
          // Its name stays when a phone's header shows the logo alone.
          aria-label="社工流程 Shegong Flow"
        >
          <ProductLogo size={28} />
          <ProductName level={5} />
        </Link>
        <Flex align="center" gap={phone ? 'small' : 'middle'} className="sgf-header-actions">
          {!user.mustChangePassword && <NotificationBell />}
          <AccountMenu user={user} phone={phone} />
          {!phone && <LanguageSwitch />}
          {!phone && <LogoutButton />}
        </Flex>
      </Header>
      <Layout>
        <Sider
          width={208}
          breakpoint="lg"
          collapsible
          // On a phone the collapsed menu gives the page all the width, behind a small tab.
          collapsedWidth={phone ? 0 : 80}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          theme="light"
          className="sgf-sider"
        >
          <nav aria-label={t('layout.navigation')}>
            <Menu
              mode="inline"
              selectedKeys={current ? [current.key] : []}
              items={menuItems}
              style={{ borderInlineEnd: 'none' }}
            />
          </nav>
        </Sider>
        <Content className="sgf-content">
          <Suspense
            fallback={
              <div className="sgf-center-block">
                <Spin />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}

/** The person and their units; hovering lists their roles, except while the account menu is open. */
function CurrentUser({ user, menuOpen, phone }: { user: User; menuOpen: boolean; phone: boolean }) {
  const { t, i18n } = useTranslation();
  const separator = i18n.language === 'en' ? ', ' : '、';
  const roleLines = user.roles.map((assignment) => (
    <div key={`${assignment.role}@${assignment.unitId}`}>
      {t(`roles.${assignment.role}`)} · {assignment.unitName}
    </div>
  ));
  return (
    <Tooltip
      // Left of the button and closed while the menu is open, so it never covers the menu's items.
      placement="left"
      open={menuOpen ? false : undefined}
      title={
        <div>
          <div>{t('layout.rolesAt')}</div>
          {roleLines}
        </div>
      }
    >
      <Flex align="center" gap="small" className="sgf-current-user">
        <UserOutlined aria-hidden />
        <Typography.Text strong data-testid="current-user">
          {user.displayName}
        </Typography.Text>
        {!phone && (
          <Typography.Text type="secondary" data-testid="current-unit" ellipsis className="sgf-current-unit">
            {unitNamesOf(user).join(separator)}
          </Typography.Text>
        )}
      </Flex>
    </Tooltip>
  );
}

/** The language a phone's account menu offers, named in itself (as the header's switch does). */
const OTHER_LANGUAGE = {
  'zh-CN': { language: 'en', label: 'English' },
  en: { language: 'zh-CN', label: '中文' },
} as const;

/**
 * The person's name opens their account actions: change password, sign out on every device; on a
 * phone also their units, the language switch and sign-out, which the header has no room for.
 */
function AccountMenu({ user, phone }: { user: User; phone: boolean }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const logout = useLogout();
  const logoutEverywhere = useLogoutEverywhere();
  const [open, setOpen] = useState(false);
  const other = OTHER_LANGUAGE[currentLanguage()];
  const items: MenuProps['items'] = [
    ...(phone
      ? [
          {
            type: 'group' as const,
            key: 'units',
            label: t('notifications.menuUnits'),
            children: unitNamesOf(user).map((name) => ({ key: `unit:${name}`, label: name, disabled: true })),
          },
          { type: 'divider' as const },
        ]
      : []),
    { key: 'password', icon: <KeyOutlined />, label: t('account.changePassword') },
    { key: 'proxies', icon: <UserSwitchOutlined />, label: t('proxy.menu') },
    { key: 'everywhere', icon: <DisconnectOutlined />, label: t('account.logoutEverywhere') },
    ...(phone
      ? [
          { type: 'divider' as const },
          {
            key: 'language',
            icon: <TranslationOutlined />,
            label: (
              <span lang={other.language} data-testid="menu-lang-switch">
                {other.label}
              </span>
            ),
          },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: <span data-testid="menu-logout">{t('layout.logout')}</span>,
          },
        ]
      : []),
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'language') void changeLanguage(other.language);
    if (key === 'logout') logout.mutate();
    if (key === 'password') void navigate(CHANGE_PASSWORD_PATH);
    if (key === 'proxies') void navigate(PROXIES_PATH);
    if (key === 'everywhere') {
      void modal.confirm({
        title: t('account.logoutEverywhere'),
        content: t('account.logoutEverywhereConfirm'),
        okText: t('account.logoutEverywhere'),
        onOk: () => logoutEverywhere.mutateAsync(),
      });
    }
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} open={open} onOpenChange={setOpen}>
      <Button type="text" className="sgf-account-button" data-testid="account-menu">
        <CurrentUser user={user} menuOpen={open} phone={phone} />
        <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
}

function LogoutButton() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Button
      icon={<LogoutOutlined />}
      data-testid="logout"
      loading={logout.isPending}
      onClick={() => logout.mutate()}
    >
      {t('layout.logout')}
    </Button>
  );
}
