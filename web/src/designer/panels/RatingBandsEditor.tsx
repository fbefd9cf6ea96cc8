// A review's rating bands, best first (min → rating, add/remove), with the check that the mins
// descend: the engine takes the first band the score reaches, so a later band must start lower.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Field } from './panel-fields';
import { firstBandOutOfOrder, type RatingBand } from './rating-bands.js';

export function RatingBandsEditor({
  bands,
  onChange,
}: {
  bands: readonly RatingBand[] | undefined;
  /** undefined when the last band goes: no bands, no rating. */
  onChange: (bands: RatingBand[] | undefined, typing?: string) => void;
}) {
  const { t } = useTranslation();
  const list = bands ?? [];
  const replace = (index: number, patch: Partial<RatingBand>, typing?: string) =>
    onChange(
      list.map((band, at) => (at === index ? { ...band, ...patch } : band)),
      typing,
    );
  const outOfOrder = firstBandOutOfOrder(list);
  const lastMin = list.at(-1)?.min;
  return (
    <Field label={t('designer.nodePanels.ratingBands')}>
      <Space direction="vertical" className="sgf-designer-stack">
        {list.map((band, index) => (
          <Space.Compact block key={index}>
            <InputNumber
              aria-label={t('designer.nodePanels.bandMin')}
              addonBefore="≥"
              value={band.min}
              onChange={(min) => replace(index, { min: min ?? 0 })}
            />
            <Input
              aria-label={t('designer.nodePanels.bandRating')}
              value={band.rating}
              onChange={(event) => replace(index, { rating: event.target.value }, `band-${index}`)}
            />
            <Button
              danger
              icon={<DeleteOutlined />}
              aria-label={t('designer.nodePanels.bandRemove', { rating: band.rating })}
              onClick={() => {
                const rest = list.filter((_, at) => at !== index);
                onChange(rest.length > 0 ? rest : undefined);
              }}
            />
          </Space.Compact>
        ))}
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            onChange([
              ...list,
              {
                min: lastMin === undefined ? 90 : Math.max(0, lastMin - 10),
                rating: t('designer.nodePanels.bandNew'),
              },
            ])
          }
        >
          {t('designer.nodePanels.bandAdd')}
        </Button>
        {outOfOrder !== undefined && (
          <Alert type="warning" showIcon title={t('designer.nodePanels.bandsOrder', { n: outOfOrder + 1 })} />
        )}
      </Space>
    </Field>
  );
}
