// Dashboards over the real product: the demo county's people start projects at a room, the
// station and a sibling station and move some of them on, under a test clock that spaces the steps
// by days; the figures (per stage, service domain, funding source, overdue per unit, time per
// stage, completions per month, escalations) are exactly what was made, each caller sees only their
// subtree, and the project list's new filters and its xlsx export pick the same projects.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPrismaClient, type Db } from '../../api/db/prisma-client';
import { Prisma } from '../../prisma/generated/client';
import { currentNodesOf, fundingSourceOf, serviceDomainOf } from '../../api/work/project-reads';
import { contractViolations } from '../../api/http/response-contract';
import { publishDefinition } from '../support/runtime-fixtures';
import { createTestClock } from '../support/test-clock';
import { apiAgent, startTestServer, type TestServer } from '../support/test-server';
import { beijingTime } from '../../api/admin/audit.service';
import { demoPassword, signIn, unitIdByCode, type Call } from './support/api-callers';

jest.setTimeout(240_000);

type Json = Record<string, unknown>;

describe('dashboards API', () => {
  const clock = createTestClock();
  let server: TestServer;
  let prisma: Db;
  const as: Record<string, Call> = {};
  const unit: Record<string, string> = {};
  const project: Record<string, string> = {};
  let endedE = '';

  const assessment = (serviceDomain: string) => ({
    targetGroup: '社区居民',
    serviceDomain,
    needsSummary: '走访了辖区内的重点人群，需求清楚。',
  });

  async function ok(answer: Promise<Awaited<ReturnType<Call>>>, status = 200) {
    const res = await answer;
    if (res.status !== status) throw new Error(`${res.status} ${res.text}`);
    return res.json!;
  }
  async function openTask(projectId: string, nodeId: string): Promise<string> {
    const detail = await ok(as.zhongxin!('GET', `/api/projects/${projectId}`));
    const task = (detail.tasks as { id: string; nodeId: string }[]).find((t) => t.nodeId === nodeId);
    if (!task) throw new Error(`no open ${nodeId}`);
    return task.id;
  }
  const complete = async (who: string, projectId: string, nodeId: string, data: Json) =>
    ok(as[who]!('POST', `/api/tasks/${await openTask(projectId, nodeId)}/complete`, { data }));
  const vote = async (who: string, projectId: string, nodeId: string, choice: string) =>
    ok(as[who]!('POST', `/api/tasks/${await openTask(projectId, nodeId)}/vote`, { vote: choice }));
  const start = async (who: string, versionId: string, unitId: string, title: string, input: Json = {}) =>
    (
      await ok(
        as[who]!('POST', '/api/projects', {
          versionId,
          unitId,
          title,
          input: { projectName: title, ...input },
        }),
        201,
      )
    ).id as string;
  const dashboard = (who: string, query = '') => as[who]!('GET', `/api/dashboards/projects${query}`);
  const listed = async (who: string, query: string) =>
    ((await ok(as[who]!('GET', `/api/projects?limit=100&${query}`))).items as { id: string }[])
      .map((item) => item.id)
      .sort();
  const ids = (...names: string[]) => names.map((name) => project[name]!).sort();

  beforeAll(async () => {
    server = await startTestServer({ clock: clock.now });
    prisma = createPrismaClient(server.databaseUrl, 2);
    for (const user of ['shegong', 'zhanzhang', 'zhongxin', 'shegong-room', 'zhuanjia', 'admin'])
      as[user] = await signIn(server.url, user, demoPassword(server, user));
    for (const code of ['LC', 'LC-HJL', 'LC-HJL-01', 'LC-TY']) unit[code] = await unitIdByCode(prisma, code);

    // A process that declares 资金来源 and gives its assessment one second: the built-ins declare
    // no funding source, and their shortest due time is days.
    const lifecycle = JSON.parse(
      readFileSync(join(__dirname, '../../workflows/definitions/project-lifecycle.json'), 'utf8'),
    ) as { key: string; name: string; variables: Json[]; nodes: Json[] };
    lifecycle.key = 'funded-lifecycle';
    lifecycle.name = '资助项目';
    lifecycle.variables.push({ name: 'fundingSource', label: '资金来源', type: 'string' });
    lifecycle.nodes.find((node) => node.id === 'assess')!.due = 'PT1S';
    const fundedVersion = await publishDefinition(server.databaseUrl, lifecycle);
    const catalogue = await ok(as.shegong!('GET', '/api/processes'));
    const lifecycleVersion = (catalogue.items as { key: string; versionId: string }[]).find(
      (entry) => entry.key === 'project-lifecycle',
    )!.versionId;

    // The station head approves only the station's own projects (no supervisor sits in the room).
    const [room, hjl, ty] = [unit['LC-HJL-01']!, unit['LC-HJL']!, unit['LC-TY']!];
    project.A = await start('shegong-room', lifecycleVersion, room, '看板-A 独居老人探访');
    project.B = await start('shegong', lifecycleVersion, hjl, '看板-B 儿童课后照护');
    project.C = await start('shegong-room', fundedVersion, room, '看板-C 政府购买服务', {
      fundingSource: '政府购买服务',
    });
    project.D = await start('zhongxin', lifecycleVersion, ty, '看板-D 另一站');
    project.E = await start('shegong', lifecycleVersion, hjl, '看板-E 未获批准');
    project.F = await start('shegong', lifecycleVersion, hjl, '看板-F 助餐计划');

    clock.advance('P1D');
    await complete('shegong', project.E, 'assess', assessment('为老服务'));
    clock.advance('P1D');
    await vote('zhanzhang', project.E, 'headApproval', 'reject'); // E: 预估 took two days, then ended
    clock.advance('P1D');
    await complete('shegong', project.F, 'assess', assessment('为老服务'));
    await complete('shegong-room', project.A, 'assess', assessment('为老服务')); // A: waits in 预估
    clock.advance('P2D');
    await vote('zhanzhang', project.F, 'headApproval', 'approve'); // F: 预估 took five days; now 计划
    await complete('shegong', project.B, 'assess', assessment('儿童关爱保护')); // B: waits in 预估
    endedE = (await ok(as.shegong!('GET', `/api/projects/${project.E}`))).endedAt as string;

    // Day 22: the assessments of C and D (21 days) and the head approvals of A and B (10 days)
    // escalate; F's plan (21 days from day 5) does not yet.
    clock.advance('P17D');
    const deadline = Date.now() + 30_000;
    while ((await prisma.notification.count({ where: { template: 'task.escalated' } })) < 4) {
      if (Date.now() > deadline) throw new Error('the escalations did not arrive');
      await new Promise((done) => setTimeout(done, 250));
    }
    // Overdue is judged by the database's clock, which the test clock does not move: C's
    // assessment is due one second after it started, and a quick run can get here sooner.
    while (
      (await prisma.task.count({
        where: { instanceId: project.C, status: 'open', dueAt: { gte: new Date() } },
      })) > 0
    ) {
      if (Date.now() > deadline) throw new Error('C’s assessment never fell due');
      await new Promise((done) => setTimeout(done, 100));
    }
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await server.close();
    expect(contractViolations).toEqual([]);
  });

  it('counts the station head’s subtree: stages, domains, funding, overdue, escalations', async () => {
    const figures = await ok(dashboard('zhanzhang', `?unitId=${unit['LC-HJL']}`));
    expect(figures.unit).toMatchObject({ id: unit['LC-HJL'] });
    expect(figures.totals).toEqual({
      projects: 5,
      running: 4,
      completed: 1,
      cancelled: 0,
      overdueTasks: 1,
      escalations: 3,
    });
    expect(figures.byStage).toEqual([
      {
        definitionKey: 'funded-lifecycle',
        definitionName: '资助项目',
        stageId: 'assess',
        stageName: '预估',
        projects: 1,
      },
      {
        definitionKey: 'project-lifecycle',
        definitionName: expect.any(String),
        stageId: 'assess',
        stageName: '预估',
        projects: 2,
      },
      {
        definitionKey: 'project-lifecycle',
        definitionName: expect.any(String),
        stageId: 'plan',
        stageName: '计划',
        projects: 1,
      },
    ]);
    expect(figures.byServiceDomain).toEqual([
      { value: '为老服务', projects: 3 },
      { value: '儿童关爱保护', projects: 1 },
      { value: null, projects: 1 },
    ]);
    expect(figures.byFundingSource).toEqual([
      { value: null, projects: 4 },
      { value: '政府购买服务', projects: 1 },
    ]);
    expect(figures.overdueByUnit).toEqual([
      { unit: expect.objectContaining({ id: unit['LC-HJL-01'] }), tasks: 1, projects: 1 },
    ]);
  });

  it('measures time per stage from the event log: median and 90th percentile over the projects that left it', async () => {
    const figures = await ok(dashboard('zhanzhang', `?unitId=${unit['LC-HJL']}`));
    const durations = figures.stageDurations as {
      stageId: string;
      projects: number;
      medianHours: number;
      p90Hours: number;
    }[];
    // 预估: E two days, F five days; A and B have not left it, C has no step yet.
    expect(durations).toHaveLength(1);
    expect(durations[0]).toMatchObject({
      definitionKey: 'project-lifecycle',
      stageId: 'assess',
      stageName: '预估',
      projects: 2,
    });
    expect(durations[0]!.medianHours).toBeCloseTo(3.5 * 24, 0);
    expect(durations[0]!.p90Hours).toBeCloseTo(4.7 * 24, 0);
  });

  it('counts completions per month in China Standard Time', async () => {
    const figures = await ok(dashboard('zhanzhang', `?unitId=${unit['LC-HJL']}`));
    const month = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
    }).format(new Date(endedE));
    expect(figures.throughput).toEqual([
      {
        month,
        from: `${month}-01`,
        to: expect.stringMatching(new RegExp(`^${month}-(28|29|30|31)$`)),
        completed: 1,
      },
    ]);
    const drill = figures.throughput as { from: string; to: string }[];
    expect(
      await listed('zhanzhang', `status=completed&endedFrom=${drill[0]!.from}&endedTo=${drill[0]!.to}`),
    ).toEqual(ids('E'));
  });

  it('keeps each caller to their subtree: the room officer counts only the room; the centre the county', async () => {
    const roomFigures = await ok(dashboard('shegong-room'));
    expect(roomFigures.unit).toBeNull();
    expect(roomFigures.totals).toMatchObject({ projects: 2, running: 2, overdueTasks: 1, escalations: 2 });
    expect(roomFigures.stageDurations).toEqual([]);
    const centre = await ok(dashboard('zhongxin', `?unitId=${unit.LC}`));
    expect(centre.totals).toMatchObject({ projects: 6, running: 5, escalations: 4 });

    expect((await dashboard('shegong-room', `?unitId=${unit['LC-HJL']}`)).status).toBe(404);
    expect((await dashboard('zhanzhang', `?unitId=${unit.LC}`)).status).toBe(404);
    expect((await dashboard('shegong', `?unitId=${unit['LC-TY']}`)).status).toBe(404);
    const admin = await dashboard('admin');
    expect(admin.status).toBe(403);
    expect(admin.json!.detail).toBeTruthy();
    expect((await dashboard('zhuanjia')).status).toBe(403);
    expect((await apiAgent(server.url)('GET', '/api/dashboards/projects')).status).toBe(401);
    expect((await dashboard('zhanzhang', '?startedFrom=2026-13-01')).status).toBe(400);
  });

  it('filters the project list the way the charts count: stage, node, domain, funding, unit only, dates', async () => {
    expect(await listed('zhanzhang', 'definitionKey=project-lifecycle&stage=plan')).toEqual(ids('F'));
    expect(await listed('zhanzhang', 'stage=assess')).toEqual(ids('A', 'B', 'C'));
    expect(await listed('zhanzhang', 'node=headApproval')).toEqual(ids('A', 'B'));
    expect(await listed('zhanzhang', `serviceDomain=${encodeURIComponent('为老服务')}`)).toEqual(
      ids('A', 'E', 'F'),
    );
    expect(await listed('zhanzhang', `fundingSource=${encodeURIComponent('政府购买服务')}`)).toEqual(
      ids('C'),
    );
    expect(await listed('zhanzhang', `unitId=${unit['LC-HJL-01']}&subunits=false&overdue=true`)).toEqual(
      ids('C'),
    );
    expect(await listed('zhanzhang', `unitId=${unit['LC-HJL']}&subunits=false`)).toEqual(ids('B', 'E', 'F'));
    const started = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(
      (await prisma.processInstance.findUniqueOrThrow({ where: { id: project.A! } })).startedAt,
    );
    expect(await listed('zhongxin', `startedFrom=${started}&startedTo=${started}`)).toEqual(
      ids('A', 'B', 'C', 'D', 'E', 'F'),
    );
    expect(await listed('zhongxin', `startedTo=2000-01-01`)).toEqual([]);
    // The room officer's list never shows the station's projects, whatever the filter.
    expect(await listed('shegong-room', `serviceDomain=${encodeURIComponent('为老服务')}`)).toEqual(ids('A'));
  });

  it('pages a filtered list by cursor in the chosen order, each project once', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await ok(
        as.zhongxin!(
          'GET',
          `/api/projects?limit=2&sort=title&q=${encodeURIComponent('看板')}${cursor ? `&cursor=${cursor}` : ''}`,
        ),
      );
      seen.push(...(page.items as { title: string }[]).map((item) => item.title));
      cursor = page.nextCursor as string | null;
    }
    expect(seen.map((title) => title.slice(0, 4))).toEqual(
      ['A', 'B', 'C', 'D', 'E', 'F'].map((name) => `看板-${name}`),
    );
  });

  it('exports the filtered list as xlsx with Chinese headers, audited as an export', async () => {
    const res = await fetch(
      `${server.url}/api/projects/export.xlsx?serviceDomain=${encodeURIComponent('为老服务')}&sort=title`,
      { headers: await cookieOf('zhanzhang') },
    );
    expect(res.status).toBe(200);
    // Dated by the office's (Beijing) day on the product's clock (found by the fresh-eyes review: UTC's).
    expect(res.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="?projects-${beijingTime(clock.now()).slice(0, 10)}\\.xlsx"?$`),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('项目编号');
    expect(sheet.getRow(1).getCell(2).value).toBe('项目标题');
    expect(sheet.rowCount).toBe(4);
    const titles = [2, 3, 4].map((row) => sheet.getRow(row).getCell(2).value);
    expect(titles).toEqual(['看板-A 独居老人探访', '看板-E 未获批准', '看板-F 助餐计划']);
    expect(sheet.getRow(2).getCell(1).value).toBe(project.A);
    expect(sheet.getRow(2).getCell(7).value).toBe('预估');
    expect(sheet.getRow(2).getCell(9).value).toBe('为老服务');
    expect(sheet.getRow(3).getCell(6).value).toBe('已结束');
    expect(sheet.getRow(4).getCell(7).value).toBe('计划');
    const audit = await prisma.auditLog.findFirst({
      where: { action: 'project.exported' },
      orderBy: { at: 'desc' },
    });
    expect(audit?.detail).toMatchObject({ after: { rowCount: 3, filters: { serviceDomain: '为老服务' } } });
  });

  it.each([
    ['process_instance_service_domain_idx', Prisma.sql`${serviceDomainOf} = '为老服务'`],
    ['process_instance_funding_source_idx', Prisma.sql`${fundingSourceOf} = '公益创投'`],
    ['process_instance_current_nodes_idx', Prisma.sql`${currentNodesOf} @> '["plan"]'::jsonb`],
    ['process_instance_current_nodes_idx', Prisma.sql`${currentNodesOf} ?| ARRAY['plan', 'assess']`],
    ['process_instance_started_at_idx', Prisma.sql`i.started_at >= now() - interval '1 day'`],
    [
      'process_instance_completed_idx',
      Prisma.sql`i.status = 'completed' AND i.ended_at >= now() - interval '30 days'`,
    ],
  ])(
    'filters the instances through %s: the query uses the very expression the index was made on',
    async (index, where) => {
      const plan = await prisma.$transaction(async (tx) => {
        // A handful of rows never needs an index; forbidding sequential scans shows whether one fits.
        await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
        return tx.$queryRaw<
          { 'QUERY PLAN': string }[]
        >`EXPLAIN SELECT i.id FROM process_instance i WHERE ${where}`;
      });
      expect(plan.map((line) => line['QUERY PLAN']).join('\n')).toContain(index);
    },
  );

  async function cookieOf(username: string): Promise<Record<string, string>> {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'shegong-flow' },
      body: JSON.stringify({ username, password: demoPassword(server, username) }),
    });
    return { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-requested-with': 'shegong-flow' };
  }
});
