// antd's zh_CN messages say 请输入… for every required field; a field the person picks (select, date,
// radio) should say 请选择…. rc-field-form fills `${label}` with the item's label after i18next has run.
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

export const choiceRequired = (t: TFunction): FormRule => ({
  required: true,
  message: t('forms.rules.requiredChoice', { label: '${label}' }),
});
