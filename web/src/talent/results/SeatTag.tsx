// The seat a ranking gave: 预留 (the elderly-services reserved seats), 普通, or 未入选.
import { MinusCircleOutlined, StarOutlined, UserOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SeatType } from '../../../../workflows/talent/quota-allocation';

const ICONS: Record<SeatType, React.ReactNode> = {
  reserved: <StarOutlined />,
  general: <UserOutlined />,
  notSelected: <MinusCircleOutlined />,
};

/** Seat of the rules' explanation (`notSelected`) or of the stored row (`not_selected`). */
export function SeatTag({ seat }: { seat: SeatType | 'not_selected' }) {
  const { t } = useTranslation();
  const key: SeatType = seat === 'not_selected' ? 'notSelected' : seat;
  // Default tags (coloured ones fail the contrast check); the icon tells the seats apart.
  return <Tag icon={ICONS[key]}>{t(`talentResults.seats.${key}`)}</Tag>;
}
