import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmbeddedOrchestrator } from '../../api/orchestrator/embedded-orchestrator';
import {
  type Actor,
  OrchestratorError,
  type OpenTask,
  type Orchestrator,
} from '../../api/orchestrator/orchestrator';
import { createDefinitionStore } from '../../api/runtime/definition-store';
import { replayInstance } from '../../api/runtime/replay-instance';
import { lifecycleReviewScores, lifecycleTaskData } from '../fixtures/project-lifecycle-data';
import { createRuntimeDatabase, manualClock, publishDefinition } from '../support/runtime-fixtures';

jest.setTimeout(60_000);

const { assess: assessment, plan } = lifecycleTaskData;
const scores = lifecycleReviewScores;

describe('embedded runtime', () => {
  let db: Awaited<ReturnType<typeof createRuntimeDatabase>>;
  let runtime: ReturnType<typeof createEmbeddedOrchestrator>;
  let orchestrator: Orchestrator;
  const clock = manualClock('2025-03-01T01:00:00.000Z');

  /** Supervisors at the county centre: the lifecycle's `ancestors` tasks go to them (three review seats). */
  let centreSupervisors: string[];

  beforeAll(async () => {
    db = await createRuntimeDatabase();
    const centre = await db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'LC' } });
    centreSupervisors = await Promise.all(
      [1, 2, 3].map(async (n) => {
        const user = await db.prisma.user.create({
          data: {
            username: `centre-supervisor-${n}`,
            displayName: `中心督导 ${n}`,
            passwordHash: 'not-used',
            roles: { create: { role: 'supervisor', unitId: centre.id } },
          },
        });
        return user.id;
      }),
    );
    runtime = createEmbeddedOrchestrator({
      databaseUrl: db.db.url,
      clock: clock.now,
      scheduler: { baseBackoffMs: 1000, maxAttempts: 3 },
    });
    orchestrator = runtime.orchestrator;
  });
  afterAll(async () => {
    await orchestrator.close();
    await db.close();
  });

  const officer = () => ({ userId: db.users.shegong! });
  const startLifecycle = (key = randomUUID()) =>
    orchestrator.start({
      versionId: db.versionIds['project-lifecycle']!,
      unitId: db.stationId,
      title: '银龄守护',
      input: { projectName: '银龄守护' },
      actor: officer(),
      idempotencyKey: key,
    });

  async function openTask(instanceId: string, nodeId: string) {
    const task = (await orchestrator.listOpenTasks({ instanceId })).find((t) => t.nodeId === nodeId);
    if (!task) throw new Error(`no open task at ${nodeId}`);
    return task;
  }
  /**
   * Someone who may act on the task: its assignee, the station's supervisor for a role task at the
   * station itself, otherwise a supervisor at the county centre (one per seat).
   */
  function candidateFor(task: OpenTask, seat = 0): Actor {
    if (task.assigneeId) return { userId: task.assigneeId };
    if (task.nodeId === 'headApproval') return { userId: db.users.zhanzhang! };
    return { userId: centreSupervisors[seat]! };
  }
  async function complete(instanceId: string, nodeId: string, data: Record<string, unknown>) {
    const task = await openTask(instanceId, nodeId);
    return orchestrator.send(
      instanceId,
      { type: 'taskCompleted', taskId: task.engineTaskId, data },
      candidateFor(task),
      randomUUID(),
    );
  }
  async function approve(instanceId: string, nodeId: string) {
    const tasks = (await orchestrator.listOpenTasks({ instanceId })).filter((t) => t.nodeId === nodeId);
    for (const [seat, task] of tasks.entries()) {
      await orchestrator.send(
        instanceId,
        { type: 'approvalVoted', taskId: task.engineTaskId, vote: 'approve' },
        candidateFor(task, seat),
        randomUUID(),
      );
    }
  }
  async function count(sql: string, values: unknown[]): Promise<number> {
    const { rows } = await runtime.pool.query<{ n: string }>(sql, values);
    return Number(rows[0]!.n);
  }

  it('drives the project lifecycle through all five stages, timers included, and leaves consistent rows', async () => {
    clock.set('2025-03-01T01:00:00.000Z');
    const { instanceId } = await startLifecycle();
    await complete(instanceId, 'assess', assessment);
    await approve(instanceId, 'headApproval');
    await complete(instanceId, 'plan', plan);
    await approve(instanceId, 'centreApproval');
    expect((await orchestrator.listOpenTasks({ instanceId })).map((t) => t.nodeId)).toEqual(['implement']);

    clock.set('2025-04-01T02:00:00.000Z');
    await runtime.scheduler.drain();
    await complete(instanceId, 'monthlyReport', { indicatorProgress: '已探访 50 人次' });
    await complete(instanceId, 'implement', {
      activitiesHeld: 12,
      peopleServed: 620,
      volunteers: 15,
      volunteerHours: 300,
    });
    clock.set('2025-05-01T02:00:00.000Z');
    await runtime.scheduler.drain();
    await complete(instanceId, 'monthlyReport', { indicatorProgress: '完成全部探访' });
    await complete(instanceId, 'supervision', {
      supervisionNotes: '执行规范',
      correctiveActionRequired: false,
    });
    const reviews = (await orchestrator.listOpenTasks({ instanceId })).filter((t) => t.nodeId === 'evaluate');
    expect(reviews).toHaveLength(3);
    for (const [seat, task] of reviews.entries()) {
      await orchestrator.send(
        instanceId,
        { type: 'reviewSubmitted', taskId: task.engineTaskId, scores },
        candidateFor(task, seat),
        randomUUID(),
      );
    }
    await complete(instanceId, 'practiceCase', { caseTitle: '银龄守护实践', caseSummary: '探访网络' });
    await runtime.scheduler.drain();

    const view = await orchestrator.get(instanceId);
    expect(view).toMatchObject({ status: 'completed' });
    expect(view!.state.variables).toMatchObject({ rating: '优秀' });
    expect(await count('SELECT count(*) AS n FROM instance_event WHERE instance_id = $1', [instanceId])).toBe(
      view!.revision,
    );
    expect(
      await count(`SELECT count(*) AS n FROM task WHERE instance_id = $1 AND status = 'open'`, [instanceId]),
    ).toBe(0);
    // Nothing left for the scheduler to wake the instance for.
    expect(
      await count('SELECT count(*) AS n FROM process_instance WHERE id = $1 AND next_due_at IS NOT NULL', [
        instanceId,
      ]),
    ).toBe(0);
    const replayed = await replayInstance(runtime.pool, createDefinitionStore(runtime.pool), instanceId);
    expect(replayed).toEqual(view!.state);
  });

  it("keeps the instance's next due time at the earliest of its open timers", async () => {
    clock.set('2025-03-01T01:00:00.000Z');
    const nextDue = async (id: string) =>
      (
        await runtime.pool.query<{ next_due_at: Date | null }>(
          'SELECT next_due_at FROM process_instance WHERE id = $1',
          [id],
        )
      ).rows[0]!.next_due_at;
    const earliest = (state: { timers: Record<string, { fireAt: string }> }) =>
      Object.values(state.timers)
        .map((t) => Date.parse(t.fireAt))
        .sort((a, b) => a - b)[0];
    const started = await startLifecycle();
    expect(Object.keys(started.state.timers).length).toBeGreaterThan(1);
    expect((await nextDue(started.instanceId))?.getTime()).toBe(earliest(started.state));
    const done = await complete(started.instanceId, 'assess', assessment);
    expect((await nextDue(started.instanceId))?.getTime()).toBe(earliest(done.state));
  });

  it('looks at an instance again when its timer is due, not before, if its wake-up time ran ahead', async () => {
    clock.set('2025-03-01T01:00:00.000Z');
    const { instanceId, state, revision } = await startLifecycle();
    const earliest = Object.values(state.timers).sort((a, b) => a.fireAt.localeCompare(b.fireAt))[0]!;
    // As if the column had been set by hand (or by an older version) to a time before any timer.
    await runtime.pool.query('UPDATE process_instance SET next_due_at = $2 WHERE id = $1', [
      instanceId,
      clock.now(),
    ]);
    await runtime.scheduler.drain();
    const { rows } = await runtime.pool.query<{ next_due_at: Date; revision: number }>(
      'SELECT next_due_at, revision FROM process_instance WHERE id = $1',
      [instanceId],
    );
    expect(rows[0]).toEqual({ next_due_at: new Date(earliest.fireAt), revision });
  });

  it('fires a due reminder through the scheduler and notifies the assignee once', async () => {
    clock.set('2025-03-01T01:00:00.000Z');
    const { instanceId } = await startLifecycle();
    const assess = await openTask(instanceId, 'assess');
    expect(assess.dueAt).toBeInstanceOf(Date);
    clock.set(new Date(assess.dueAt!.getTime() + 60_000).toISOString());
    await runtime.scheduler.drain();
    await runtime.scheduler.drain();
    const { rows } = await runtime.pool.query<{ template: string; recipient_user_id: string }>(
      'SELECT template, recipient_user_id FROM notification WHERE instance_id = $1 ORDER BY created_at',
      [instanceId],
    );
    expect(rows.map((r) => r.template)).toContain('task.reminder');
    expect(rows.filter((r) => r.template === 'task.reminder')).toHaveLength(1);
    expect(rows.find((r) => r.template === 'task.reminder')!.recipient_user_id).toBe(officer().userId);
  });

  it('returns the first result for a repeated idempotency key and appends nothing', async () => {
    const startKey = randomUUID();
    const first = await startLifecycle(startKey);
    const again = await startLifecycle(startKey);
    expect(again).toEqual({ ...first, duplicate: true });
    const task = await openTask(first.instanceId, 'assess');
    const actor = officer();
    const key = randomUUID();
    const event = { type: 'taskCompleted' as const, taskId: task.engineTaskId, data: assessment };
    const applied = await orchestrator.send(first.instanceId, event, actor, key);
    const repeated = await orchestrator.send(first.instanceId, event, actor, key);
    expect(repeated).toEqual({ ...applied, duplicate: true });
    expect(
      await count('SELECT count(*) AS n FROM instance_event WHERE instance_id = $1', [first.instanceId]),
    ).toBe(applied.revision);
  });

  describe('idempotency keys are scoped to their caller', () => {
    it('gives two callers using one start key an instance each, and the same caller its first result', async () => {
      const key = randomUUID();
      const mine = await startLifecycle(key);
      const theirs = await orchestrator.start({
        versionId: db.versionIds['project-lifecycle']!,
        unitId: db.stationId,
        title: '另一位发起人',
        input: { projectName: '另一个项目' },
        actor: { userId: db.users.zhanzhang! },
        idempotencyKey: key,
      });
      expect(theirs).toMatchObject({ duplicate: false });
      expect(theirs.instanceId).not.toBe(mine.instanceId);
      expect(theirs.state.variables).toMatchObject({ projectName: '另一个项目' });
      expect(await startLifecycle(key)).toEqual({ ...mine, duplicate: true });
    });

    it("applies a command whose key another caller used on the same instance, instead of answering with the other's result", async () => {
      const { instanceId } = await startLifecycle();
      const key = randomUUID();
      const assess = await openTask(instanceId, 'assess');
      const completed = await orchestrator.send(
        instanceId,
        { type: 'taskCompleted', taskId: assess.engineTaskId, data: assessment },
        officer(),
        key,
      );
      const head = await openTask(instanceId, 'headApproval');
      const voted = await orchestrator.send(
        instanceId,
        { type: 'approvalVoted', taskId: head.engineTaskId, vote: 'approve' },
        candidateFor(head),
        key,
      );
      expect(voted).toMatchObject({ duplicate: false, revision: completed.revision + 1 });
    });
  });

  describe('the acting user', () => {
    it('is the one the port was given: an actor smuggled into the event is overridden', async () => {
      const { instanceId, revision } = await startLifecycle();
      const task = await openTask(instanceId, 'assess');
      const forged = {
        type: 'taskCompleted',
        taskId: task.engineTaskId,
        data: assessment,
        actor: officer(),
      } as unknown as Parameters<Orchestrator['send']>[1];
      await expect(
        orchestrator.send(instanceId, forged, { userId: db.users.zhuanjia! }, randomUUID()),
      ).rejects.toMatchObject({ code: 'NOT_A_CANDIDATE' });
      expect((await orchestrator.get(instanceId))!.revision).toBe(revision);
    });

    it('may act on a role task only holding the role at a unit the rule reaches', async () => {
      const { instanceId } = await startLifecycle();
      await complete(instanceId, 'assess', assessment);
      const head = await openTask(instanceId, 'headApproval');
      const vote = (actor: Actor) =>
        orchestrator.send(
          instanceId,
          { type: 'approvalVoted', taskId: head.engineTaskId, vote: 'approve' },
          actor,
          randomUUID(),
        );
      // The officer holds another role; the centre supervisor the role at another unit (the rule says `unit`).
      await expect(vote(officer())).rejects.toMatchObject({ code: 'NOT_A_CANDIDATE' });
      await expect(vote({ userId: centreSupervisors[0]! })).rejects.toMatchObject({
        code: 'NOT_A_CANDIDATE',
      });
      await expect(vote({ userId: db.users.zhanzhang! })).resolves.toMatchObject({ duplicate: false });
      // The event log keeps the assignments the decision was made on, so replaying decides the same.
      const { rows } = await runtime.pool.query<{ payload: { actor: unknown } }>(
        `SELECT payload FROM instance_event WHERE instance_id = $1 AND type = 'approvalVoted'`,
        [instanceId],
      );
      expect(rows[0]!.payload.actor).toEqual({
        userId: db.users.zhanzhang,
        assignments: [{ role: 'supervisor', unitId: db.stationId }],
      });
    });

    it('is required for a task action', async () => {
      const { instanceId } = await startLifecycle();
      const task = await openTask(instanceId, 'assess');
      await expect(
        orchestrator.send(
          instanceId,
          { type: 'taskCompleted', taskId: task.engineTaskId, data: assessment },
          null,
          randomUUID(),
        ),
      ).rejects.toMatchObject({ code: 'ACTOR_REQUIRED', messages: { zh: expect.any(String) } });
    });
  });

  describe('errors', () => {
    it('carry the code, both languages and the field errors the engine found', async () => {
      const { instanceId } = await startLifecycle();
      const task = await openTask(instanceId, 'assess');
      const attempt = orchestrator.send(
        instanceId,
        { type: 'taskCompleted', taskId: task.engineTaskId, data: { targetGroup: 7 } },
        officer(),
        randomUUID(),
      );
      await expect(attempt).rejects.toMatchObject({
        code: 'FORM_INVALID',
        messages: { zh: '表单数据不符合要求', en: 'the form data is invalid' },
        details: expect.arrayContaining([
          { field: 'targetGroup', reason: expect.any(String) },
          { field: 'needsSummary', reason: expect.any(String) },
        ]),
      });
      await expect(
        orchestrator.start({
          versionId: db.versionIds['project-lifecycle']!,
          unitId: db.stationId,
          title: '缺少名称',
          input: { unknownField: 1 },
          actor: officer(),
          idempotencyKey: randomUUID(),
        }),
      ).rejects.toMatchObject({
        code: 'INPUT_INVALID',
        messages: { zh: '启动参数无效' },
        details: expect.arrayContaining([
          { field: 'projectName', reason: 'required', reasonZh: '必填' },
          { field: 'unknownField', reason: 'not a declared variable', reasonZh: '不是流程声明的变量' },
        ]),
      });
    });

    it('name the problem: an unknown unit, version or instance each has its own code', async () => {
      const start = (overrides: { versionId?: string; unitId?: string }) =>
        orchestrator.start({
          versionId: db.versionIds['project-lifecycle']!,
          unitId: db.stationId,
          title: 'x',
          input: { projectName: 'x' },
          actor: officer(),
          idempotencyKey: randomUUID(),
          ...overrides,
        });
      await expect(start({ unitId: randomUUID() })).rejects.toMatchObject({
        code: 'UNIT_NOT_FOUND',
        messages: { zh: expect.stringContaining('机构') },
      });
      await expect(start({ versionId: randomUUID() })).rejects.toMatchObject({ code: 'VERSION_NOT_FOUND' });
      await expect(
        orchestrator.send(randomUUID(), { type: 'external', name: 'x' }, null, randomUUID()),
      ).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND', rejected: false });
    });
  });

  it('rejects a command that does not fit the state with the engine reason, writing nothing', async () => {
    const { instanceId, revision } = await startLifecycle();
    const actor = officer();
    const attempt = orchestrator.send(
      instanceId,
      { type: 'taskCompleted', taskId: 'task-99', data: {} },
      actor,
      randomUUID(),
    );
    await expect(attempt).rejects.toBeInstanceOf(OrchestratorError);
    await expect(attempt).rejects.toMatchObject({
      code: 'TASK_NOT_FOUND',
      messages: { zh: '待办 task-99 不存在或已关闭', en: 'task task-99 is not open' },
    });
    expect((await orchestrator.get(instanceId))!.revision).toBe(revision);
  });

  it('serialises two concurrent completions of one task: one applies, the other is refused with the engine reason', async () => {
    const { instanceId } = await startLifecycle();
    const task = await openTask(instanceId, 'assess');
    const actor = officer();
    const event = { type: 'taskCompleted' as const, taskId: task.engineTaskId, data: assessment };
    const results = await Promise.allSettled([
      orchestrator.send(instanceId, event, actor, randomUUID()),
      orchestrator.send(instanceId, event, actor, randomUUID()),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'TASK_NOT_FOUND', rejected: true });
    expect((await orchestrator.get(instanceId))!.revision).toBe(2);
  });

  it('returns the state each command produced, so the caller needs no read after its write', async () => {
    const started = await startLifecycle();
    expect(started.state).toEqual((await orchestrator.get(started.instanceId))!.state);
    expect(Object.values(started.state.tasks).map((t) => t.nodeId)).toEqual(['assess']);
    const done = await complete(started.instanceId, 'assess', assessment);
    expect(done.state.revision).toBe(done.revision);
    expect(done.state).toEqual((await orchestrator.get(started.instanceId))!.state);
    expect(done.state.variables).toMatchObject({ needsSummary: assessment.needsSummary });
    // Shared with the runtime's cache of latest states: a caller cannot change what the next command decides on.
    expect(() => {
      done.state.variables.needsSummary = 'changed by the caller';
    }).toThrow(TypeError);
    const next = await orchestrator.get(started.instanceId);
    expect(next!.state.variables).toMatchObject({ needsSummary: assessment.needsSummary });
  });

  describe('with a second process on the same database', () => {
    // Each orchestrator keeps the states it wrote last; what the other process did must still win.
    let other: ReturnType<typeof createEmbeddedOrchestrator>;
    beforeAll(() => {
      other = createEmbeddedOrchestrator({ databaseUrl: db.db.url, clock: clock.now });
    });
    afterAll(() => other.orchestrator.close());

    it('decides on the stored state when the other process advanced the instance since', async () => {
      const { instanceId } = await startLifecycle();
      const task = await openTask(instanceId, 'assess');
      const actor = officer();
      const event = { type: 'taskCompleted' as const, taskId: task.engineTaskId, data: assessment };
      // The other process completes the task this process still holds open in its cache.
      await other.orchestrator.send(instanceId, event, actor, randomUUID());
      // A vote on the task the other process opened: unknown to the cached state, valid on the stored one.
      await approve(instanceId, 'headApproval');
      expect((await orchestrator.get(instanceId))!.revision).toBe(3);
      // The completion this process's cache once allowed is refused with the engine's reason.
      await expect(orchestrator.send(instanceId, event, actor, randomUUID())).rejects.toMatchObject({
        code: 'TASK_NOT_FOUND',
      });
      expect(
        await count('SELECT count(*) AS n FROM instance_event WHERE instance_id = $1', [instanceId]),
      ).toBe(3);
    });

    it('answers a key the other process applied as a duplicate, even from a stale cached state', async () => {
      const { instanceId } = await startLifecycle();
      const task = await openTask(instanceId, 'assess');
      const actor = officer();
      const event = { type: 'taskCompleted' as const, taskId: task.engineTaskId, data: assessment };
      const key = randomUUID();
      const applied = await other.orchestrator.send(instanceId, event, actor, key);
      // On this process's cached state the command still looks valid; the write's guard says otherwise.
      const repeated = await orchestrator.send(instanceId, event, actor, key);
      expect(repeated).toMatchObject({ duplicate: true, revision: applied.revision });
      expect(
        await count('SELECT count(*) AS n FROM instance_event WHERE instance_id = $1', [instanceId]),
      ).toBe(2);
    });
  });

  describe('effects', () => {
    let server: Server;
    let answers: number[];
    let received: string[];
    let url: string;
    beforeAll(async () => {
      server = createServer((req, res) => {
        received.push(String(req.headers['idempotency-key']));
        res.statusCode = answers.shift() ?? 200;
        res.end('{}');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
    beforeEach(() => {
      answers = [];
      received = [];
    });

    async function startWebhookProcess(key: string) {
      const versionId = await publishDefinition(db.db.url, {
        key,
        name: '回调',
        nodes: [
          { id: 'start', kind: 'start', name: '开始' },
          {
            id: 'call',
            kind: 'action',
            name: '回调',
            action: 'webhook',
            params: { url, body: { hello: 1 } },
          },
          { id: 'done', kind: 'end', name: '完成', outcome: 'called' },
          { id: 'broken', kind: 'end', name: '失败', outcome: 'failed' },
        ],
        edges: [
          { id: 'e1', from: 'start', to: 'call' },
          { id: 'e2', from: 'call', to: 'done' },
          { id: 'e3', from: 'call', to: 'broken', outcome: 'error' },
        ],
      });
      return orchestrator.start({
        versionId,
        unitId: db.stationId,
        title: key,
        input: {},
        actor: officer(),
        idempotencyKey: randomUUID(),
      });
    }

    it('retries a failing effect with backoff, then applies its result once', async () => {
      clock.set('2025-06-01T00:00:00.000Z');
      answers = [500, 503];
      const { instanceId } = await startWebhookProcess('retry-hook');
      await runtime.scheduler.tick();
      const [effect] = (
        await runtime.pool.query<{ next_attempt_at: Date }>(
          'SELECT * FROM pending_effect WHERE instance_id = $1',
          [instanceId],
        )
      ).rows;
      expect(effect).toMatchObject({ status: 'pending', attempts: 1, last_error: 'webhook answered 500' });
      expect(effect!.next_attempt_at.getTime()).toBe(clock.now().getTime() + 1000);
      await runtime.scheduler.tick();
      expect(received).toHaveLength(1); // not due yet
      clock.advance(1000);
      await runtime.scheduler.tick();
      clock.advance(2000);
      await runtime.scheduler.drain();
      expect(received).toHaveLength(3);
      expect(new Set(received).size).toBe(1);
      expect(await orchestrator.get(instanceId)).toMatchObject({
        status: 'completed',
        state: { outcome: 'called' },
      });
      const { rows } = await runtime.pool.query(
        'SELECT status, attempts FROM pending_effect WHERE instance_id = $1',
        [instanceId],
      );
      expect(rows).toEqual([{ status: 'done', attempts: 3 }]);
    });

    it('parks an effect that keeps failing as failed, with its error, and routes the process by its error edge', async () => {
      clock.set('2025-07-01T00:00:00.000Z');
      answers = [500, 500, 500, 500];
      const { instanceId } = await startWebhookProcess('parked-hook');
      for (let i = 0; i < 5; i++) {
        await runtime.scheduler.tick();
        clock.advance(60_000);
      }
      expect(received).toHaveLength(3);
      const { rows } = await runtime.pool.query(
        'SELECT status, attempts, last_error FROM pending_effect WHERE instance_id = $1',
        [instanceId],
      );
      expect(rows).toEqual([{ status: 'failed', attempts: 3, last_error: 'webhook answered 500' }]);
      expect(await orchestrator.get(instanceId)).toMatchObject({
        status: 'completed',
        state: { outcome: 'failed' },
      });
    });

    it("counts every run of a failed action in its incident's attempts, the automatic retries included", async () => {
      clock.set('2025-07-15T00:00:00.000Z');
      const versionId = await publishDefinition(db.db.url, {
        key: 'incident-hook',
        name: '回调（无失败分支）',
        nodes: [
          { id: 'start', kind: 'start', name: '开始' },
          { id: 'call', kind: 'action', name: '回调', action: 'webhook', params: { url } },
          { id: 'done', kind: 'end', name: '完成' },
        ],
        edges: [
          { id: 'e1', from: 'start', to: 'call' },
          { id: 'e2', from: 'call', to: 'done' },
        ],
      });
      const { instanceId } = await orchestrator.start({
        versionId,
        unitId: db.stationId,
        title: 'incident-hook',
        input: {},
        actor: officer(),
        idempotencyKey: randomUUID(),
      });
      const runUntilParked = async () => {
        for (let i = 0; i < 4; i++) {
          await runtime.scheduler.tick();
          clock.advance(60_000);
        }
      };
      answers = [500, 503, 500];
      await runUntilParked();
      expect(received).toHaveLength(3);
      const failed = await orchestrator.get(instanceId);
      expect(failed?.state.incidents?.['incident-1']).toMatchObject({ kind: 'action', attempts: 3 });
      // An operator's retry runs it again with its own automatic retries: one incident, six runs.
      answers = [500, 500, 500];
      await orchestrator.send(
        instanceId,
        { type: 'incidentRetried', incidentId: 'incident-1' },
        { userId: db.users.zhanzhang! },
        randomUUID(),
      );
      await runUntilParked();
      expect(received).toHaveLength(6);
      const failedAgain = await orchestrator.get(instanceId);
      expect(failedAgain?.state.incidents?.['incident-1']).toMatchObject({ status: 'open', attempts: 6 });
    });

    it('parks a client error at once instead of retrying it', async () => {
      clock.set('2025-08-01T00:00:00.000Z');
      answers = [404];
      const { instanceId } = await startWebhookProcess('missing-hook');
      await runtime.scheduler.drain();
      expect(received).toHaveLength(1);
      const { rows } = await runtime.pool.query(
        'SELECT status, attempts FROM pending_effect WHERE instance_id = $1',
        [instanceId],
      );
      expect(rows).toEqual([{ status: 'failed', attempts: 1 }]);
    });

    it('lets two schedulers on one database share the work without running an effect twice', async () => {
      clock.set('2025-09-01T00:00:00.000Z');
      const second = createEmbeddedOrchestrator({ databaseUrl: db.db.url, clock: clock.now });
      try {
        const started = [];
        for (let i = 0; i < 8; i++) started.push(await startWebhookProcess(`shared-hook-${i}`));
        await Promise.all([runtime.scheduler.drain(), second.scheduler.drain(), runtime.scheduler.drain()]);
        expect(received).toHaveLength(8);
        expect(new Set(received).size).toBe(8);
        for (const { instanceId } of started) {
          expect(await orchestrator.get(instanceId)).toMatchObject({
            status: 'completed',
            state: { outcome: 'called' },
          });
        }
      } finally {
        await second.orchestrator.close();
      }
    });
  });
});
