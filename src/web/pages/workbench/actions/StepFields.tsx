/** The fields of one step's form, by the form kind of its verb (actions/verbs.ts). */
import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../types';
import { DecisionFields } from './forms/DecisionFields';
import { DispatchFields, RedispatchFields } from './forms/DispatchFields';
import { FileFields } from './forms/FileFields';
import { HoldFields } from './forms/HoldFields';
import { PhotoFields } from './forms/PhotoFields';
import { NoteFields, ReasonFields } from './forms/ReasonFields';
import { ACTION_FORMS, type ActionKind } from './verbs';

export const FIELD_NAMES = [
  'reason',
  'note',
  'approve',
  'confirmed',
  'passed',
  'standardId',
  'intoCase',
  'mode',
  'unitCode',
  'until',
  'photos',
] as const;

export function StepFields({ kind, c }: { kind: ActionKind; c: CaseView }) {
  const { t } = useTranslation(['workbench', 'common']);
  switch (ACTION_FORMS[kind]) {
    case 'confirm':
      return (
        <Typography.Paragraph>
          {t('forms.confirm', { action: t(`common:caseActions.${kind}`), caseNo: c.caseNo })}
        </Typography.Paragraph>
      );
    case 'reason':
      return <ReasonFields required />;
    case 'note':
      return <NoteFields />;
    case 'decide':
      return (
        <DecisionFields
          name="approve"
          label={t('forms.decision')}
          yes={t('forms.approve')}
          no={t('forms.reject')}
        />
      );
    case 'verify':
      return (
        <>
          <DecisionFields
            name="confirmed"
            label={t('forms.confirmed')}
            yes={t('forms.isTrue')}
            no={t('forms.isFalse')}
          />
          <PhotoFields required={false} label={t('forms.photos')} />
        </>
      );
    case 'check':
      return (
        <>
          <DecisionFields
            name="passed"
            label={t('forms.passed')}
            yes={t('forms.pass')}
            no={t('forms.fail')}
          />
          <PhotoFields required={false} label={t('forms.photos')} />
        </>
      );
    case 'file':
      return <FileFields c={c} />;
    case 'merge':
      return (
        <Form.Item
          name="intoCase"
          label={t('forms.intoCase')}
          rules={[{ required: true, whitespace: true, message: t('forms.intoCaseRequired') }]}
        >
          <Input />
        </Form.Item>
      );
    case 'dispatch':
      return <DispatchFields />;
    case 'redispatch':
      return <RedispatchFields />;
    case 'hold':
      return <HoldFields />;
    case 'reportBack':
      return (
        <>
          <PhotoFields required label={t('forms.afterPhotos')} />
          <NoteFields />
        </>
      );
  }
}
