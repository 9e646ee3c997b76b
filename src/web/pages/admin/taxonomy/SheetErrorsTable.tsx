/** Row errors (or notices) of a workbook: the row Excel shows, the column header, the cell, the code, why. */
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SheetError } from './types';

export function SheetErrorsTable({ caption, rows }: { caption: string; rows: SheetError[] }) {
  const { t } = useTranslation('admin');
  return (
    <Table
      style={{ marginTop: 12 }}
      size="small"
      data-testid="sheet-errors"
      rowKey={(r) => `${r.row}-${r.column}-${r.code}-${r.cell ?? ''}`}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      title={() => caption}
      columns={[
        { title: t('taxImport.colRow'), dataIndex: 'row', width: 70 },
        { title: t('taxImport.colColumn'), dataIndex: 'column', width: 120 },
        { title: t('taxImport.colCell'), dataIndex: 'cell', width: 90, render: (v?: string) => v ?? '—' },
        { title: t('taxImport.colCode'), dataIndex: 'code', width: 200 },
        { title: t('taxImport.colMessage'), dataIndex: 'message' },
      ]}
    />
  );
}
