/** Exactly the steps the server lists in `allowedActions` for this viewer, each opening its form. */
import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../types';
import { ActionModal } from './ActionModal';
import { visibleActions, type ActionKind } from './verbs';

interface Props {
  c: CaseView;
  onChanged: (updated: CaseView) => void;
  reload: () => void;
}

export function ActionBar({ c, onChanged, reload }: Props) {
  const { t } = useTranslation(['workbench', 'common']);
  const { message } = App.useApp();
  const [open, setOpen] = useState<ActionKind | null>(null);
  const kinds = visibleActions(c.allowedActions);
  if (kinds.length === 0) return <Typography.Text>{t('detail.noActions')}</Typography.Text>;
  return (
    <Space wrap>
      {kinds.map((k, i) => (
        <Button key={k} type={i === 0 ? 'primary' : 'default'} onClick={() => setOpen(k)}>
          {t(`common:caseActions.${k}`)}
        </Button>
      ))}
      {open && (
        <ActionModal
          kind={open}
          c={c}
          onClose={() => setOpen(null)}
          onDone={(updated) => {
            void message.success(t('detail.done', { action: t(`common:caseActions.${open}`) }));
            setOpen(null);
            onChanged(updated);
          }}
          onConflict={() => {
            void message.warning(t('detail.conflict'));
            setOpen(null);
            reload();
          }}
        />
      )}
    </Space>
  );
}
