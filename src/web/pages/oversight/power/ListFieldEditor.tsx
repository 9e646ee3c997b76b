/**
 * One list of a power item (legal basis, duties per stage, accountability situations, delegations) as rows of
 * inputs that can be added and removed. The server still checks every row and names the offending one
 * (e.g. `item.legalBasis.0.article`).
 */
import { Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIST_COLUMNS, emptyRow, type ListField } from './item-form';

interface Props {
  field: ListField;
  stages: { value: string; label: string }[];
  units: { value: string; label: string }[];
}

export function ListFieldEditor({ field, stages, units }: Props) {
  const { t } = useTranslation(['oversight', 'common']);
  const title = t(`power.fields.${field}`);
  return (
    <Form.Item label={title} required={field !== 'delegations'}>
      <Form.List name={field}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, index) => (
              <Card
                key={row.key}
                size="small"
                style={{ marginBottom: 8 }}
                title={t('power.rowN', { field: title, n: index + 1 })}
                extra={
                  <Button
                    size="small"
                    danger
                    type="link"
                    autoInsertSpace={false}
                    aria-label={t('power.removeRow', { field: title, n: index + 1 })}
                    onClick={() => remove(row.name)}
                  >
                    {t('power.remove')}
                  </Button>
                }
              >
                <Row gutter={8}>
                  {LIST_COLUMNS[field].map((c) => (
                    <Col key={c.key} span={c.span}>
                      <Form.Item
                        name={[row.name, c.key]}
                        label={t(`power.columns.${c.key}`)}
                        rules={c.required ? [{ required: true, whitespace: true }] : []}
                      >
                        {c.kind === 'stage' ? (
                          <Select options={stages} />
                        ) : c.kind === 'unit' ? (
                          <Select showSearch optionFilterProp="label" options={units} />
                        ) : c.kind === 'long' ? (
                          <Input.TextArea rows={2} maxLength={c.max} />
                        ) : (
                          <Input maxLength={c.max} />
                        )}
                      </Form.Item>
                    </Col>
                  ))}
                </Row>
              </Card>
            ))}
            <Button type="dashed" block onClick={() => add(emptyRow(field))}>
              {t('power.addRow', { field: title })}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
