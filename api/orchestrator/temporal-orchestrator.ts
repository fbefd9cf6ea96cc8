// The Orchestrator port on Temporal: one processWorkflow per instance (workflow id = instance id).
// Commands go in as the `command` update, whose validator answers synchronously; reads come from
// the projection rows in Postgres, which the workflow's recordTransition activity writes.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  ApplicationFailure,
  Client,
  Connection,
  type ConnectionOptions,
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdReusePolicy,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import type { Pool } from 'pg';
import { createCalendarRevisions } from '../../activities/calendar-revisions';
import { calendarOf } from '../../activities/working-day-calendar';
import { initialState, migrateState, type Rejection, step } from '../../workflows/engine';
import { createDefinitionStore } from '../runtime/definition-store';
import {
  commandUpdate,
  type CommandInput,
  type CommandOutcome,
  migrateUpdate,
  type ProcessWorkflowArgs,
  settledUpdate,
} from '../../workflows/temporal/process-messages';
import { type processWorkflow, TRANSITION_NOT_RECORDED } from '../../workflows/temporal/process.workflow';
import { eventFor, startedEvent } from './command-events';
import { migrationSubject } from './migration-target';
import {
  type CommandResult,
  instanceIdForStart,
  type Orchestrator,
  OrchestratorError,
  scopedKey,
  type StartCommand,
} from './orchestrator';
import { listOpenTaskRows, readInstanceView } from './projection-reads';

export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
  tls?: { certPath?: string; keyPath?: string; caPath?: string };
}

/**
 * Temporal's own variables: TEMPORAL_ADDRESS (host:port), TEMPORAL_NAMESPACE (default `default`),
 * TEMPORAL_TASK_QUEUE (default `shegong-flow`); TLS when TEMPORAL_TLS=true or any of
 * TEMPORAL_TLS_CERT / TEMPORAL_TLS_KEY (client certificate pair, PEM files) / TEMPORAL_TLS_CA (server CA, PEM file) is set.
 */
export function temporalSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): TemporalSettings {
  const address = env.TEMPORAL_ADDRESS;
  if (!address) throw new Error('TEMPORAL_ADDRESS is not set');
  const tlsFiles = {
    certPath: env.TEMPORAL_TLS_CERT,
    keyPath: env.TEMPORAL_TLS_KEY,
    caPath: env.TEMPORAL_TLS_CA,
  };
  const useTls = env.TEMPORAL_TLS === 'true' || Object.values(tlsFiles).some(Boolean);
  if (Boolean(tlsFiles.certPath) !== Boolean(tlsFiles.keyPath))
    throw new Error('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY must be set together');
  return {
    address,
    namespace: env.TEMPORAL_NAMESPACE || 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE || 'shegong-flow',
    ...(useTls
      ? {
          tls: Object.fromEntries(Object.entries(tlsFiles).filter(([, v]) => v)),
        }
      : {}),
  };
}

/** Connection options for both the client and the worker's NativeConnection. */
export function temporalConnectionOptions(
  settings: TemporalSettings,
): Pick<ConnectionOptions, 'address' | 'tls'> {
  const tls = settings.tls;
  if (!tls) return { address: settings.address };
  return {
    address: settings.address,
    tls: {
      ...(tls.caPath ? { serverRootCACertificate: readFileSync(tls.caPath) } : {}),
      ...(tls.certPath && tls.keyPath
        ? { clientCertPair: { crt: readFileSync(tls.certPath), key: readFileSync(tls.keyPath) } }
        : {}),
    },
  };
}

export interface TemporalOrchestratorOptions {
  pool: Pool;
  settings: TemporalSettings;
  /** An existing client (tests); otherwise one is connected from the settings. */
  client?: Client;
}

/** The port's error for a failed update: the engine's rejection, or a transition that was not recorded. */
function updateError(failure: ApplicationFailure): OrchestratorError {
  const [detail] = failure.details ?? [];
  if (failure.type === TRANSITION_NOT_RECORDED)
    return new OrchestratorError(
      'TRANSITION_NOT_RECORDED',
      (detail as { message: Rejection['message'] }).message,
      {
        cause: failure,
      },
    );
  return OrchestratorError.fromRejection(detail as Rejection);
}

