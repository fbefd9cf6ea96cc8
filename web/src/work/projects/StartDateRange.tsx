// The project list's start-date filter. The date picker and dayjs are the largest part of the list's
// JavaScript that only this one control uses, so the list loads them after its first screen (see
// ProjectListPage); the filter's value lives in the address like the others.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

const DAY_FORMAT = 'YYYY-MM-DD';

export interface StartDateRangeProps {
  from?: string;
  to?: string;
  onChange: (from?: string, to?: string) => void;
}

export default function StartDateRange({ from, to, onChange }: StartDateRangeProps) {
  const { t } = useTranslation();
  return (
    <DatePicker.RangePicker
      aria-label={t('projectList.startedBetween')}
      placeholder={[t('projectList.startedFrom'), t('projectList.startedTo')]}
      value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
      allowEmpty={[true, true]}
      onChange={(range) => onChange(range?.[0]?.format(DAY_FORMAT), range?.[1]?.format(DAY_FORMAT))}
    />
  );
}
