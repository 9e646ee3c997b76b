/** The card's own fields: what fired, about whom, when it is due, the 纠错 record and the review. */
import { Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import type { Card } from '../types';
import { CardTarget } from './CardTarget';
import { SeverityTag, StatusTag } from './SeverityTag';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const text = (v: unknown): string =>
  v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

/** Attached files as links to the originals (a PDF has no thumbnail, and the hash does not say which it is). */
function Attachments({ hashes }: { hashes: string[] }) {
  const { t } = useTranslation('oversight');
  if (hashes.length === 0) return <>—</>;
  return (
    <Space wrap>
      {hashes.map((h, i) => (
        <a key={h} href={`/api/files/${h}`} target="_blank" rel="noreferrer">
          {t('cards.attachmentN', { n: i + 1 })}
        </a>
      ))}
    </Space>
  );
}

/** A stored record (response, review, facts) as label/value rows; unknown keys are shown as they come. */
function RecordRows({ value, prefix }: { value: Record<string, unknown>; prefix: string }) {
  const { t } = useTranslation(['oversight', 'common']);
  // Facts differ per rule; the known ones get words, times are shown in the district's zone.
  const shown = (k: string, v: unknown): string => {
    const s = text(v);
    if (typeof v === 'string' && ISO_TIME.test(v)) return formatDateTime(v);
    if (k === 'decision') return t(`cards.decisions.${s}`, { defaultValue: s });
    if (k === 'level' || k === 'severity') return t(`common:warnings.${s}`, { defaultValue: s });
    if (k === 'timer' || k === 'clock') return t(`cards.clocks.${s}`, { defaultValue: s });
    return s;
  };
  return (
    <Descriptions
      size="small"
      column={1}
      items={Object.entries(value).map(([k, v]) => ({
        key: k,
        label: t(`${prefix}.${k}`, { defaultValue: k }),
        children:
          k === 'attachments' && Array.isArray(v) ? <Attachments hashes={v.map(String)} /> : shown(k, v),
      }))}
    />
  );
}

interface Props {
  card: Card;
  ruleTitle: string;
  unitName: (code: string | null) => string;
}

export function CardFacts({ card, ruleTitle, unitName }: Props) {
  const { t } = useTranslation('oversight');
  const row = (key: string, children: React.ReactNode) => ({
    key,
    label: t(`cards.fields.${key}`),
    children,
  });
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        data-testid="card-facts"
        items={[
          row('rule', `${ruleTitle}（${card.ruleId}）`),
          row(
            'severity',
            <>
              <SeverityTag severity={card.severity} />
              {card.initialSeverity !== card.severity &&
                t('cards.escalatedFrom', { from: card.initialSeverity })}
            </>,
          ),
          row('status', <StatusTag status={card.status} outcome={card.outcome} />),
          row('target', <CardTarget card={card} />),
          row('summary', card.summary),
          row('unit', unitName(card.unitCode)),
          row('grid', card.gridCode ?? '—'),
          row(
            'officer',
            card.officerAccountId
              ? (card.officerName ?? t('cards.officer', { id: card.officerAccountId }))
              : '—',
          ),
          row('powerItem', card.powerItemCode ?? '—'),
          row('trigger', `${card.trigger.name} · #${card.trigger.seq}`),
          row('firedAt', formatDateTime(card.firedAt)),
          row('dueBy', formatDateTime(card.dueBy)),
          row('escalatedAt', formatDateTime(card.escalatedAt)),
          row('respondedAt', formatDateTime(card.respondedAt)),
          row('closedAt', formatDateTime(card.closedAt)),
          row('version', card.version),
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 20 }}>
        {t('cards.facts')}
      </Typography.Title>
      <RecordRows value={card.facts} prefix="cards.factKeys" />
      {card.response && (
        <section data-testid="card-response">
          <Typography.Title level={2} style={{ fontSize: 17, marginTop: 20 }}>
            {t('cards.response')}
          </Typography.Title>
          <RecordRows value={card.response} prefix="cards.responseKeys" />
        </section>
      )}
      {card.review && (
        <section data-testid="card-review">
          <Typography.Title level={2} style={{ fontSize: 17, marginTop: 20 }}>
            {t('cards.review')}
          </Typography.Title>
          <RecordRows value={card.review} prefix="cards.reviewKeys" />
        </section>
      )}
    </>
  );
}
