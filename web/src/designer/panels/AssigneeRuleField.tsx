// Who a task or a seat goes to: a role at the instance's unit (with its scope), the starter, a named
// person, the person a variable or an earlier form's 人员选择 field holds, or the head of the unit
// some levels up.
import { InputNumber, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssigneeRule } from '../../../../workflows/engine/definition-schema.js';
import { RoleSelect } from '../../admin/components/RoleSelect';
import { useUsers } from '../../admin/hooks/use-users';
import { PersonSelect } from '../../ui/PersonSelect';
import { Field } from './panel-fields';

const RULE_TYPES = [
  'role',
  'starter',
  'user',
  'variable',
  'unitHead',
] as const satisfies readonly AssigneeRule['type'][];
const SCOPES = ['unit', 'ancestors', 'unitOrAncestors'] as const;

const ruleOfType = (type: AssigneeRule['type']): AssigneeRule => {
  switch (type) {
    case 'role':
      return { type, role: 'officer', scope: 'unit' };
    case 'starter':
      return { type };
    case 'user':
      return { type, userId: '' };
    case 'variable':
      return { type, name: 'assignee' };
    case 'unitHead':
      return { type, levelsUp: 0 };
  }
};

export function AssigneeRuleField({
  id,
  label,
  rule,
  onChange,
  types = RULE_TYPES,
}: {
  id: string;
  label: string;
  rule: AssigneeRule;
  /** The rule types offered, when the place allows fewer (抄送 names roles and people only). */
  types?: readonly AssigneeRule['type'][];
  onChange: (rule: AssigneeRule, typing?: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Field label={label} htmlFor={id}>
      <Space direction="vertical" className="sgf-designer-stack">
        <Select<AssigneeRule['type']>
          id={id}
          value={rule.type}
          onChange={(type) => onChange(ruleOfType(type))}
          options={types.map((type) => ({ value: type, label: t(`designer.assignee.types.${type}`) }))}
        />
        {rule.type === 'role' && (
          <Space.Compact block>
            <RoleSelect
              aria-label={t('designer.assignee.role')}
              value={rule.role}
              onChange={(role) => onChange({ ...rule, role })}
              className="sgf-designer-grow"
            />
            <Select
              aria-label={t('designer.assignee.scope')}
              value={rule.scope}
              onChange={(scope) => onChange({ ...rule, scope })}
              options={SCOPES.map((scope) => ({ value: scope, label: t(`designer.scope.${scope}`) }))}
              className="sgf-designer-grow"
            />
          </Space.Compact>
        )}
        {rule.type === 'user' && (
          <UserPicker
            value={rule.userId}
            onChange={(userId) => onChange({ ...rule, userId: userId ?? '' })}
          />
        )}
        {rule.type === 'variable' && (
          <Input
            aria-label={t('designer.assignee.variable')}
            value={rule.name}
            onChange={(event) => onChange({ ...rule, name: event.target.value }, `${id}.variable`)}
          />
        )}
        {rule.type === 'unitHead' && (
          <InputNumber
            aria-label={t('designer.assignee.levelsUp')}
            min={0}
            max={10}
            precision={0}
            value={rule.levelsUp}
            addonBefore={t('designer.assignee.levelsUp')}
            onChange={(levelsUp) => onChange({ ...rule, levelsUp: levelsUp ?? 0 })}
          />
        )}
      </Space>
    </Field>
  );
}

/** A named person, searched among the active users by name as the admin types. */
function UserPicker({ value, onChange }: { value: string; onChange: (userId: string | undefined) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const users = useUsers({ q: search || undefined, active: true }, undefined);
  return (
    <PersonSelect
      aria-label={t('designer.assignee.user')}
      // The last search's people stay on screen while this one loads: offered, Enter would pick
      // the first of them, someone else than the name typed.
      people={users.isPlaceholderData ? [] : (users.data?.items ?? [])}
      nobody={t('designer.assignee.nobody')}
      value={value || undefined}
      onChange={(userId) => onChange(userId)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={users.isFetching}
    />
  );
}
