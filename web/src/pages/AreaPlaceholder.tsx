// Stand-in for an area not built yet: says so plainly, and what the area will hold.
import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { AREA_ICONS } from '../areas/area-icons';
import type { AreaKey } from '../areas/areas';
import { Result } from '../ui/Result';

export function AreaPlaceholder({ area }: { area: AreaKey }) {
  const { t } = useTranslation();
  return (
    <Card data-testid={`area-${area}`}>
      <Result
        icon={<span className="sgf-placeholder-icon">{AREA_ICONS[area]}</span>}
        title={<h1 className="sgf-placeholder-title">{t(`areas.${area}.label`)}</h1>}
        subTitle={<p className="sgf-placeholder-text">{t(`areas.${area}.description`)}</p>}
        extra={<Tag color="processing">{t('placeholder.comingLater')}</Tag>}
      />
    </Card>
  );
}
