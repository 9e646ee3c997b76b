import { useTranslation } from 'react-i18next';
import { ToneTag, type Tone } from '../ToneTag';
import type { CardStatus, Severity } from '../types';

const SEVERITY_TONES: Record<Severity, Tone> = { prompt: 'blue', yellow: 'yellow', red: 'red' };
const STATUS_TONES: Record<CardStatus, Tone> = { open: 'orange', responded: 'cyan', closed: 'grey' };

/** 提示 / 黄牌 / 红牌 as a coloured tag that always carries its word (colour is never the only cue). */
export function SeverityTag({ severity }: { severity: Severity }) {
  const { t } = useTranslation('common');
  return (
    <ToneTag tone={SEVERITY_TONES[severity]} testId="card-severity">
      {t(`warnings.${severity}`)}
    </ToneTag>
  );
}

export function StatusTag({ status, outcome }: { status: CardStatus; outcome?: string | null }) {
  const { t } = useTranslation('oversight');
  const word =
    status === 'closed' && outcome ? t(`cards.outcomes.${outcome}`) : t(`cards.statuses.${status}`);
  return (
    <ToneTag tone={STATUS_TONES[status]} testId="card-status">
      {word}
    </ToneTag>
  );
}
