// antd's Result with its module loaded on first use: it carries the 403, 404 and 500 illustrations
// inline (about 7 KB gzip), and the pages show a result only on a refusal, an unknown address or a
// failure, so the first screen of every page need not wait for it.
import type { ResultProps } from 'antd';
import { lazy, Suspense } from 'react';

const AntResult = lazy(() => import('antd/es/result'));

export function Result(props: ResultProps) {
  return (
    <Suspense fallback={null}>
      <AntResult {...props} />
    </Suspense>
  );
}
