// 发起角色: who may start the process from the catalogue. Three meanings the definition tells apart:
// absent (officers and supervisors), a list of roles, or [] (only other processes start it).
import { Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../workflows/engine/definition-schema.js';
import { ROLES } from '../../admin/roles';
import { Field } from '../panels/panel-fields';
import { useDesigner } from '../store/DesignerStoreContext';

type Mode = 'default' | 'chosen' | 'none';
/** What choosing 指定角色 starts from: the default's roles, so nothing changes until the admin edits them. */
const DEFAULT_STARTERS: Role[] = ['officer', 'supervisor'];

const modeOf = (roles: readonly Role[] | undefined): Mode =>
  roles === undefined ? 'default' : roles.length === 0 ? 'none' : 'chosen';

export function StarterRolesSection() {
  const { t } = useTranslation();
  const roles = useDesigner((state) => state.definition.starterRoles);
  const patch = useDesigner((state) => state.patchDefinition);
  const mode = modeOf(roles);
  const choose = (next: Mode) =>
    patch({ starterRoles: next === 'default' ? undefined : next === 'none' ? [] : DEFAULT_STARTERS });
  return (
    <Space direction="vertical" className="sgf-designer-stack">
      <Typography.Paragraph>{t('designer.process.starter.help')}</Typography.Paragraph>
      <Radio.Group value={mode} onChange={(event) => choose(event.target.value as Mode)}>
        <Space direction="vertical">
          <Radio value="default">{t('designer.process.starter.default')}</Radio>
          <Radio value="chosen">{t('designer.process.starter.chosen')}</Radio>
          <Radio value="none">{t('designer.process.starter.none')}</Radio>
        </Space>
      </Radio.Group>
      {mode === 'chosen' && (
        <Field
          label={t('designer.process.starter.roles')}
          htmlFor="sgf-process-starters"
          help={t('designer.process.starter.rolesEmpty')}
        >
          <Select<Role[]>
            id="sgf-process-starters"
            mode="multiple"
            value={roles ?? []}
            // Emptying the list here would silently mean "only other processes": that is its own choice.
            onChange={(next) => (next.length > 0 ? patch({ starterRoles: next }) : undefined)}
            options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          />
        </Field>
      )}
      {mode === 'none' && (
        <Typography.Paragraph>{t('designer.process.starter.noneHelp')}</Typography.Paragraph>
      )}
    </Space>
  );
}
