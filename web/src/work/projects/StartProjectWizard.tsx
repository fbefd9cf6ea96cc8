// 发起项目: 选择流程 → 填写项目信息 (title, unit among those the caller may start at, the declared
// start fields) → 确认; the new project's page opens on success. The start field that names the
// project (项目名称) follows the title until the person changes it there.
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Spin,
  Steps,
  Switch,
  Typography,
  type FormRule,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { useFormProblem } from '../../ui/use-form-problem';
import { normalizeDate } from '../forms/form-rules';
import { useCatalogue, useStartProject } from '../work-hooks';
import type { CatalogueEntry, StartField, StartProjectRequest } from '../work-types';
import { defaultStartUnit, namingFieldOf } from './start-title';

interface StartValues {
  title?: string;
  unitId?: string;
  input?: Record<string, unknown>;
}

/** Start fields a person can type in; lists and objects come from later forms, not from the start. */
const ENTERABLE = ['string', 'number', 'integer', 'boolean', 'date'] as const;
const enterable = (field: StartField) => (ENTERABLE as readonly string[]).includes(field.type);

function StartFieldInput({ field, ...rest }: { field: StartField }) {
  switch (field.type) {
    case 'number':
      return <InputNumber className="sgf-work-number" {...rest} />;
    case 'integer':
      return <InputNumber className="sgf-work-number" step={1} {...rest} />;
    case 'boolean':
      return <Switch {...rest} />;
    case 'date':
      return <DatePicker className="sgf-work-date" {...rest} />;
    default:
      return <Input {...rest} />;
  }
}

/** The start input the server receives: dates as 'YYYY-MM-DD', empty optional fields left out. */
function startInput(fields: readonly StartField[], values: Record<string, unknown> | undefined) {
  const input: Record<string, string | number | boolean> = {};
  for (const field of fields.filter(enterable)) {
    const raw = values?.[field.name];
    const value = field.type === 'date' ? normalizeDate(raw) : raw;
    if (typeof value === 'string' && value.trim() !== '') input[field.name] = value.trim();
    if (typeof value === 'number' || typeof value === 'boolean') input[field.name] = value;
  }
  return input;
}

