// Previous / next buttons for a cursor-paginated list (the server gives no totals, so no page numbers to jump to).
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CursorPages } from './use-cursor-pages';

export function CursorPager({
  pages,
  nextCursor,
}: {
  pages: CursorPages;
  nextCursor: string | null | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Flex justify="flex-end" align="center" gap="small" className="sgf-pager">
      <Button icon={<LeftOutlined />} disabled={!pages.hasPrevious} onClick={pages.previous}>
        {t('ui.previousPage')}
      </Button>
      <Typography.Text type="secondary" aria-live="polite">
        {t('ui.pageNumber', { page: pages.pageNumber })}
      </Typography.Text>
      <Button
        icon={<RightOutlined />}
        iconPlacement="end"
        disabled={!nextCursor}
        onClick={() => nextCursor && pages.next(nextCursor)}
      >
        {t('ui.nextPage')}
      </Button>
    </Flex>
  );
}
