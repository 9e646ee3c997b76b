/** The big screen's clock, in the district's time zone. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';

export function Clock() {
  const { t } = useTranslation('command');
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time
      className="cz-screen-clock"
      dateTime={now.toISOString()}
      aria-label={t('clock')}
      data-testid="clock"
    >
      {formatDateTime(now)}
    </time>
  );
}
