// Picks one role, named in the interface language.
import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types';
import { ROLES } from '../roles';

export function RoleSelect(props: Omit<SelectProps<Role>, 'options'>) {
  const { t } = useTranslation();
  return (
    <Select<Role>
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('admin.roles.pick')}
      {...props}
      options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
    />
  );
}
