import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../i18n/format';
import { wallMinutesLeft } from './time';

/** Wall time left until a deadline, red once it has passed. */
export function Countdown({ deadline, now }: { deadline: string | null; now: number }) {
  const { t } = useTranslation('common');
  if (!deadline) return <>—</>;
  const left = wallMinutesLeft(deadline, now);
  if (left < 0) {
    return (
      <Typography.Text type="danger">
        {t('time.overdueBy', { duration: formatDuration(-left) })}
      </Typography.Text>
    );
  }
  return <>{t('time.remaining', { duration: formatDuration(left) })}</>;
}
