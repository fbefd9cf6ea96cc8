// A small process for the crash test: a task, then automatic steps whose side effects the test
// counts outside the database (a webhook to a receiver in the test process) and inside it (a
// notification carrying the client's ticket).
export function crashDefinition(webhookUrl: string) {
  return {
    key: 'crash-drill',
    name: '故障演练',
    variables: [{ name: 'ticket', type: 'string', required: true }],
    nodes: [
      { id: 'start', kind: 'start', name: '开始' },
      {
        id: 'fill',
        kind: 'userTask',
        name: '填写',
        assignee: { type: 'starter' },
        form: [{ name: 'note', label: '备注', type: 'text', required: true }],
      },
      {
        id: 'tag',
        kind: 'action',
        name: '标记',
        action: 'setVariables',
        params: { values: { tagged: true } },
      },
      {
        id: 'hook',
        kind: 'action',
        name: '回调',
        action: 'webhook',
        params: { url: webhookUrl, body: '={ticket: ticket}' },
      },
      {
        id: 'tell',
        kind: 'action',
        name: '通知',
        action: 'notify',
        params: { template: 'drill.done', to: { starter: true }, data: '={ticket: ticket}' },
      },
      { id: 'end', kind: 'end', name: '结束', outcome: 'done' },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'fill' },
      { id: 'e2', from: 'fill', to: 'tag' },
      { id: 'e3', from: 'tag', to: 'hook' },
      { id: 'e4', from: 'hook', to: 'tell' },
      { id: 'e5', from: 'tell', to: 'end' },
    ],
  };
}
