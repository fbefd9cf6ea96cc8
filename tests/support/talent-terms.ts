// Published talents with their terms, made the way a published round makes them (the team's
// contract: one talent per selected application, one term from the publish date for the round's
// years at its monthly amount), and the talent-term process started for each, as the round's
// subprocess node starts it. Shared by the embedded ledger tests, the Temporal parity test and the
// journeys.
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Orchestrator } from '../../api/orchestrator/orchestrator';
import { addYears, ZRoundConfig } from '../../workflows/talent';
import type { TApplicationEntryInput } from '../../api/talent/talent.types';
import { applicationEntryFor } from './talent-entries';

/** The calendar date of an instant in Asia/Shanghai, `YYYY-MM-DD`. */
export function shanghaiDate(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(at);
}

export interface PublishedTalent {
  talentId: string;
  termId: string;
  roundId: string;
  personName: string;
  roundName: string;
  startsOn: string;
}

/** A published round of the county centre's selection office (demo unit LC, created by `xuanba`). */
export async function publishedRound(
  pool: Pool,
  title: string,
): Promise<{ roundId: string; roundName: string }> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO talent_round (id, unit_id, title, status, config, window_starts_on, window_ends_on, reference_date, created_by_id)
     SELECT gen_random_uuid(), u.id, $1, 'published', $2, '2026-01-05', '2026-02-05', '2025-12-31', a.id
     FROM org_unit u, app_user a WHERE u.code = 'LC' AND a.username = 'xuanba' RETURNING id`,
    [title, JSON.stringify(ZRoundConfig.parse({}))],
  );
  return { roundId: rows[0]!.id, roundName: title };
}

/** Person `n` (talent-entries numbering) selected in the round, published with a term from `startsOn`. */
export async function publishedTalent(
  pool: Pool,
  round: { roundId: string; roundName: string },
  n: number,
  startsOn: string,
  overrides: Pick<Partial<TApplicationEntryInput>, 'field'> = {},
): Promise<PublishedTalent> {
  const entry = applicationEntryFor(n, overrides);
  const id = (rows: { id: string }[]) => rows[0]!.id;
  const candidateId = id(
    (
      await pool.query<{ id: string }>(
        `INSERT INTO talent_candidate (id, identity_number, name, gender, birth_date, phone)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5) RETURNING id`,
        [entry.identityNumber, entry.name, entry.gender, entry.birthDate, entry.phone],
      )
    ).rows,
  );
  const dossierId = id(
    (
      await pool.query<{ id: string }>(
        `INSERT INTO talent_dossier (id, candidate_id, employer_name, unit_type, field, social_work_since, social_work_years)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          candidateId,
          entry.employerName,
          entry.unitType,
          entry.field,
          entry.socialWorkSince,
          entry.socialWorkYears,
        ],
      )
    ).rows,
  );
  const applicationId = id(
    (
      await pool.query<{ id: string }>(
        `INSERT INTO talent_application (id, round_id, candidate_id, dossier_id, status, source, created_by_id)
         SELECT gen_random_uuid(), $1, $2, $3, 'selected', 'entered', id FROM app_user WHERE username = 'xuanba'
         RETURNING id`,
        [round.roundId, candidateId, dossierId],
      )
    ).rows,
  );
  const talentId = id(
    (
      await pool.query<{ id: string }>(
        `INSERT INTO talent (id, candidate_id, round_id, application_id, published_at)
         VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`,
        [candidateId, round.roundId, applicationId],
      )
    ).rows,
  );
  const { allowance } = ZRoundConfig.parse({});
  const termId = id(
    (
      await pool.query<{ id: string }>(
        `INSERT INTO talent_term (id, talent_id, starts_on, ends_on, monthly_amount_yuan)
         VALUES (gen_random_uuid(), $1, $2, $3, $4) RETURNING id`,
        [talentId, startsOn, addYears(startsOn, allowance.termYears), allowance.monthlyAmountYuan],
      )
    ).rows,
  );
  return {
    talentId,
    termId,
    roundId: round.roundId,
    personName: entry.name,
    roundName: round.roundName,
    startsOn,
  };
}

/** The latest published version of the built-in talent term (or of another key, e.g. a `-fast` copy). */
export async function termVersionId(pool: Pool, key = 'talent-term'): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT v.id FROM process_definition_version v JOIN process_definition d ON d.id = v.definition_id
     WHERE d.key = $1 AND v.status = 'published' ORDER BY v.version DESC LIMIT 1`,
    [key],
  );
  return rows[0]!.id;
}

/** Starts the talent's term process at the county centre, as the round's subprocess node does. */
export async function startTerm(
  pool: Pool,
  orchestrator: Orchestrator,
  talent: PublishedTalent,
  options: { versionId: string },
): Promise<string> {
  const { rows } = await pool.query<{ unit: string; office: string }>(
    `SELECT (SELECT id FROM org_unit WHERE code = 'LC') AS unit, (SELECT id FROM app_user WHERE username = 'xuanba') AS office`,
  );
  const { instanceId } = await orchestrator.start({
    versionId: options.versionId,
    unitId: rows[0]!.unit,
    // As the round's subprocess node titles it (its childTitle).
    title: `${talent.personName}·人才管理期`,
    input: { talentId: talent.talentId, personName: talent.personName, roundName: talent.roundName },
    actor: { userId: rows[0]!.office },
    idempotencyKey: randomUUID(),
  });
  return instanceId;
}

export interface LedgerLine {
  termYear: number;
  kind: 'due' | 'paid';
  months: number;
  amountYuan: number;
}

/** The term's ledger in the order it was written. */
export async function ledgerOf(pool: Pool, talentId: string): Promise<LedgerLine[]> {
  const { rows } = await pool.query<{
    termYear: number;
    kind: 'due' | 'paid';
    months: number;
    amountYuan: string;
  }>(
    `SELECT e.term_year AS "termYear", e.kind, e.months, e.amount_yuan::text AS "amountYuan"
     FROM talent_allowance_entry e JOIN talent_term t ON t.id = e.term_id WHERE t.talent_id = $1 ORDER BY e.id`,
    [talentId],
  );
  return rows.map((row) => ({ ...row, amountYuan: Number(row.amountYuan) }));
}

/** The talent's status events, oldest first: kind and effective date. */
export async function statusEventsOf(pool: Pool, talentId: string) {
  const { rows } = await pool.query<{ kind: string; effectiveOn: string }>(
    `SELECT kind, to_char(effective_on, 'YYYY-MM-DD') AS "effectiveOn" FROM talent_status_event
     WHERE talent_id = $1 ORDER BY id`,
    [talentId],
  );
  return rows;
}

/** Polls `check` every quarter second until it gives a value (the runtime writes after the command returns). */
export async function until<T>(what: string, check: () => Promise<T | undefined>, polls = 120): Promise<T> {
  for (let poll = 0; poll < polls; poll += 1) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}
