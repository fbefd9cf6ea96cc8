// 发送事件: a supervisor sends a running project one of the events its definition declares, with an
// optional JSON payload the event's handlers read.
import { App, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../api/client';
import { FormModal } from '../ui/FormModal';
import { workKeys } from '../work/work-query-keys';
import type { ProjectDetail } from '../work/work-types';

interface Values {
  name: string;
  reason: string;
  payload?: string;
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

export function SendEventButton({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const send = useSendEvent(project.id);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('incidents.sendEvent')}</Button>
      <FormModal<Values>
        open={open}
        name="sendEvent"
        title={t('incidents.sendEventTitle', { title: project.title })}
        okText={t('incidents.send')}
        serverFields={['name', 'reason', 'payload']}
        pending={send.isPending}
        initialValues={project.events.length === 1 ? { name: project.events[0]!.name } : {}}
        onClose={() => setOpen(false)}
        onSubmit={({ name, reason, payload }, showProblem) =>
          send.mutate(
            { name, reason, ...(payload?.trim() ? { payload: JSON.parse(payload) as unknown } : {}) },
            {
              onSuccess: () => {
                setOpen(false);
                void message.success(t('incidents.eventSent'));
              },
              onError: showProblem,
            },
          )
        }
      >
        <Form.Item
          name="name"
          label={t('incidents.event')}
          rules={[{ required: true, message: t('incidents.eventRequired') }]}
        >
          <Select options={project.events.map((event) => ({ value: event.name, label: event.label }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('incidents.eventReason')}
          rules={[{ required: true, whitespace: true, message: t('incidents.eventReasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        </Form.Item>
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
      </FormModal>
    </>
  );
}
