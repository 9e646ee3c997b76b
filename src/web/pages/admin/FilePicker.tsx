/** A labelled native file input: keyboard and screen readers know it, and tests can set its files. */
import { Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export function FilePicker(props: {
  label: string;
  accept: string;
  file: File | null;
  onChange: (file: File | null) => void;
  testId?: string;
}) {
  const { t } = useTranslation('admin');
  const id = useId();
  return (
    <div style={{ marginBottom: 16 }}>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 8 }}>
        {props.label}
      </label>
      <input
        id={id}
        type="file"
        accept={props.accept}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.currentTarget.files?.[0] ?? null)}
      />
      <Typography.Paragraph style={{ margin: '4px 0 0' }}>
        {props.file ? t('common.fileChosen', { name: props.file.name }) : t('common.noFile')}
      </Typography.Paragraph>
    </div>
  );
}
