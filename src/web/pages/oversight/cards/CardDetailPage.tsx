/** One card: everything the API returns about it, and the 纠错 and review forms the user's roles allow. */
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { useSession } from '../../../app/session';
import { CARD_RESPONDERS, GRADING_READERS, SUPERVISORS } from '../access';
import { ErrorAlert } from '../ErrorAlert';
import { useLoad } from '../../../app/useLoad';
import { localized } from '../localized';
import { useUnitNames } from '../useUnitNames';
import { CardFacts } from './CardFacts';
import { CardHistory } from './CardHistory';
import { RespondForm } from './RespondForm';
import { ReviewForm } from './ReviewForm';
import { useCardEvents } from './useCardEvents';

export default function CardDetailPage() {
  const { t } = useTranslation(['oversight', 'common']);
  const { id = '' } = useParams();
  const { hasRole } = useSession();
  const units = useUnitNames();
  const detail = useLoad(
    async () => unwrap(await api.GET('/api/supervision/cards/{id}', { params: { path: { id } } })),
    [id],
  );
  useCardEvents(detail.reload, (cardId) => cardId === id);
  const card = detail.data?.card;
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Link to="/console/oversight/cards">{t('cards.back')}</Link>
      </Space>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {card ? t('cards.detailTitle', { rule: localized(card.ruleTitle) }) : t('cards.detail')}
      </Typography.Title>
      <ErrorAlert error={detail.error} />
      {detail.error && <Button onClick={detail.reload}>{t('common:actions.retry')}</Button>}
      {card && detail.data && (
        <>
          <CardFacts card={card} ruleTitle={localized(card.ruleTitle)} unitName={units.name} />
          {card.status === 'open' && hasRole(...CARD_RESPONDERS) && (
            <RespondForm card={card} onDone={detail.reload} />
          )}
          {card.status !== 'closed' && hasRole(...SUPERVISORS) && (
            <ReviewForm card={card} onDone={detail.reload} />
          )}
          <CardHistory
            notifications={detail.data.notifications}
            accountability={detail.data.accountability}
            unitName={units.name}
            showAccountabilityLink={hasRole(...GRADING_READERS)}
            recordForCard={hasRole(...SUPERVISORS) ? card.id : null}
          />
        </>
      )}
    </>
  );
}
