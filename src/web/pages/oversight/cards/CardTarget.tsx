import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Card } from '../types';

/** What the card is about: the case (linked to the workbench detail), a stage clock of it, an officer or a unit. */
export function CardTarget({ card }: { card: Card }) {
  const { t } = useTranslation('oversight');
  const kind = t(`cards.targets.${card.target.kind}`, { defaultValue: card.target.kind });
  if (card.caseId) {
    const clock = card.target.kind === 'step' ? card.target.id.split(':')[1] : undefined;
    return (
      <span>
        <Link to={`/console/work/cases/${card.caseNo ?? card.caseId}`} data-testid="card-case-link">
          {card.caseNo ?? card.caseId}
        </Link>
        {clock && <Typography.Text> · {t(`cards.clocks.${clock}`, { defaultValue: clock })}</Typography.Text>}
      </span>
    );
  }
  if (card.target.kind === 'officer') {
    return (
      <span>{card.officerName ?? t('cards.officer', { id: card.officerAccountId ?? card.target.id })}</span>
    );
  }
  return (
    <span>
      {kind} {card.target.id}
    </span>
  );
}
