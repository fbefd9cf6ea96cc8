// For actions outside a form (a confirm button, a menu item): the problem as a short message.
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeProblem, isApiProblem } from '../api/client';

export function useNotifyProblem(): (error: unknown) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return (error) => {
    // A stale revision is already announced (and the page reloaded) by the query client.
    if (isApiProblem(error) && error.status === 412) return;
    void message.error(describeProblem(error, t));
  };
}
