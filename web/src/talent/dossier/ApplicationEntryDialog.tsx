// 录入申报: the office types in one paper application form, with the import template's fields. The
// identity number is checked in the browser by the server's own GB 11643 function and, once valid,
// fills in the birth date and the gender it carries; the server checks everything again and its
// findings land on their fields (a certificate's by its kind). Nothing is saved while any is open.
// 修改申报 is the same form filled with the application as it stands; its identity number is fixed
// (a wrong one is withdrawn and entered anew).
import { Checkbox, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import type { UseMutationResult } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import {
  birthDateOf,
  genderOf,
  identityNumberProblem,
  type IdentityProblem,
} from '../../../../api/talent/identity-number';
import {
  ELDERLY_CARE_WORKER_LEVELS,
  SOCIAL_WORK_FIELDS,
  SOCIAL_WORKER_LEVELS,
  GRASSROOTS_UNIT_TYPES,
  OTHER_UNIT_TYPES,
} from '../../../../workflows/talent/talent-vocabulary';
import { ApiProblem, isApiProblem } from '../../api/client';
import { useFormProblem } from '../../ui/use-form-problem';
import { useAmendApplication, useEnterApplication } from './dossier-hooks';
import type { ApplicationDetail, ApplicationEntry, CertificateKind } from './dossier-types';
import './dossier.css';
import { choiceRequired } from '../../ui/choice-required';

interface EntryForm {
  name: string;
  identityNumber: string;
  gender: 'male' | 'female';
  birthDate: Dayjs;
  phone: string;
  employerName: string;
  employerId?: string;
  unitType: ApplicationEntry['unitType'];
  field: ApplicationEntry['field'];
  elderlyServices: boolean;
  socialWorkSince: Dayjs;
  socialWorkYears: number;
  socialWorkerLevel?: string;
  socialWorkerNumber?: string;
  elderlyCareWorkerLevel?: string;
  elderlyCareWorkerNumber?: string;
  managementTraining: boolean;
}

/** The certificates with a level, each as a level and a number field of the form. */
const LEVELLED_CERTIFICATES = [
  {
    kind: 'social_worker',
    levels: SOCIAL_WORKER_LEVELS,
    level: 'socialWorkerLevel',
    number: 'socialWorkerNumber',
  },
  {
    kind: 'elderly_care_worker',
    levels: ELDERLY_CARE_WORKER_LEVELS,
    level: 'elderlyCareWorkerLevel',
    number: 'elderlyCareWorkerNumber',
  },
] as const;

/** The form field where a finding about a certificate of this kind (and this part of it) shows. */
function certificateField(kind: CertificateKind, part: string): keyof EntryForm {
  const levelled = LEVELLED_CERTIFICATES.find((c) => c.kind === kind);
  if (!levelled) return 'managementTraining';
  return part === 'number' ? levelled.number : levelled.level;
}

const SERVER_FIELDS = [
  'name',
  'identityNumber',
  'gender',
  'birthDate',
  'phone',
  'employerName',
  'employerId',
  'unitType',
  'field',
  'elderlyServices',
  'socialWorkSince',
  'socialWorkYears',
  ...LEVELLED_CERTIFICATES.flatMap((c) => [c.level, c.number]),
  'managementTraining',
];

const ISO = 'YYYY-MM-DD';

function certificatesOf(values: EntryForm): NonNullable<ApplicationEntry['certificates']> {
  const levelled = LEVELLED_CERTIFICATES.flatMap((c) => {
    const level = values[c.level];
    const number = values[c.number];
    return level ? [{ kind: c.kind, level, ...(number ? { number } : {}) }] : [];
  });
  return values.managementTraining
    ? [...levelled, { kind: 'elderly_care_management_training' as const }]
    : levelled;
}

/** The server names a certificate by its place in the list it was sent (`certificates.0.level`): put it on the kind's field. */
function onFormFields(error: unknown, sent: ApplicationEntry['certificates']): unknown {
  if (!isApiProblem(error) || !error.errors) return error;
  const errors = error.errors.map((e) => {
    const match = /^certificates\.(\d+)\.(\w+)$/.exec(e.field);
    const kind = match ? sent?.[Number(match[1])]?.kind : undefined;
    if (!match || !kind) return e;
    return { ...e, field: certificateField(kind, match[2] ?? '') };
  });
  return new ApiProblem({ ...error, errors });
}

/** The form's values of an application as it stands (the dossier read in full). */
function formValuesOf(a: ApplicationDetail): EntryForm {
  const certificate = (kind: CertificateKind) => a.certificates.find((c) => c.kind === kind);
  const levelled = Object.fromEntries(
    LEVELLED_CERTIFICATES.flatMap((c) => {
      const found = certificate(c.kind);
      return [
        [c.level, found?.level ?? undefined],
        [c.number, found?.number ?? undefined],
      ];
    }),
  );
  return {
    name: a.name,
    identityNumber: a.identityNumber,
    gender: a.gender,
    birthDate: dayjs(a.birthDate),
    phone: a.phone,
    employerName: a.employerName,
    ...(a.employerId ? { employerId: a.employerId } : {}),
    unitType: a.unitType,
    field: a.field,
    elderlyServices: a.elderlyServices,
    socialWorkSince: dayjs(a.socialWorkSince),
    socialWorkYears: a.socialWorkYears,
    ...levelled,
    managementTraining: certificate('elderly_care_management_training') !== undefined,
  };
}

type SaveEntry = UseMutationResult<ApplicationDetail, Error, ApplicationEntry>;

export function ApplicationEntryDialog({ roundId, onClose }: { roundId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const enter = useEnterApplication(roundId);
  return <EntryDialog title={t('talentDossier.enterTitle')} save={enter} onClose={onClose} />;
}

/** 修改申报: `application` is the dossier read in full (the form needs the numbers as they are). */
export function ApplicationAmendDialog({
  application,
  onClose,
}: {
  application: ApplicationDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const amend = useAmendApplication(application);
  return (
    <EntryDialog title={t('talentDossier.amendTitle')} save={amend} current={application} onClose={onClose} />
  );
}

function EntryDialog({
  title,
  save,
  current,
  onClose,
}: {
  title: string;
  save: SaveEntry;
  current?: ApplicationDetail;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const chinese = i18n.language.startsWith('zh');
  const [form] = Form.useForm<EntryForm>();
  const problem = useFormProblem(form, SERVER_FIELDS);
  const label = (item: { zh: string; en: string }) => (chinese ? item.zh : item.en);
  const options = (list: readonly { key: string; zh: string; en: string }[]) =>
    list.map((item) => ({ value: item.key, label: label(item) }));
  const unitTypes = [...GRASSROOTS_UNIT_TYPES, ...OTHER_UNIT_TYPES];

  const submit = (values: EntryForm) => {
    problem.clear();
    const certificates = certificatesOf(values);
    const entry: ApplicationEntry = {
      name: values.name,
      gender: values.gender,
      birthDate: values.birthDate.format(ISO),
      identityNumber: values.identityNumber,
      phone: values.phone,
      employerName: values.employerName,
      ...(values.employerId ? { employerId: values.employerId } : {}),
      unitType: values.unitType,
      field: values.field,
      elderlyServices: values.elderlyServices,
      socialWorkSince: values.socialWorkSince.format(ISO),
      socialWorkYears: values.socialWorkYears,
      certificates,
    };
    save.mutate(entry, {
      onSuccess: onClose,
      onError: (error) => problem.show(onFormFields(error, certificates)),
    });
  };

  /** A valid number fills in what it carries; the server refuses a birth date or gender that disagrees. */
  const identityChanged = (value: string) => {
    const upper = value.trim().toUpperCase();
    if (identityNumberProblem(upper) === null)
      form.setFieldsValue({ birthDate: dayjs(birthDateOf(upper)), gender: genderOf(upper) });
  };

  return (
    <Modal
      open
      title={title}
      okText={t('talentDossier.save')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      width={820}
      destroyOnHidden
    >
      {problem.alert}
      <Form<EntryForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          current ? formValuesOf(current) : { elderlyServices: false, managementTraining: false }
        }
      >
        <Flex gap="middle" wrap>
          <Form.Item
            name="name"
            label={t('talent.name')}
            rules={[{ required: true, max: 40 }]}
            className="sgf-entry-item"
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="identityNumber"
            label={t('talent.identityNumber')}
            className="sgf-entry-item"
            rules={[
              { required: true },
              {
                validator: (_rule, value: string | undefined) => {
                  const found: IdentityProblem | null = value
                    ? identityNumberProblem(value.trim().toUpperCase())
                    : null;
                  return found
                    ? Promise.reject(new Error(t(`talentDossier.identity.${found}`)))
                    : Promise.resolve();
                },
              },
            ]}
          >
            <Input
              maxLength={18}
              disabled={current !== undefined}
              onChange={(e) => identityChanged(e.target.value)}
            />
          </Form.Item>
          <Form.Item
            name="gender"
            label={t('talent.gender')}
            rules={[choiceRequired(t)]}
            className="sgf-entry-item"
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={[
                { value: 'male', label: t('talent.genders.male') },
                { value: 'female', label: t('talent.genders.female') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="birthDate"
            label={t('talentDossier.birthDate')}
            rules={[choiceRequired(t)]}
            className="sgf-entry-item"
          >
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('talentDossier.phone')}
            className="sgf-entry-item"
            rules={[
              { required: true },
              { pattern: /^[\d+\- ]{7,20}$/, message: t('talentDossier.phoneRule') },
            ]}
          >
            <Input />
          </Form.Item>
        </Flex>
        <Flex gap="middle" wrap>
          <Form.Item
            name="employerName"
            label={t('talent.employer')}
            rules={[{ required: true, max: 120 }]}
            className="sgf-entry-wide"
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="employerId"
            label={t('talentDossier.employerId')}
            rules={[{ max: 60 }]}
            className="sgf-entry-item"
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="unitType"
            label={t('talentDossier.unitType')}
            rules={[choiceRequired(t)]}
            className="sgf-entry-item"
          >
            <Select showSearch optionFilterProp="label" options={options(unitTypes)} />
          </Form.Item>
          <Form.Item
            name="field"
            label={t('talent.field')}
            rules={[choiceRequired(t)]}
            className="sgf-entry-item"
          >
            <Select showSearch optionFilterProp="label" options={options(SOCIAL_WORK_FIELDS)} />
          </Form.Item>
          <Form.Item
            name="elderlyServices"
            label={t('talentDossier.elderlyServices')}
            valuePropName="checked"
            className="sgf-entry-item"
          >
            <Switch />
          </Form.Item>
        </Flex>
        <Flex gap="middle" wrap>
          <Form.Item
            name="socialWorkSince"
            label={t('talentDossier.socialWorkSince')}
            rules={[choiceRequired(t)]}
            className="sgf-entry-item"
          >
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="socialWorkYears"
            label={t('talent.years')}
            rules={[{ required: true }]}
            className="sgf-entry-item"
          >
            <InputNumber min={0} max={60} step={0.1} precision={1} />
          </Form.Item>
        </Flex>
        <Flex gap="middle" wrap>
          {LEVELLED_CERTIFICATES.map((c) => (
            <Fragment key={c.kind}>
              <Form.Item name={c.level} label={t(`talentDossier.${c.level}`)} className="sgf-entry-item">
                <Select allowClear showSearch optionFilterProp="label" options={options(c.levels)} />
              </Form.Item>
              <Form.Item
                name={c.number}
                label={t(`talentDossier.${c.number}`)}
                rules={[{ max: 60 }]}
                className="sgf-entry-item"
              >
                <Input />
              </Form.Item>
            </Fragment>
          ))}
          <Form.Item name="managementTraining" valuePropName="checked" className="sgf-entry-item">
            <Checkbox>{t('talentDossier.managementTraining')}</Checkbox>
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
