// dayjs's own locale, which antd's date pickers read their month and weekday names from (antd's
// zh_CN does not load it: without it the pickers read "2026年 Oct" and "Su Mo Tu"). Fetched just
// after start-up rather than shipped in the first load, which has no room for dayjs under budget.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

export function setDayjsLocale(locale: 'zh-cn' | 'en'): void {
  dayjs.locale(locale);
}
