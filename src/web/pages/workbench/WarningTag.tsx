import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { warningColor } from './time';

/** The deadline light (正常 / 提示 / 黄牌 / 红牌) as a coloured tag with its word (colour is never the only cue). */
export function WarningTag({ warning }: { warning: string | null | undefined }) {
  const { t } = useTranslation('common');
  return <Tag color={warningColor(warning)}>{t(`warnings.${warning ?? 'none'}`)}</Tag>;
}
