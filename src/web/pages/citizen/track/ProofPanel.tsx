/**
 * "Verify this record": fetches the case's proof and the published public keys and checks the proof in this
 * browser (verify-proof.ts). "Verified" is only said when the browser itself recomputed everything, signature
 * included; the labels say where the key came from.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../../api/client';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import type { Credentials } from './types';
import { verifyProof, type ProofCheck, type RecordProof } from './verify-proof';

type Outcome =
  | { kind: 'checked'; proof: RecordProof; check: ProofCheck }
  | { kind: 'notYet' }
  | { kind: 'error'; message: string };

export function ProofPanel({ credentials }: { credentials: Credentials }) {
  const { t } = useTranslation('citizenTrack');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function run() {
    setBusy(true);
    try {
      const [proofRes, keysRes] = await Promise.all([
        api.POST('/api/public/tracking/proof', { body: credentials }),
        api.GET('/api/public/audit/keys'),
      ]);
      const proof = unwrap(proofRes);
      const key = unwrap(keysRes).items.find((k) => k.keyId === proof.checkpoint.keyId);
      const check = key
        ? await verifyProof(proof, key.publicKey)
        : { failures: ['key' as const], signatureChecked: false };
      setOutcome({ kind: 'checked', proof, check });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && e.code !== 'TRACKING_FAILED') {
        setOutcome({ kind: 'notYet' });
      } else {
        setOutcome({ kind: 'error', message: e instanceof ApiError ? e.message : String(e) });
      }
    } finally {
      setBusy(false);
    }
  }

  const checked = outcome?.kind === 'checked' ? outcome : null;
  const c = checked?.proof.checkpoint;
  return (
    <section aria-labelledby="cz-proof-title" className="cz-card cz-proof" data-testid="proof">
      <h2 id="cz-proof-title">{t('proof.title')}</h2>
      <p>{t('proof.explain')}</p>
      <Button icon={<SafetyCertificateOutlined />} onClick={() => void run()} loading={busy}>
        {busy ? t('proof.checking') : t('proof.button')}
      </Button>
      {outcome?.kind === 'notYet' && (
        <Alert type="info" title={t('proof.notYet')} style={{ marginTop: 12 }} />
      )}
      {outcome?.kind === 'error' && (
        <Alert type="error" role="alert" title={outcome.message} style={{ marginTop: 12 }} />
      )}
      {checked && c && (
        <div role="status" style={{ marginTop: 12 }}>
          {checked.check.failures.length > 0 ? (
            <Alert
              type="error"
              title={t('proof.failed', {
                reasons: checked.check.failures.map((f) => t(`proof.reasons.${f}`)).join('；'),
              })}
            />
          ) : checked.check.signatureChecked ? (
            <Alert
              type="success"
              data-testid="proof-verified"
              title={t('proof.verified', { count: checked.proof.events.length, no: c.no })}
            />
          ) : (
            <Alert type="warning" title={t('proof.unsupported')} />
          )}
          <dl>
            <dt>{t('proof.checkpoint')}</dt>
            <dd>{t('proof.checkpointNo', { no: c.no })}</dd>
            <dt>{t('proof.signedAt')}</dt>
            <dd>{formatDateTime(Number(BigInt(c.createdAtUs) / 1000n))}</dd>
            <dt>{t('proof.keyId')}</dt>
            <dd>
              <code>{c.keyId}</code>
            </dd>
            <dt>{t('proof.events')}</dt>
            <dd>{formatNumber(checked.proof.events.length)}</dd>
          </dl>
          <p className="cz-field-note">{t('proof.trustNote')}</p>
          <a href="/api/public/audit/keys" target="_blank" rel="noreferrer">
            {t('proof.keysLink')}
          </a>
        </div>
      )}
    </section>
  );
}
