// One person out of a list the server offers (a form's 人员选择, a unit's head): searchable by
// name, clearable; antd's Form.Item passes value, onChange and id through.
import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';

interface Person {
  id: string;
  displayName: string;
}

type PersonSelectProps = Omit<SelectProps<string>, 'options'> & {
  people: readonly Person[];
  /** Shown when the list is empty. */
  nobody: string;
};

export function PersonSelect({ people, nobody, ...rest }: PersonSelectProps) {
  const { t } = useTranslation();
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      options={people.map((person) => ({ value: person.id, label: person.displayName }))}
      placeholder={t('assignees.choosePerson')}
      notFoundContent={nobody}
      {...rest}
    />
  );
}