export async function createTemporalOrchestrator(
  options: TemporalOrchestratorOptions,
): Promise<Orchestrator> {
  const { pool, settings } = options;
  const ownsConnection = !options.client;
  const client =
    options.client ??
    new Client({
      connection: await Connection.connect(temporalConnectionOptions(settings)),
      namespace: settings.namespace,
    });

  const definitions = createDefinitionStore(pool);
  // Commands carry the admins' calendar as it stands when they are sent, so the workflow decides
  // with it and its history keeps it for replay.
  const calendars = createCalendarRevisions(pool);
  const readInstance = (instanceId: string) => readInstanceView(pool, instanceId);

  async function toOrchestratorError(error: unknown, instanceId: string): Promise<unknown> {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure)
      return updateError(error.cause);
    if (error instanceof WorkflowNotFoundError) {
      // A closed workflow no longer takes updates: the instance has ended, which the engine would reject too.
      const instance = await readInstance(instanceId);
      if (instance)
        return new OrchestratorError('NOT_RUNNING', {
          zh: '流程实例未在运行',
          en: `the instance is ${instance.status}, not running`,
        });
      return instanceNotFound(instanceId);
    }
    return error;
  }

  /**
   * The update answers once the transition is in Postgres, so the projection holds its state (or a
   * later one). Without an outcome (the workflow has closed) the row is all there is to answer with.
   */
  async function result(
    instanceId: string,
    duplicate: boolean,
    outcome?: CommandOutcome,
  ): Promise<CommandResult> {
    const instance = await readInstance(instanceId);
    if (!instance) throw instanceNotFound(instanceId);
    const { state } = instance;
    return {
      instanceId,
      revision: outcome?.revision ?? instance.revision,
      status: outcome?.status ?? state.status,
      duplicate,
      state,
    };
  }

  /** Whether the instance's log holds a transition made under this (caller-scoped) key. */
  async function logged(instanceId: string, idempotencyKey: string): Promise<boolean> {
    const { rowCount } = await pool.query(
      'SELECT 1 FROM instance_event WHERE instance_id = $1 AND idempotency_key = $2 LIMIT 1',
      [instanceId, idempotencyKey],
    );
    return (rowCount ?? 0) > 0;
  }

  async function command(instanceId: string, input: CommandInput): Promise<CommandResult> {
    try {
      const outcome = await client.workflow
        .getHandle<typeof processWorkflow>(instanceId)
        .executeUpdate(commandUpdate, { args: [input] });
      return await result(instanceId, outcome.duplicate, outcome);
    } catch (error) {
      // A closed workflow takes no updates, but a repeat of a key it accepted is still a duplicate,
      // as on the embedded runtime (e.g. a client re-sending the command that closed the instance).
      if (
        error instanceof WorkflowNotFoundError &&
        input.idempotencyKey &&
        (await logged(instanceId, input.idempotencyKey))
      )
        return result(instanceId, true);
      throw await toOrchestratorError(error, instanceId);
    }
  }

  return {
    kind: 'temporal',

    async start(command: StartCommand): Promise<CommandResult> {
      const definition = await definitions.byVersion(command.versionId);
      const started = await startedEvent(pool, command);
      const calendar = await calendars.current();
      // The engine is pure: dry-run `started` here so an invalid input is refused before a workflow exists.
      const dryRun = step(definition, initialState(), started, new Date().toISOString(), {
        calendar: calendarOf(calendar),
      });
      if (!dryRun.ok) throw OrchestratorError.fromRejection(dryRun.rejection);
      const instanceId = instanceIdForStart(command);
      const args: ProcessWorkflowArgs = {
        instanceId,
        definition,
        meta: {
          versionId: command.versionId,
          unitId: command.unitId,
          title: command.title,
          ...(command.businessKey === undefined ? {} : { businessKey: command.businessKey }),
          ...(command.parentId === undefined ? {} : { parentId: command.parentId }),
        },
        input: command.input,
        actor: started.actor,
        idempotencyKey: scopedKey(command.actor, command.idempotencyKey),
        ...(started.unitAncestors ? { unitAncestors: started.unitAncestors } : {}),
        calendar,
        ...(started.unitHeads ? { unitHeads: started.unitHeads } : {}),
      };
      let duplicate = false;
      try {
        await client.workflow.start('processWorkflow', {
          workflowId: instanceId,
          taskQueue: settings.taskQueue,
          args: [args],
          // An instance id is used once, even after its workflow has closed.
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        duplicate = true;
      }
      try {
        // Wait until the started transition is in Postgres, so the caller can read its own write.
        const outcome = await client.workflow.getHandle(instanceId).executeUpdate(settledUpdate);
        return await result(instanceId, duplicate, outcome);
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
        return result(instanceId, duplicate);
      }
    },

    async send(instanceId, event, actor, idempotencyKey) {
      return command(instanceId, {
        event: await eventFor(pool, event, actor),
        actorId: actor?.userId ?? null,
        idempotencyKey: scopedKey(actor, idempotencyKey),
        calendar: await calendars.current(),
      });
    },

    async cancel(instanceId, actor, reason, idempotencyKey) {
      return command(instanceId, {
        event: { type: 'cancelled', actor: { userId: actor.userId }, reason },
        actorId: actor.userId,
        idempotencyKey: scopedKey(actor, idempotencyKey),
        calendar: await calendars.current(),
      });
    },

    async migrate(instanceId, targetVersionId, mapping, actor, idempotencyKey = randomUUID()) {
      const key = scopedKey(actor, idempotencyKey);
      const subject = await migrationSubject(pool, instanceId, targetVersionId, key);
      if ('outcome' in subject) return subject.outcome;
      const definition = await definitions.byVersion(targetVersionId);
      // The projection holds what the workflow recorded: a refusal here needs no workflow (a closed
      // one takes no updates); the workflow decides again on its own state in turn.
      const dryRun = migrateState(
        subject.state,
        await definitions.byVersion(subject.fromVersionId),
        definition,
        mapping,
      );
      if (!dryRun.ok) return { migrated: false, reasons: dryRun.reasons };
      try {
        return await client.workflow
          .getHandle<typeof processWorkflow>(instanceId)
          .executeUpdate(migrateUpdate, {
            args: [
              { versionId: targetVersionId, definition, mapping, actorId: actor.userId, idempotencyKey: key },
            ],
          });
      } catch (error) {
        throw await toOrchestratorError(error, instanceId);
      }
    },

    get: readInstance,

    listOpenTasks: (filter) => listOpenTaskRows(pool, filter),

    async close(): Promise<void> {
      if (ownsConnection) await client.connection.close();
    },
  };
}

function instanceNotFound(instanceId: string): OrchestratorError {
  return new OrchestratorError('INSTANCE_NOT_FOUND', {
    zh: `流程实例 ${instanceId} 不存在`,
    en: `instance ${instanceId} not found`,
  });
}
