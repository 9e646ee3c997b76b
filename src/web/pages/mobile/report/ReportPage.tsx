/** 上报: photos, GPS position, category and standard row, description → the outbox → the case number. */
import { AimOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format';
import { useSubmitReport, type SubmitOutcome } from '../outbox/useOutbox';
import { CategoryPicker, type PickedCategory } from './CategoryPicker';
import { PhotoPicker } from './PhotoPicker';
import { loadRecent, pushRecent } from './recent-categories';
import { ReportResult } from './ReportResult';
import { useLocate } from './useLocate';
import { usePosition } from './usePosition';
import { useTaxonomy } from './useTaxonomy';
import { Loading } from '../../../app/Loading';

const MAX_PHOTOS = 4;

interface FormValues {
  description: string;
  componentId?: string;
}

export default function ReportPage() {
  const { t } = useTranslation('mobile');
  const [form] = Form.useForm<FormValues>();
  const { position, problem, locating, relocate } = usePosition();
  const located = useLocate(position);
  const { taxonomy, failed } = useTaxonomy();
  const [recent, setRecent] = useState(() => loadRecent());
  const [category, setCategory] = useState<PickedCategory | null>(null);
  const [photos, setPhotos] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SubmitOutcome | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const submitReport = useSubmitReport();

  async function submit(values: FormValues) {
    if (!position) return setError(t('report.needPosition'));
    if (!category) return setError(t('report.needCategory'));
    setError(null);
    setBusy(true);
    try {
      const componentId = values.componentId?.trim();
      const result = await submitReport(
        {
          category: {
            categoryType: category.kind,
            majorCode: category.majorCode,
            minorCode: category.minorCode,
          },
          standardId: category.standardId,
          description: values.description.trim(),
          location: { lng: position.lng, lat: position.lat, crs: 'wgs84' },
          ...(componentId ? { componentId } : {}),
        },
        photos,
      );
      setRecent(pushRecent(category.standardId));
      setOutcome(result);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function another() {
    form.resetFields();
    setPhotos([]);
    setCategory(null);
    setPickerKey((k) => k + 1);
    setOutcome(null);
  }

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('report.title')}
      </Typography.Title>
      {outcome ? (
        <ReportResult outcome={outcome} onAnother={another} />
      ) : (
        <Form<FormValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Card size="small" title={t('report.photos')} style={{ marginBottom: 12 }}>
            <PhotoPicker
              photos={photos}
              onChange={setPhotos}
              max={MAX_PHOTOS}
              buttonLabel={t('report.takePhoto')}
            />
          </Card>
          <Card
            size="small"
            title={t('report.position')}
            style={{ marginBottom: 12 }}
            extra={
              <Button
                icon={<AimOutlined />}
                onClick={relocate}
                aria-label={t('report.relocate')}
                size="large"
              />
            }
          >
            <div data-testid="position" aria-live="polite">
              {position ? (
                <Flex vertical gap={2}>
                  <Typography.Text>
                    <EnvironmentOutlined /> {formatNumber(position.lng, 5)}, {formatNumber(position.lat, 5)}
                  </Typography.Text>
                  <Typography.Text>
                    {t('report.accuracy', { meters: formatNumber(position.accuracy) })}
                  </Typography.Text>
                  <Typography.Text strong data-testid="located">
                    {located
                      ? t('report.located', {
                          street: located.street?.name ?? '—',
                          community: located.community?.name ?? '—',
                          grid: located.grid.name,
                        })
                      : t('report.locateUnknown')}
                  </Typography.Text>
                </Flex>
              ) : locating ? (
                <Loading size="small" label={t('report.locating')} />
              ) : (
                <Alert
                  type="warning"
                  showIcon
                  title={t('report.noPosition', { reason: t(`errors.${problem ?? 'unavailable'}`) })}
                />
              )}
            </div>
          </Card>
          <Card size="small" title={t('report.category')} style={{ marginBottom: 12 }}>
            {taxonomy ? (
              <CategoryPicker
                key={pickerKey}
                taxonomy={taxonomy}
                recent={recent}
                value={category}
                onChange={setCategory}
              />
            ) : failed ? (
              <Alert type="warning" showIcon title={t('picker.unavailable')} />
            ) : (
              <Loading label={t('picker.loading')} />
            )}
          </Card>
          <Form.Item
            name="description"
            label={t('report.description')}
            rules={[{ required: true, whitespace: true, message: t('report.needDescription') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} placeholder={t('report.descriptionPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="componentId"
            label={t('report.componentId')}
            extra={t('report.componentIdHelp')}
            rules={[{ pattern: /^\d{16}$/, message: t('report.componentIdInvalid') }]}
          >
            <Input inputMode="numeric" maxLength={16} size="large" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={busy}
            style={{ minHeight: 52 }}
          >
            {busy ? t('report.sending') : t('report.submit')}
          </Button>
        </Form>
      )}
    </Flex>
  );
}
