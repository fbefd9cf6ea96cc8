// 发送事件: a supervisor sends a running project one of the events its definition declares, with its
// payload: a form of the fields the definition declares for the event (rendered as a task's form
// is), or optional JSON where it declares none.
import { App, Divider, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../api/client';
import { ModalAction } from '../ui/ModalAction';
import { FormFieldInputs } from '../work/forms/FormFieldInputs';
import { initialFormValues, toSubmission } from '../work/forms/form-rules';
import { workKeys } from '../work/work-query-keys';
import type { ProjectDetail } from '../work/work-types';

type DeclaredEvent = ProjectDetail['events'][number];

interface Values {
  name: string;
  reason: string;
  /** The declared fields' values, or JSON text where the event declares none. */
  payload?: string | Record<string, unknown>;
}

function useSendEvent(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; reason: string; payload?: unknown }) =>
      apiPost<ProjectDetail>(`/api/projects/${projectId}/events`, body, {
        idempotencyKey: crypto.randomUUID(),
      }),
    meta: { silent: true },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: workKeys.all }),
  });
}

const parsesAsJson = (text: string | undefined) => {
  if (!text?.trim()) return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** What the server receives as the payload for what the dialog holds; undefined: none sent. */
function payloadOf(event: DeclaredEvent | undefined, payload: Values['payload']): unknown {
  if (event?.payload) return toSubmission(event.payload, payload as Record<string, unknown> | undefined);
  return typeof payload === 'string' && payload.trim() ? (JSON.parse(payload) as unknown) : undefined;
}

/** Starting values of the payload for an event: its declared form's, or nothing for JSON. */
const initialPayload = (event: DeclaredEvent | undefined) =>
  event?.payload ? initialFormValues(event.payload) : undefined;

/** The payload's inputs for the event chosen above them; choosing another event starts them afresh. */
function PayloadInputs({ events }: { events: readonly DeclaredEvent[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const name = Form.useWatch('name', form);
  const event = events.find((candidate) => candidate.name === name);
  if (event?.payload)
    return (
      <>
        <Divider titlePlacement="start" plain>
          {t('eventPayload.title')}
        </Divider>
        <Typography.Paragraph type="secondary">{t('eventPayload.help')}</Typography.Paragraph>
        <FormFieldInputs fields={event.payload} prefix={['payload']} />
      </>
    );
  return (
    <Form.Item
      name="payload"
      label={t('incidents.payload')}
      extra={t('incidents.payloadHelp')}
      rules={[
        {
          validator: (_r, value: string | undefined) =>
            parsesAsJson(value)
              ? Promise.resolve()
              : Promise.reject(new Error(t('incidents.payloadInvalid'))),
        },
      ]}
    >
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
    </Form.Item>
  );
}

/** The event picker; a new choice resets the payload to that event's starting values. */
function EventSelect({ events }: { events: readonly DeclaredEvent[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  return (
    <Form.Item
      name="name"
      label={t('incidents.event')}
      rules={[{ required: true, message: t('incidents.eventRequired') }]}
    >
      <Select
        options={events.map((event) => ({ value: event.name, label: event.label }))}
        onChange={(name: string) =>
          form.setFieldValue('payload', initialPayload(events.find((event) => event.name === name)))
        }
      />
    </Form.Item>
  );
}

export function SendEventButton({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const send = useSendEvent(project.id);
  const only = project.events.length === 1 ? project.events[0] : undefined;
  return (
    <ModalAction<Values>
      label={t('incidents.sendEvent')}
      title={t('incidents.sendEventTitle', { title: project.title })}
      okText={t('incidents.send')}
      name="sendEvent"
      serverFields={['name', 'reason', 'payload']}
      pending={send.isPending}
      initialValues={only ? { name: only.name, payload: initialPayload(only) } : {}}
      onDone={() => void message.success(t('incidents.eventSent'))}
      send={({ name, reason, payload }, callbacks) => {
        const sent = payloadOf(
          project.events.find((event) => event.name === name),
          payload,
        );
        send.mutate({ name, reason, ...(sent === undefined ? {} : { payload: sent }) }, callbacks);
      }}
    >
      <EventSelect events={project.events} />
      <Form.Item
        name="reason"
        label={t('incidents.eventReason')}
        extra={t('incidents.eventReasonHelp')}
        rules={[{ required: true, whitespace: true, message: t('incidents.eventReasonRequired') }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <PayloadInputs events={project.events} />
    </ModalAction>
  );
}
