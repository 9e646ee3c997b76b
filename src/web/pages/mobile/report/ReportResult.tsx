/** What became of a report: the case number, "kept in the outbox", or the server's refusal. */
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../i18n/format';
import type { SubmitOutcome } from '../outbox/useOutbox';

export function ReportResult({ outcome, onAnother }: { outcome: SubmitOutcome; onAnother: () => void }) {
  const { t } = useTranslation(['mobile', 'common']);
  const again = (
    <Button key="again" type="primary" size="large" onClick={onAnother}>
      {t('report.another')}
    </Button>
  );
  const outboxLink = (
    <Link key="outbox" to="/m/outbox" className="ant-btn ant-btn-default ant-btn-lg">
      {t('report.viewOutbox')}
    </Link>
  );
  if (outcome.sent) {
    const s = outcome.sent;
    const stage = t(`common:stages.${s.stage}`, { defaultValue: s.stage });
    return (
      <Result
        status="success"
        title={t('report.receiptTitle')}
        subTitle={
          <div data-testid="receipt">
            <div data-testid="receipt-case-no">{t('report.receiptCaseNo', { caseNo: s.caseNo })}</div>
            <div>{t('report.receiptStage', { stage })}</div>
            {s.deadline && <div>{t('report.receiptDeadline', { deadline: formatDateTime(s.deadline) })}</div>}
          </div>
        }
        extra={[again]}
      />
    );
  }
  if (outcome.refused) {
    return (
      <Result
        status="error"
        title={t('report.failedTitle')}
        subTitle={<span data-testid="report-refused">{outcome.refused}</span>}
        extra={[outboxLink, again]}
      />
    );
  }
  return (
    <Result
      status="info"
      title={<span data-testid="report-queued">{t('report.queuedTitle')}</span>}
      subTitle={t('report.queuedText')}
      extra={[outboxLink, again]}
    />
  );
}
