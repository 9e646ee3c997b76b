/**
 * 我要举报: location (map or GPS), category, description, photos, optional contact. Before a new case is
 * created the open cases of the same kind nearby are offered ("me too"). The form keeps its values through
 * every error; server errors are shown next to the field they name.
 */
import { Alert, Button, Cascader, Form, Input } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../../api/client';
import '../citizen-forms.css';
import { DuplicateSuggestions } from './DuplicateSuggestions';
import { formFieldOf, newIdempotencyKey } from './ids';
import { LocationField } from './LocationField';
import './messages';
import { MAX_PHOTOS, PhotoField } from './PhotoField';
import { Receipt } from './Receipt';
import type { NearbyCase, PickedLocation, ReportBody, ReportFormValues, ReportReceipt } from './types';
import { useTaxonomyOptions } from './useTaxonomyOptions';

type Phase =
  | { kind: 'form' }
  | { kind: 'duplicates'; items: NearbyCase[]; checkedFor: string }
  | { kind: 'receipt'; receipt: ReportReceipt }
  | { kind: 'supported'; caseNo: string; supporters: number };

const locationRule = (t: (k: string) => string) => ({
  validator: (_: unknown, v: PickedLocation | undefined) =>
    !v
      ? Promise.reject(new Error(t('location.required')))
      : v.outside
        ? Promise.reject(new Error(t('location.outside')))
        : Promise.resolve(),
});

/** Duplicates are looked up once per place and category; changing either looks again. */
const dupKey = (v: ReportFormValues) => JSON.stringify([v.location?.lng, v.location?.lat, v.category]);

export default function ReportPage() {
  const { t } = useTranslation(['citizenReport', 'common']);
  const [form] = Form.useForm<ReportFormValues>();
  const { options, error: taxonomyError } = useTaxonomyOptions();
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const checkedFor = useRef<string | null>(null);

  function showError(e: unknown) {
    const err = e instanceof ApiError ? e : null;
    const field = formFieldOf(err?.field);
    if (err && field) {
      form.setFields([{ name: field, errors: [err.message] }]);
      form.scrollToField(field);
    } else {
      setFormError(err?.message ?? String(e));
    }
  }

  async function lookForDuplicates(v: ReportFormValues): Promise<boolean> {
    const { location, category } = v;
    if (!location || !category) return false;
    const res = await api.GET('/api/public/cases/nearby', {
      params: {
        query: {
          lng: location.lng,
          lat: location.lat,
          crs: location.crs,
          categoryType: category[0],
          majorCode: category[1],
          minorCode: category[2],
        },
      },
    });
    const items = unwrap(res).items as NearbyCase[];
    checkedFor.current = dupKey(v);
    if (items.length === 0) return false;
    setPhase({ kind: 'duplicates', items, checkedFor: dupKey(v) });
    return true;
  }

  async function send(v: ReportFormValues) {
    const { location, category } = v;
    if (!location || !category) return;
    const body: ReportBody = {
      location: { lng: location.lng, lat: location.lat, crs: location.crs },
      category: { categoryType: category[0], majorCode: category[1], minorCode: category[2] },
      description: (v.description ?? '').trim(),
      photos: v.photos ?? [],
      contact:
        v.name?.trim() || v.phone?.trim()
          ? { name: v.name?.trim() || null, phone: v.phone?.trim() || null }
          : null,
    };
    const res = await api.POST('/api/public/reports', {
      body,
      params: { header: { 'idempotency-key': idempotencyKey.current } },
    });
    setPhase({ kind: 'receipt', receipt: unwrap(res) });
    window.scrollTo({ top: 0 });
  }

  async function run(task: () => Promise<void>) {
    setBusy(true);
    setFormError(null);
    try {
      await task();
    } catch (e) {
      setPhase({ kind: 'form' });
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  const onFinish = (v: ReportFormValues) =>
    void run(async () => {
      if (checkedFor.current !== dupKey(v) && (await lookForDuplicates(v))) return;
      await send(v);
    });

  const support = (caseNo: string) =>
    void run(async () => {
      const v = form.getFieldsValue();
      const res = await api.POST('/api/public/cases/{caseNo}/support', {
        params: { path: { caseNo } },
        body: { photos: v.photos ?? [], note: v.description?.trim() || null },
      });
      const answer = unwrap(res);
      setPhase({ kind: 'supported', caseNo: answer.caseNo, supporters: answer.supporters });
    });

  function startOver() {
    form.resetFields();
    idempotencyKey.current = newIdempotencyKey();
    checkedFor.current = null;
    setPhase({ kind: 'form' });
  }

  if (phase.kind === 'receipt') return <Receipt receipt={phase.receipt} onAnother={startOver} />;
  if (phase.kind === 'supported') {
    return (
      <section className="cz-narrow cz-card" role="status">
        <h1>{t('supported.title')}</h1>
        <p>{t('supported.body', { caseNo: phase.caseNo, count: phase.supporters })}</p>
        <p>{t('supported.note')}</p>
        <Button onClick={startOver}>{t('receipt.another')}</Button>
      </section>
    );
  }

  return (
    <div className="cz-narrow">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <Form<ReportFormValues>
        form={form}
        layout="vertical"
        requiredMark
        onFinish={onFinish}
        onValuesChange={() => phase.kind === 'duplicates' && setPhase({ kind: 'form' })}
        className="cz-card"
      >
        <Form.Item
          name="location"
          label={t('location.label')}
          extra={t('location.help')}
          rules={[locationRule(t)]}
        >
          <LocationField />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('category.label')}
          rules={[{ required: true, message: t('category.required') }]}
          {...(taxonomyError
            ? { validateStatus: 'error', help: t('category.loadFailed', { message: taxonomyError }) }
            : {})}
        >
          <Cascader
            options={options}
            placeholder={t('category.placeholder')}
            showSearch
            expandTrigger="hover"
            data-testid="category"
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('description.label')}
          rules={[{ required: true, whitespace: true, message: t('description.required') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('description.placeholder')} />
        </Form.Item>
        <Form.Item
          name="photos"
          label={t('photos.label')}
          extra={t('photos.help', { max: MAX_PHOTOS })}
          rules={[{ required: true, type: 'array', min: 1, message: t('photos.required') }]}
        >
          <PhotoField />
        </Form.Item>
        <fieldset className="cz-fieldset">
          <legend>{t('contact.title')}</legend>
          <p className="cz-field-note">{t('contact.note')}</p>
          <div className="cz-two-cols">
            <Form.Item name="name" label={t('contact.name')}>
              <Input maxLength={50} autoComplete="name" />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t('contact.phone')}
              rules={[{ pattern: /^1\d{10}$/, message: t('contact.phoneInvalid') }]}
            >
              <Input maxLength={11} inputMode="tel" autoComplete="tel" />
            </Form.Item>
          </div>
        </fieldset>
        {formError && (
          <Alert
            type="error"
            role="alert"
            title={t('formError', { message: formError })}
            className="cz-form-alert"
          />
        )}
        {phase.kind === 'duplicates' ? (
          <DuplicateSuggestions
            items={phase.items}
            busy={busy}
            onSame={support}
            onDifferent={() => void run(() => send(form.getFieldsValue(true) as ReportFormValues))}
          />
        ) : (
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {t('submit')}
          </Button>
        )}
      </Form>
    </div>
  );
}
