// Bridges the query client's error reports to antd's context-aware message API, localised by error code.
import { App } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeProblem } from './client';
import { setProblemReporter } from './query-client';

export function ProblemNotifier(): null {
  const { message } = App.useApp();
  const { t } = useTranslation();
  useEffect(
    () =>
      setProblemReporter((error) => {
        void message.error({ content: describeProblem(error, t), key: 'api-problem' });
      }),
    [message, t],
  );
  return null;
}