export default function StartProjectWizard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const catalogue = useCatalogue();
  const { user } = useSession();
  const [step, setStep] = useState(0);
  const [entryId, setEntryId] = useState<string | undefined>();
  const [form] = Form.useForm<StartValues>();
  const problem = useFormProblem(form, ['title', 'unitId', 'input']);
  const start = useStartProject();
  const entry = catalogue.data?.find((item) => item.versionId === entryId);
  const values = Form.useWatch([], form) as StartValues | undefined;
  const namingField = entry && namingFieldOf(entry.startFields);
  // Whether the naming field still follows the title: until the person types a different name there.
  const [followTitle, setFollowTitle] = useState(true);

  if (catalogue.isPending) return <Spin className="sgf-center-block" />;

  const submit = () => {
    if (!entry) return;
    const all = form.getFieldsValue(true) as StartValues;
    const request: StartProjectRequest = {
      versionId: entry.versionId,
      unitId: all.unitId ?? '',
      title: all.title?.trim() ?? '',
      input: startInput(entry.startFields, all.input),
    };
    problem.clear();
    start.mutate(request, {
      onSuccess: (project) => void navigate(`/projects/${project.id}`),
      onError: (error) => {
        setStep(1);
        problem.show(error);
      },
    });
  };

  return (
    <Card title={<h1 className="sgf-card-title">{t('projects.wizard.title')}</h1>}>
      <Steps
        current={step}
        className="sgf-work-steps"
        items={[
          { title: t('projects.wizard.choose') },
          { title: t('projects.wizard.fill') },
          { title: t('projects.wizard.confirm') },
        ]}
      />
      {step === 0 && (
        <ChooseProcess
          entries={catalogue.data ?? []}
          value={entryId}
          onChange={(id) => {
            setEntryId(id);
            setFollowTitle(true);
            form.resetFields();
          }}
          onNext={() => setStep(1)}
        />
      )}
      {problem.alert}
      {entry && (
        <Form<StartValues>
          name="startProject"
          form={form}
          layout="vertical"
          hidden={step !== 1}
          className="sgf-work-form"
          initialValues={{
            unitId: defaultStartUnit(
              entry.units,
              (user?.roles ?? []).map((assignment) => assignment.unitId),
            ),
          }}
          onFinish={() => setStep(2)}
          onValuesChange={(changed: StartValues, all: StartValues) => {
            if (!namingField) return;
            if (changed.title !== undefined && followTitle)
              form.setFieldValue(['input', namingField], changed.title);
            const named = changed.input?.[namingField];
            if (named !== undefined) setFollowTitle(named === all.title);
          }}
        >
          <Form.Item
            name="title"
            label={t('projects.wizard.projectTitle')}
            extra={t('reopened.titleHelp')}
            rules={[
              { required: true, whitespace: true, message: t('projects.wizard.titleRequired') },
              { max: 200 },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="unitId"
            label={t('projects.wizard.unit')}
            rules={[{ required: true, message: t('projects.wizard.unitRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={entry.units.map((unit) => ({ value: unit.id, label: unit.name }))}
            />
          </Form.Item>
          {entry.startFields.filter(enterable).map((field) => (
            <Form.Item
              key={field.name}
              name={['input', field.name]}
              label={field.label}
              extra={field.name === namingField ? t('reopened.nameFromTitle') : undefined}
              valuePropName={field.type === 'boolean' ? 'checked' : 'value'}
              rules={startRules(field, t('forms.rules.required', { label: field.label }))}
            >
              <StartFieldInput field={field} />
            </Form.Item>
          ))}
          <Flex gap="small">
            <Button onClick={() => setStep(0)}>{t('projects.wizard.back')}</Button>
            <Button type="primary" htmlType="submit">
              {t('projects.wizard.next')}
            </Button>
          </Flex>
        </Form>
      )}
      {step === 2 && entry && (
        <Flex vertical gap="middle">
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              {
                key: 'process',
                label: t('projects.process'),
                children: `${entry.name}（v${entry.version}）`,
              },
              {
                key: 'title',
                label: t('projects.wizard.projectTitle'),
                children: values?.title,
              },
              {
                key: 'unit',
                label: t('projects.wizard.unit'),
                children: entry.units.find((unit) => unit.id === values?.unitId)?.name ?? '—',
              },
              ...Object.entries(startInput(entry.startFields, values?.input)).map(([name, value]) => ({
                key: name,
                label: entry.startFields.find((field) => field.name === name)?.label ?? name,
                children:
                  typeof value === 'boolean' ? (value ? t('forms.yes') : t('forms.no')) : String(value),
              })),
            ]}
          />
          <Flex gap="small">
            <Button onClick={() => setStep(1)}>{t('projects.wizard.back')}</Button>
            <Button type="primary" loading={start.isPending} onClick={submit}>
              {t('projects.wizard.submit')}
            </Button>
          </Flex>
        </Flex>
      )}
    </Card>
  );
}

function startRules(field: StartField, requiredMessage: string): FormRule[] {
  return field.required && field.type !== 'boolean' ? [{ required: true, message: requiredMessage }] : [];
}

function ChooseProcess({
  entries,
  value,
  onChange,
  onNext,
}: {
  entries: CatalogueEntry[];
  value: string | undefined;
  onChange: (versionId: string) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  if (entries.length === 0)
    return <Typography.Paragraph>{t('projects.wizard.nothing')}</Typography.Paragraph>;
  return (
    <Flex vertical gap="middle">
      <Radio.Group
        value={value}
        onChange={(event) => onChange(event.target.value as string)}
        aria-label={t('projects.wizard.choose')}
        className="sgf-work-choices"
      >
        {entries.map((entry) => (
          <Radio key={entry.versionId} value={entry.versionId} className="sgf-work-choice">
            <Typography.Text strong>{entry.name}</Typography.Text>
            <Typography.Text type="secondary"> v{entry.version}</Typography.Text>
            {entry.description && <div className="sgf-work-choice-text">{entry.description}</div>}
            {entry.stages.length > 0 && (
              <div className="sgf-work-choice-text">
                {t('projects.wizard.stages')}
                {entry.stages.map((stage) => stage.name).join(' → ')}
              </div>
            )}
          </Radio>
        ))}
      </Radio.Group>
      <Flex>
        <Button type="primary" disabled={!value} onClick={onNext}>
          {t('projects.wizard.next')}
        </Button>
      </Flex>
    </Flex>
  );
}
