// External events whose payload the definition declares, over the real product: the project lists
// the fields, a payload that does not fit is refused with field errors in Chinese and English (as a
// task's form is) and changes nothing, one that fits reaches the handler, the timeline and the audit.
import { complaintDefinition, complaintFields } from '../fixtures/event-payload-definition';
import { publishDefinition } from '../support/runtime-fixtures';
import { demoLogin, signInApi, unitIdOf, type ApiCall } from '../support/work-api-steps';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(120_000);

interface FieldProblem {
  field: string;
  reason: string;
  reasonZh: string;
}

describe('external events with declared payload fields', () => {
  let server: TestServer;
  let supervisor: ApiCall;
  let admin: ApiCall;
  let projectId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const versionId = await publishDefinition(server.databaseUrl, complaintDefinition('event-payload-api'));
    const officer = await signInApi(server, demoLogin(server, 'shegong'));
    supervisor = await signInApi(server, demoLogin(server, 'zhanzhang'));
    admin = await signInApi(server, demoLogin(server, 'admin'));
    const started = await officer('POST', '/api/projects', {
      versionId,
      unitId: await unitIdOf(admin, 'LC-HJL'),
      title: '投诉事件项目',
      input: {},
    });
    expect(started.status).toBe(201);
    projectId = started.json!.id as string;
  });
  afterAll(async () => server?.close());

  const send = (payload: unknown, key?: string) =>
    supervisor(
      'POST',
      `/api/projects/${projectId}/events`,
      { name: 'complaintFiled', reason: '居民来电', ...(payload === undefined ? {} : { payload }) },
      key ? { 'idempotency-key': key } : {},
    );

  it('lists the event with its payload fields', async () => {
    const detail = await supervisor('GET', `/api/projects/${projectId}`);
    expect(detail.json!.events).toEqual([
      {
        name: 'complaintFiled',
        label: '收到投诉',
        payload: complaintFields.map((field): unknown => expect.objectContaining(field)),
      },
    ]);
  });

  it.each<[string, unknown, Array<Partial<FieldProblem>>]>([
    ['no payload', undefined, [{ field: 'payload.summary', reasonZh: '必填' }]],
    ['a blank summary', { summary: '  ' }, [{ field: 'payload.summary', reasonZh: '不能只填空格' }]],
    [
      'a choice not offered and too few households',
      { summary: '噪音', severity: '轻微', households: 0 },
      [
        { field: 'payload.severity', reasonZh: '须为以下之一：一般、严重' },
        { field: 'payload.households', reasonZh: '不能小于 1' },
      ],
    ],
    [
      'a field not declared',
      { summary: '噪音', stray: 1 },
      [{ field: 'payload', reasonZh: '不允许的字段：stray' }],
    ],
    ['a payload that is not an object', ['噪音'], [{ field: 'payload', reasonZh: '类型不正确，应为对象' }]],
  ])(
    'refuses %s with 422 naming the fields in zh and en, changing nothing',
    async (_what, payload, errors) => {
      const refused = await send(payload);
      expect(refused.status).toBe(422);
      expect(refused.json!.detailZh).toBe('表单填写有误，请按提示修改');
      const problems = refused.json!.errors as FieldProblem[];
      expect(problems).toEqual(errors.map((error): unknown => expect.objectContaining(error)));
      for (const problem of problems) expect(problem.reason).toMatch(/\S/);
      const detail = await supervisor('GET', `/api/projects/${projectId}`);
      expect(detail.json!.variables).toMatchObject({ complaints: [] });
    },
  );

  it('delivers a payload that fits: the handler records it, the timeline shows its values, the audit keeps it', async () => {
    const payload = { summary: '楼道噪音扰民', severity: '严重', households: 3 };
    const sent = await send(payload, 'complaint-1');
    expect(sent.status).toBe(200);
    expect(sent.json!.variables).toMatchObject({ complaints: [payload] });
    expect((await send(payload, 'complaint-1')).status).toBe(200);
    const timeline = await supervisor('GET', `/api/projects/${projectId}/timeline`);
    const received = (timeline.json!.items as { type: string; text: { zh: string; en: string } }[]).filter(
      (item) => item.type === 'external',
    );
    expect(received.map((item) => item.text)).toEqual([
      {
        zh: '收到外部事件「收到投诉」：投诉内容：楼道噪音扰民；严重程度：严重；涉及户数：3',
        en: 'received the event "收到投诉": 投诉内容: 楼道噪音扰民; 严重程度: 严重; 涉及户数: 3',
      },
    ]);
    const audit = await admin('GET', `/api/audit?action=project.event_sent&resourceId=${projectId}`);
    const rows = audit.json!.items as { summary: string }[];
    expect(rows.map((row) => JSON.parse(row.summary) as unknown)).toEqual([
      { before: { status: 'running' }, after: { event: 'complaintFiled', reason: '居民来电', payload } },
    ]);
  });
});
