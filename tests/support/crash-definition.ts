// A small process for the crash test: a task, then two automatic steps with side effects.
export const crashDefinition = {
  key: 'crash-drill',
  name: '故障演练',
  nodes: [
    { id: 'start', kind: 'start', name: '开始' },
    {
      id: 'fill',
      kind: 'userTask',
      name: '填写',
      assignee: { type: 'starter' },
      form: [{ name: 'note', label: '备注', type: 'text', required: true }],
    },
    { id: 'tag', kind: 'action', name: '标记', action: 'setVariables', params: { values: { tagged: true } } },
    {
      id: 'tell',
      kind: 'action',
      name: '通知',
      action: 'notify',
      params: { template: 'drill.done', to: { starter: true } },
    },
    { id: 'end', kind: 'end', name: '结束', outcome: 'done' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'fill' },
    { id: 'e2', from: 'fill', to: 'tag' },
    { id: 'e3', from: 'tag', to: 'tell' },
    { id: 'e4', from: 'tell', to: 'end' },
  ],
};
