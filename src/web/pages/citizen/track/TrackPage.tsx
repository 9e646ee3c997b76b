/**
 * 进度查询: case number + tracking code → the public history; when closed and not yet rated, the rating; and
 * the record’s tamper check. The code never goes into the address bar (a shared or logged URL would leak it).
 */
import { Alert, Button, Form, Input } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../../api/client';
import '../citizen-forms.css';
import { CaseProgress } from './CaseProgress';
import './messages';
import { ProofPanel } from './ProofPanel';
import { RatingForm } from './RatingForm';
import type { Credentials, PublicCase } from './types';

const CASE_NO = /^[0-9A-Za-z]{1,20}-\d{8}-\d{5,}$/;

export default function TrackPage() {
  const { t } = useTranslation('citizenTrack');
  const params = useParams<{ caseNo?: string }>();
  const location = useLocation();
  const handedCode = (location.state as { code?: string } | null)?.code;
  const [form] = Form.useForm<Credentials>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<{ credentials: Credentials; data: PublicCase } | null>(null);
  const autoTracked = useRef(false);

  async function track(values: Credentials) {
    const credentials = { caseNo: values.caseNo.trim(), code: values.code.trim() };
    setBusy(true);
    setError(null);
    try {
      const res = await api.POST('/api/public/tracking', { body: credentials });
      setView({ credentials, data: unwrap(res) as unknown as PublicCase });
    } catch (e) {
      setView(null);
      const err = e instanceof ApiError ? e : null;
      if (err?.field === 'caseNo' || err?.field === 'code') {
        form.setFields([{ name: err.field, errors: [err.message] }]);
      } else {
        setError(err?.message ?? String(e));
      }
    } finally {
      setBusy(false);
    }
  }

  // Coming from the receipt: number and code are already known, so show the progress at once.
  useEffect(() => {
    if (autoTracked.current || !params.caseNo || !handedCode) return;
    autoTracked.current = true;
    void track({ caseNo: params.caseNo, code: handedCode });
  }, [params.caseNo, handedCode]);

  return (
    <div className="cz-narrow">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <Form<Credentials>
        form={form}
        layout="vertical"
        className="cz-card"
        initialValues={{ caseNo: params.caseNo ?? '', code: handedCode ?? '' }}
        onFinish={(v) => void track(v)}
      >
        <div className="cz-two-cols">
          <Form.Item
            name="caseNo"
            label={t('caseNo')}
            rules={[{ required: true, pattern: CASE_NO, message: t('caseNoInvalid') }]}
          >
            <Input placeholder={t('caseNoPlaceholder')} autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('code')}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('codeInvalid') }]}
          >
            <Input inputMode="numeric" maxLength={6} autoComplete="off" />
          </Form.Item>
        </div>
        {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('submit')}
        </Button>
      </Form>
      {view && (
        <>
          <CaseProgress view={view.data} />
          {view.data.canRate && (
            <RatingForm credentials={view.credentials} onRated={(data) => setView({ ...view, data })} />
          )}
          <ProofPanel key={view.credentials.caseNo} credentials={view.credentials} />
        </>
      )}
    </div>
  );
}
