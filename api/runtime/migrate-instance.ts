// The embedded runtime's migration of one instance to another version: read the state, let the
// engine migrate it, write it with the new version, the `migrated` event and the re-pointed task
// rows in one statement guarded by the revision it was decided on. A command that got there first
// makes it decide again. Timers stay in the state (their ids and due times do not change) and
// pending effects name actions, not nodes, so the scheduler carries on with them unchanged.
import type { Pool } from 'pg';
import { writeMigration } from '../../activities/instance-migration';
import { migrateState, repointedTasks } from '../../workflows/engine';
import { migrationSubject } from '../orchestrator/migration-target';
import { OrchestratorError, type MigrationOutcome } from '../orchestrator/orchestrator';
import type { CommandDeps } from './apply-command';

export interface MigrateCommand {
  instanceId: string;
  targetVersionId: string;
  mapping: Record<string, string>;
  actorId: string;
  /** Scoped to the actor already. */
  idempotencyKey: string;
}

const MAX_ATTEMPTS = 20;

export async function migrateInstance(
  pool: Pool,
  deps: Pick<CommandDeps, 'definitions' | 'clock' | 'instances'>,
  cmd: MigrateCommand,
): Promise<MigrationOutcome> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const subject = await migrationSubject(pool, cmd.instanceId, cmd.targetVersionId, cmd.idempotencyKey);
    if ('outcome' in subject) return subject.outcome;
    const from = await deps.definitions.byVersion(subject.fromVersionId);
    const to = await deps.definitions.byVersion(cmd.targetVersionId);
    const result = migrateState(subject.state, from, to, cmd.mapping);
    if (!result.ok) return { migrated: false, reasons: result.reasons };
    const written = await writeMigration(pool, {
      instanceId: cmd.instanceId,
      fromVersionId: subject.fromVersionId,
      toVersionId: cmd.targetVersionId,
      mapping: cmd.mapping,
      actorId: cmd.actorId,
      idempotencyKey: cmd.idempotencyKey,
      at: deps.clock().toISOString(),
      state: result.state,
      tasks: repointedTasks(result.state, to),
    });
    // The cached state names the old version: the next command reads the row again.
    deps.instances.delete(cmd.instanceId);
    if (written) return { migrated: true, revision: result.state.revision, duplicate: false };
  }
  throw new OrchestratorError('CONFLICT', {
    zh: `流程实例 ${cmd.instanceId} 在迁移期间不断变化，请重试`,
    en: `instance ${cmd.instanceId} kept changing during the migration; try again`,
  });
}
