/**
 * Grid and region imports: a GeoJSON file or a zipped Shapefile, checked with a dry run (per-feature problems
 * from 422 IMPORT_INVALID), then imported on confirmation. All or nothing on the server.
 */
import { Alert, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, rawFetch } from '../../../api/client';
import { FilePicker } from '../FilePicker';

const LEVELS = ['grid', 'community', 'street', 'district'] as const;
const CRS = ['wgs84', 'gcj02', 'bd09'] as const;

interface Settings {
  level: (typeof LEVELS)[number];
  crs: (typeof CRS)[number];
  codeField: string;
  nameField: string;
  parentField?: string;
}

interface Problem {
  featureIndex: number;
  code?: string;
  problem: string;
  message: string;
}

type Outcome =
  | { kind: 'checked' | 'imported'; count: number }
  | { kind: 'invalid'; problems: Problem[]; features: number }
  | { kind: 'failed'; message: string };

function contentType(file: File): string {
  return /\.zip$/i.test(file.name) ? 'application/zip' : 'application/geo+json';
}

export default function GeoImportPage() {
  const { t } = useTranslation('admin');
  const [form] = Form.useForm<Settings>();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function send(dryRun: boolean) {
    if (!file) return;
    const s = await form.validateFields();
    const q = new URLSearchParams({
      level: s.level,
      crs: s.crs,
      codeField: s.codeField.trim(),
      nameField: s.nameField.trim(),
      dryRun: String(dryRun),
      synthetic: 'false',
    });
    if (s.parentField?.trim()) q.set('parentField', s.parentField.trim());
    setBusy(true);
    try {
      const res = await rawFetch(`/api/geo/imports/regions?${q.toString()}`, {
        method: 'POST',
        headers: { 'content-type': contentType(file) },
        body: file,
      });
      const answer = (await res.json()) as { imported: number };
      setOutcome({ kind: dryRun ? 'checked' : 'imported', count: answer.imported });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID') {
        const d = (e.details ?? {}) as { problems?: Problem[]; featureCount?: number };
        setOutcome({ kind: 'invalid', problems: d.problems ?? [], features: d.featureCount ?? 0 });
      } else {
        setOutcome({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('geo.title')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph>{t('geo.intro')}</Typography.Paragraph>
        <FilePicker
          label={t('geo.file')}
          accept=".geojson,.json,.zip"
          file={file}
          onChange={(f) => {
            setFile(f);
            setOutcome(null);
          }}
        />
        <Form
          form={form}
          layout="inline"
          style={{ rowGap: 8, marginBottom: 16 }}
          initialValues={{ level: 'grid', crs: 'wgs84', codeField: 'code', nameField: 'name' }}
          onValuesChange={() => setOutcome(null)}
        >
          <Form.Item label={t('geo.level')} name="level">
            <Select
              style={{ width: 120 }}
              options={LEVELS.map((l) => ({ value: l, label: t(`geo.levels.${l}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('geo.crs')} name="crs">
            <Select
              style={{ width: 220 }}
              options={CRS.map((c) => ({ value: c, label: t(`geo.crsNames.${c}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('geo.codeField')} name="codeField" rules={[{ required: true }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item label={t('geo.nameField')} name="nameField" rules={[{ required: true }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item label={t('geo.parentField')} name="parentField">
            <Input style={{ width: 120 }} />
          </Form.Item>
        </Form>
        <Space>
          <Button
            type="primary"
            disabled={!file}
            loading={busy && outcome?.kind !== 'checked'}
            onClick={() => void send(true)}
          >
            {t('geo.dryRun')}
          </Button>
          {outcome?.kind === 'checked' && (
            <Button type="primary" danger loading={busy} onClick={() => void send(false)}>
              {t('geo.confirm')}
            </Button>
          )}
        </Space>
        <div role="status" aria-live="polite" style={{ marginTop: 16 }}>
          {outcome && <GeoOutcome outcome={outcome} />}
        </div>
      </Card>
    </Space>
  );
}

function GeoOutcome({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation('admin');
  switch (outcome.kind) {
    case 'checked':
      return <Alert type="success" title={t('geo.valid', { count: outcome.count })} />;
    case 'imported':
      return <Alert type="success" title={t('geo.imported', { count: outcome.count })} />;
    case 'failed':
      return <Alert type="error" title={outcome.message} />;
    case 'invalid':
      return (
        <>
          <Alert
            type="error"
            title={t('geo.invalid', { count: outcome.problems.length, features: outcome.features })}
          />
          <Table
            style={{ marginTop: 12 }}
            size="small"
            rowKey={(p) => `${p.featureIndex}-${p.problem}-${p.message}`}
            dataSource={outcome.problems}
            pagination={outcome.problems.length > 20 ? { pageSize: 20 } : false}
            columns={[
              {
                title: t('geo.colFeature'),
                dataIndex: 'featureIndex',
                width: 100,
                render: (i: number) => (i < 0 ? t('geo.wholeFile') : i + 1),
              },
              { title: t('geo.colCode'), dataIndex: 'code', width: 140, render: (c?: string) => c ?? '—' },
              { title: t('geo.colProblem'), dataIndex: 'problem', width: 200 },
              { title: t('geo.colMessage'), dataIndex: 'message' },
            ]}
          />
        </>
      );
  }
}
