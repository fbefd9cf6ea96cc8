// The kind of a unit (指导中心 / 社工站 / 社工室) as a small coloured tag.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitKind } from '../admin-types';

const COLOURS: Record<UnitKind, string> = { county_center: 'geekblue', station: 'cyan', room: 'default' };

export function UnitKindTag({ kind }: { kind: UnitKind }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[kind]}>{t(`admin.units.kinds.${kind}`)}</Tag>;
}
