/** The answer to a report: the case number and the one-time tracking code, to copy and keep. */
import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportReceipt } from './types';

interface Props {
  receipt: ReportReceipt;
  onAnother: () => void;
}

export function Receipt({ receipt, onAnother }: Props) {
  const { t } = useTranslation(['citizenReport', 'common']);
  const { message } = App.useApp();
  const code = receipt.trackingCode;

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      void message.success(t('receipt.copied'));
    } catch {
      void message.warning(t('receipt.copyFailed'));
    }
  }

  return (
    <Result
      status="success"
      title={<h1 className="cz-result-title">{t('receipt.title')}</h1>}
      subTitle={t('receipt.intro')}
      extra={[
        <Link key="track" to={`/track/${receipt.caseNo}`} state={{ code }} className="cz-link-button">
          {t('receipt.track')}
        </Link>,
        <Button key="another" onClick={onAnother}>
          {t('receipt.another')}
        </Button>,
      ]}
    >
      <dl className="cz-receipt" data-testid="receipt">
        <div>
          <dt>{t('receipt.caseNo')}</dt>
          <dd>
            <span data-testid="receipt-case-no">{receipt.caseNo}</span>
            <Button size="small" icon={<CopyOutlined />} onClick={() => void copy(receipt.caseNo)}>
              {t('receipt.copy')}
            </Button>
          </dd>
        </div>
        <div>
          <dt>{t('receipt.code')}</dt>
          <dd>
            {code ? (
              <>
                <span data-testid="receipt-code" className="cz-code">
                  {code}
                </span>
                <Button size="small" icon={<CopyOutlined />} onClick={() => void copy(code)}>
                  {t('receipt.copy')}
                </Button>
              </>
            ) : (
              t('receipt.noCode')
            )}
          </dd>
        </div>
      </dl>
      <p>
        {t('receipt.stage', { stage: t(`common:stages.${receipt.stage}`, { defaultValue: receipt.stage }) })}
      </p>
      {code && (
        <Button
          type="primary"
          icon={<CopyOutlined />}
          onClick={() => void copy(t('receipt.copyText', { caseNo: receipt.caseNo, code }))}
        >
          {t('receipt.copyAll')}
        </Button>
      )}
    </Result>
  );
}
