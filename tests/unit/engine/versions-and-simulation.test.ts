import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInDefinitions, projectLifecycle, talentTerm } from '../../../workflows/definitions';
import {
  contentHash,
  migrateState,
  processDefinitionJsonSchema,
  simulate,
  type TimedEvent,
} from '../../../workflows/engine';
import { definition, drive } from './drive';

const root = join(__dirname, '..', '..', '..');

describe('content hash', () => {
  it('is stable under key order and layout moves, and changes with behaviour', () => {
    const base = structuredClone(projectLifecycle);
    const reverseKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverseKeys)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([key, inner]) => [key, reverseKeys(inner)]),
            )
          : value;
    const reordered = reverseKeys(base) as typeof base;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(base));
    const moved = { ...base, nodes: base.nodes.map((node) => ({ ...node, position: { x: 1, y: 2 } })) };
    const renamed = {
      ...base,
      nodes: base.nodes.map((node) => (node.id === 'plan' ? { ...node, name: '项目计划书' } : node)),
    };
    expect(contentHash(base)).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
    expect(contentHash(reordered)).toBe(contentHash(base));
    expect(contentHash(moved)).toBe(contentHash(base));
    expect(contentHash(renamed)).not.toBe(contentHash(base));
  });

  it('differs between the built-in definitions', () => {
    const hashes = Object.values(builtInDefinitions).map(contentHash);
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});

describe('state migration', () => {
  const v1 = talentTerm;
  const run = () => {
    const driver = drive(v1, {
      talentId: '0b7e4c52-8a1d-4c39-9f0e-3d2a6b1c5e71',
      personName: '张敏',
      roundName: '2025 年度',
    });
    driver.finishAction('beginTerm', {
      termYears: 4,
      yearEnds: ['2026-03-01', '2027-03-01', '2028-03-01', '2029-03-01'],
    });
    driver.fire();
    driver.finishAction('payAllowance');
    return driver; // waiting at annualAssessment with reminder and escalation timers
  };

  it('moves tokens, tasks and timers to renamed nodes and adds new variables with their defaults', () => {
    const v2 = definition({
      ...v1,
      version: v1.version + 1,
      variables: [...v1.variables, { name: 'trainingHours', type: 'number', default: 0 }],
      nodes: v1.nodes.map((node) =>
        node.id === 'annualAssessment' ? { ...node, id: 'yearlyReview' } : node,
      ),
      edges: v1.edges.map((edge) => ({
        ...edge,
        from: edge.from === 'annualAssessment' ? 'yearlyReview' : edge.from,
        to: edge.to === 'annualAssessment' ? 'yearlyReview' : edge.to,
      })),
    });
    const driver = run();
    const result = migrateState(driver.state, v1, v2, { annualAssessment: 'yearlyReview' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.values(result.state.tasks).map((task) => task.nodeId)).toEqual(['yearlyReview']);
    expect(Object.values(result.state.timers).every((timer) => timer.nodeId === 'yearlyReview')).toBe(true);
    expect(result.state.variables.trainingHours).toBe(0);
    expect(result.state.revision).toBe(driver.state.revision + 1);
  });

  it('refuses with reasons when open work has no counterpart or changes kind', () => {
    const v2 = definition({
      ...v1,
      version: v1.version + 1,
      nodes: v1.nodes.map((node) =>
        node.id === 'annualAssessment'
          ? {
              id: 'annualAssessment',
              kind: 'timer',
              name: '改为定时',
              timer: { type: 'duration', duration: 'P1D' },
            }
          : node,
      ),
    });
    const result = migrateState(run().state, v1, v2, {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(new Set(result.reasons.map((reason) => reason.code))).toEqual(new Set(['KIND_CHANGED']));
    expect(result.reasons.map((reason) => reason.id)).toEqual(
      expect.arrayContaining(['token-1', 'task-1', 'timer-2', 'timer-3']),
    );
    const missing = migrateState(run().state, v1, v2, { annualAssessment: 'gone' });
    expect(!missing.ok && missing.reasons.every((reason) => reason.code === 'NODE_UNMAPPED')).toBe(true);
  });
});

describe('simulation', () => {
  it.each(Object.keys(builtInDefinitions))(
    'drives %s through its documented example events to completion',
    (key) => {
      const file = JSON.parse(
        readFileSync(join(root, 'docs', 'engine', 'examples', `${key}.events.json`), 'utf8'),
      ) as { events: TimedEvent[] };
      const { trace, final } = simulate(builtInDefinitions[key]!, file.events);
      expect(trace.every((entry) => entry.ok)).toBe(true);
      expect(final.status).toBe('completed');
    },
  );

  it('records rejected events in the trace and carries on', () => {
    const { trace, final } = simulate(projectLifecycle, [
      { at: '2025-01-01T00:00:00Z', event: { type: 'timerFired', timerId: 'timer-1' } },
      {
        at: '2025-01-01T00:00:00Z',
        event: { type: 'started', input: { projectName: '试运行' }, actor: { userId: 'u1' } },
      },
    ]);
    expect(trace.map((entry) => [entry.ok, entry.rejection?.code])).toEqual([
      [false, 'NOT_RUNNING'],
      [true, undefined],
    ]);
    expect(final.revision).toBe(1);
  });
});

describe('published JSON Schema', () => {
  it('matches the zod schema it is generated from', () => {
    const published = JSON.parse(
      readFileSync(join(root, 'docs', 'engine', 'process-definition.schema.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(published).toEqual({ title: 'Shegong Flow process definition', ...processDefinitionJsonSchema() });
  });
});
