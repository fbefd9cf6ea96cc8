// The talent-term process's actions over the term's rows: link the term to its process, pay the
// allowance into the ledger, stop benefits, revoke the title, and record assessments and status
// events. What is due comes from the pure ledger (workflows/talent/allowance.ts); each action runs in
// one transaction holding the term row, so concurrent payers wait for each other, and is idempotent
// by the effect's key: ledger rows carry it in their unique key, status events in their detail.
import type { Pool } from 'pg';
import { z } from 'zod';
import { actionCatalog, ZApprovalVotes } from '../workflows/engine';
import {
  ASSESSMENT_RATINGS,
  buildAllowanceLedger,
  checkAllowancePayment,
  decideReapplication,
  nextAllowancePayment,
  ZRoundConfig,
  type AllowanceLedger,
  type AllowanceOptions,
  type TermStop,
} from '../workflows/talent';
import { NonRetryableActionError, type ActionRequest } from './run-action';
import type { Sql } from './sql';
import { leadersComments, recordLeadingDecision } from './talent-leading-decisions';

const isoDate = z.iso.date();
const talentId = z.uuid();

/** Version 2's parameters: the catalogue also accepts version 1's, which always failed and still do. */
const termActionParams = {
  beginTerm: actionCatalog.beginTerm.params,
  payAllowance: z.strictObject({ talentId, termYear: z.number().int().positive().optional(), asOf: isoDate }),
  stopBenefits: z.strictObject({
    talentId,
    reason: z.enum(['leftSocialWork', 'movedOutOfCity', 'revoked']),
    effectiveOn: isoDate,
    note: z.string().nullish(),
    asOf: isoDate,
  }),
  revokeTitle: z.strictObject({
    talentId,
    effectiveOn: isoDate,
    note: z.string().nullish(),
    leadingDecision: ZApprovalVotes.nullish(),
  }),
  recordAssessment: actionCatalog.recordAssessment.params,
  recordTermEvent: actionCatalog.recordTermEvent.params,
};
export type TalentTermAction = keyof typeof termActionParams;

function params<A extends TalentTermAction>(
  action: A,
  request: ActionRequest,
): z.infer<(typeof termActionParams)[A]> {
  const parsed = termActionParams[action].safeParse(request.params);
  if (!parsed.success)
    throw new NonRetryableActionError(
      `${action} takes the parameters of talent-term version 2: ${parsed.error.message}`,
    );
  return parsed.data as z.infer<(typeof termActionParams)[A]>;
}

interface TermRow {
  id: string;
  talentId: string;
  startsOn: string;
  endsOn: string;
  monthlyAmountYuan: string;
  benefitsStoppedOn: string | null;
  revokedOn: string | null;
  instanceId: string | null;
  config: unknown;
}

/** An activity gets a pool (one transaction of its own) or a client already inside a transaction. */
async function inTransaction<T>(sql: Sql, work: (tx: Sql) => Promise<T>): Promise<T> {
  if (!('connect' in sql)) return work(sql);
  const client = await (sql as Pool).connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function lockTerm(tx: Sql, talentId: string): Promise<TermRow> {
  const { rows } = await tx.query<TermRow>(
    `SELECT tt.id, tt.talent_id AS "talentId", to_char(tt.starts_on, 'YYYY-MM-DD') AS "startsOn",
            to_char(tt.ends_on, 'YYYY-MM-DD') AS "endsOn", tt.monthly_amount_yuan::text AS "monthlyAmountYuan",
            to_char(tt.benefits_stopped_on, 'YYYY-MM-DD') AS "benefitsStoppedOn",
            to_char(tt.revoked_on, 'YYYY-MM-DD') AS "revokedOn", tt.instance_id AS "instanceId", r.config
     FROM talent_term tt JOIN talent t ON t.id = tt.talent_id JOIN talent_round r ON r.id = t.round_id
     WHERE tt.talent_id = $1 FOR UPDATE OF tt`,
    [talentId],
  );
  const term = rows[0];
  if (!term) throw new NonRetryableActionError(`talent ${talentId} has no term`);
  return term;
}

const roundConfigOf = (term: TermRow) => ZRoundConfig.parse(term.config);

/** The round's allowance options with the amount the term copied when it started. */
function allowanceOptionsOf(term: TermRow): AllowanceOptions {
  return { ...roundConfigOf(term).allowance, monthlyAmountYuan: Number(term.monthlyAmountYuan) };
}

/** The earlier of a stop of benefits and a revocation: the allowance stops at the first. */
export function termStopOf(term: Pick<TermRow, 'benefitsStoppedOn' | 'revokedOn'>): TermStop | undefined {
  const stops: TermStop[] = [];
  if (term.benefitsStoppedOn)
    stops.push({ kind: 'benefitsStopped', effectiveOn: term.benefitsStoppedOn, reason: 'benefitsStopped' });
  if (term.revokedOn) stops.push({ kind: 'revoked', effectiveOn: term.revokedOn, reason: 'revoked' });
  return stops.sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn))[0];
}

const toFen = (yuan: string) => Math.round(Number(yuan) * 100);
const toYuan = (fen: number) => (fen / 100).toFixed(2);

async function ledgerOf(tx: Sql, term: TermRow, asOf: string): Promise<AllowanceLedger> {
  const { rows } = await tx.query<{ termYear: number; amountYuan: string; paidOn: string }>(
    `SELECT term_year AS "termYear", amount_yuan::text AS "amountYuan",
            to_char(recorded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "paidOn"
     FROM talent_allowance_entry WHERE term_id = $1 AND kind = 'paid' ORDER BY id`,
    [term.id],
  );
  const stop = termStopOf(term);
  return buildAllowanceLedger(
    {
      termStart: term.startsOn,
      ...(stop ? { stop } : {}),
      payments: rows.map((row) => ({
        termYear: row.termYear,
        amountFen: toFen(row.amountYuan),
        paidOn: row.paidOn,
      })),
      asOf,
    },
    allowanceOptionsOf(term),
  );
}

/**
 * Records what a year owes (`due`, once per year) and its payment (`paid`, the outstanding sum) when
 * the ledger allows the payment at `asOf`; otherwise nothing. Keys derive from the effect's key.
 */
async function payYear(
  tx: Sql,
  term: TermRow,
  ledger: AllowanceLedger,
  termYear: number,
  asOf: string,
  key: string,
) {
  const row = ledger.rows.find((r) => r.termYear === termYear);
  if (!row) return false;
  const problem = checkAllowancePayment(ledger, { termYear, amountFen: row.outstandingFen, paidOn: asOf });
  if (problem) return false;
  await tx.query(
    `INSERT INTO talent_allowance_entry (term_id, term_year, kind, months, amount_yuan, idempotency_key, note)
     SELECT $1, $2, 'due', $3, $4::numeric, $5, $6
     WHERE NOT EXISTS (SELECT 1 FROM talent_allowance_entry WHERE term_id = $1 AND term_year = $2 AND kind = 'due')
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [
      term.id,
      termYear,
      row.monthsDue,
      toYuan(row.amountDueFen),
      `${key}/year-${termYear}/due`,
      row.message.zh,
    ],
  );
  await tx.query(
    `INSERT INTO talent_allowance_entry (term_id, term_year, kind, months, amount_yuan, idempotency_key, note)
     VALUES ($1, $2, 'paid', $3, $4::numeric, $5, $6) ON CONFLICT (idempotency_key) DO NOTHING`,
    [
      term.id,
      termYear,
      row.monthsDue,
      toYuan(row.outstandingFen),
      `${key}/year-${termYear}/paid`,
      row.message.zh,
    ],
  );
  return true;
}

/** Pays every year due at `asOf`, earliest first, rebuilding the ledger after each payment. */
async function payEverythingDue(tx: Sql, term: TermRow, asOf: string, key: string) {
  for (;;) {
    const ledger = await ledgerOf(tx, term, asOf);
    const next = nextAllowancePayment(ledger);
    if (!next || !(await payYear(tx, term, ledger, next.termYear, asOf, key))) return;
  }
}

/** What this effect paid, read back by its key, so a retried action reports what the first attempt did. */
async function paidByEffect(tx: Sql, key: string) {
  const { rows } = await tx.query<{ termYear: number; months: number; amountYuan: string }>(
    `SELECT term_year AS "termYear", months, amount_yuan::text AS "amountYuan" FROM talent_allowance_entry
     WHERE kind = 'paid' AND left(idempotency_key, length($1) + 1) = $1 || '/' ORDER BY term_year`,
    [key],
  );
  return rows.map((row) => ({
    termYear: row.termYear,
    months: row.months,
    amountYuan: Number(row.amountYuan),
  }));
}

/** True when this effect already wrote its status events (an earlier attempt committed). */
async function alreadyRecorded(tx: Sql, talentId: string, key: string): Promise<boolean> {
  const { rows } = await tx.query(
    `SELECT 1 FROM talent_status_event WHERE talent_id = $1 AND detail->>'idempotencyKey' = $2 LIMIT 1`,
    [talentId, key],
  );
  return rows.length > 0;
}

type StatusKind =
  | 'left_social_work'
  | 'moved_away'
  | 'misconduct_reported'
  | 'misconduct_verified'
  | 'misconduct_dismissed'
  | 'revocation_approved'
  | 'revocation_returned'
  | 'revoked'
  | 'benefits_stopped'
  | 'annual_assessment'
  | 'term_ended';

async function recordStatus(
  tx: Sql,
  talentId: string,
  kind: StatusKind,
  effectiveOn: string,
  detail: Record<string, unknown>,
) {
  await tx.query(
    `INSERT INTO talent_status_event (talent_id, kind, effective_on, detail) VALUES ($1, $2::"TalentStatusEventKind", $3::date, $4)`,
    [talentId, kind, effectiveOn, JSON.stringify(detail)],
  );
}

const revocationOf = (talentId: string) => ({ subject: 'revocation', talentId }) as const;

function checkWithinTerm(term: TermRow, effectiveOn: string) {
  if (effectiveOn < term.startsOn || effectiveOn >= term.endsOn)
    throw new NonRetryableActionError(
      `effective date ${effectiveOn} is outside the term ${term.startsOn} – ${term.endsOn}`,
    );
}

export async function runTalentTermAction(sql: Sql, action: TalentTermAction, request: ActionRequest) {
  const key = request.idempotencyKey;
  switch (action) {
    case 'beginTerm': {
      const p = params('beginTerm', request);
      return inTransaction(sql, async (tx) => {
        const term = await lockTerm(tx, p.talentId);
        if (term.instanceId !== null && term.instanceId !== request.instanceId)
          throw new NonRetryableActionError(`the term of talent ${p.talentId} belongs to another process`);
        await tx.query('UPDATE talent_term SET instance_id = $2 WHERE id = $1', [
          term.id,
          request.instanceId,
        ]);
        const { rows } = await ledgerOf(tx, term, term.startsOn);
        return { termYears: rows.length, yearEnds: rows.map((row) => row.periodEnd) };
      });
    }
    case 'payAllowance': {
      const p = params('payAllowance', request);
      return inTransaction(sql, async (tx) => {
        const term = await lockTerm(tx, p.talentId);
        if (p.termYear === undefined) await payEverythingDue(tx, term, p.asOf, key);
        else await payYear(tx, term, await ledgerOf(tx, term, p.asOf), p.termYear, p.asOf, key);
        return { paid: await paidByEffect(tx, key) };
      });
    }
    case 'stopBenefits': {
      const p = params('stopBenefits', request);
      return inTransaction(sql, async (tx) => {
        const term = await lockTerm(tx, p.talentId);
        checkWithinTerm(term, p.effectiveOn);
        if (!(await alreadyRecorded(tx, p.talentId, key))) {
          // A stop already in place at an earlier date stays: the allowance stops at the first.
          const stoppedOn =
            term.benefitsStoppedOn && term.benefitsStoppedOn < p.effectiveOn
              ? term.benefitsStoppedOn
              : p.effectiveOn;
          await tx.query('UPDATE talent_term SET benefits_stopped_on = $2::date WHERE id = $1', [
            term.id,
            stoppedOn,
          ]);
          term.benefitsStoppedOn = stoppedOn;
          if (p.reason !== 'revoked')
            await tx.query(
              `UPDATE talent SET title_status = 'benefits_stopped' WHERE id = $1 AND title_status = 'active'`,
              [p.talentId],
            );
          const detail = { reason: p.reason, note: p.note ?? null, idempotencyKey: key };
          if (p.reason === 'leftSocialWork')
            await recordStatus(tx, p.talentId, 'left_social_work', p.effectiveOn, detail);
          if (p.reason === 'movedOutOfCity')
            await recordStatus(tx, p.talentId, 'moved_away', p.effectiveOn, detail);
          await recordStatus(tx, p.talentId, 'benefits_stopped', stoppedOn, detail);
        }
        // The pro-rated year falls due on the effective date; years held meanwhile are due too.
        await payEverythingDue(tx, term, p.asOf, key);
        return { benefitsStoppedOn: term.benefitsStoppedOn, paid: await paidByEffect(tx, key) };
      });
    }
    case 'revokeTitle': {
      const p = params('revokeTitle', request);
      return inTransaction(sql, async (tx) => {
        const term = await lockTerm(tx, p.talentId);
        checkWithinTerm(term, p.effectiveOn);
        if (!(await alreadyRecorded(tx, p.talentId, key))) {
          await tx.query(`UPDATE talent SET title_status = 'revoked' WHERE id = $1`, [p.talentId]);
          await tx.query('UPDATE talent_term SET revoked_on = COALESCE(revoked_on, $2::date) WHERE id = $1', [
            term.id,
            p.effectiveOn,
          ]);
          // The approval records what the leading group said; the revocation, the findings it rests on.
          const approval = p.leadingDecision ? leadersComments(p.leadingDecision) : null;
          await recordStatus(tx, p.talentId, 'revocation_approved', p.effectiveOn, {
            note: approval,
            idempotencyKey: key,
          });
          await recordStatus(tx, p.talentId, 'revoked', p.effectiveOn, {
            note: p.note ?? null,
            idempotencyKey: key,
          });
        }
        await recordLeadingDecision(tx, revocationOf(p.talentId), p.leadingDecision, key);
        return { revokedOn: term.revokedOn ?? p.effectiveOn };
      });
    }
    case 'recordAssessment': {
      const p = params('recordAssessment', request);
      const rating = ASSESSMENT_RATINGS.find((r) => r.zh === p.rating || r.key === p.rating);
      if (!rating) throw new NonRetryableActionError(`unknown assessment rating ${p.rating}`);
      return inTransaction(sql, async (tx) => {
        const term = await lockTerm(tx, p.talentId);
        const decision = decideReapplication(
          { ...(term.revokedOn ? { revokedOn: term.revokedOn } : {}), finalRating: rating.key },
          roundConfigOf(term).eligibility,
        );
        if (!(await alreadyRecorded(tx, p.talentId, key))) {
          const detail = {
            termYear: p.termYear,
            rating: rating.key,
            note: p.note ?? null,
            idempotencyKey: key,
          };
          if (!p.final) await recordStatus(tx, p.talentId, 'annual_assessment', p.asOf, detail);
          else {
            await tx.query('UPDATE talent_term SET final_rating = $2 WHERE id = $1', [term.id, rating.key]);
            await tx.query(
              `UPDATE talent SET title_status = 'ended' WHERE id = $1 AND title_status IN ('active', 'benefits_stopped')`,
              [p.talentId],
            );
            await recordStatus(tx, p.talentId, 'term_ended', p.asOf, {
              ...detail,
              mayReapply: decision.mayReapply,
              reapplication: decision.message,
            });
          }
        }
        return p.final ? { rating: rating.key, mayReapply: decision.mayReapply } : { rating: rating.key };
      });
    }
    case 'recordTermEvent': {
      const p = params('recordTermEvent', request);
      return inTransaction(sql, async (tx) => {
        await lockTerm(tx, p.talentId);
        // A dismissal after the leading group did not approve (not after an unverified report), or
        // the group's return for verification again: the group decided, so its decision is a row and
        // the record says why, when a member said so, rather than the findings again (a return
        // passes no note: without comments it says nothing rather than the office's findings).
        const outcome = p.leadingDecision?.outcome;
        const byGroup =
          (p.kind === 'misconduct_dismissed' && outcome === 'reject') ||
          (p.kind === 'revocation_returned' && outcome === 'return');
        const note = (byGroup && leadersComments(p.leadingDecision!)) || (p.note ?? null);
        if (!(await alreadyRecorded(tx, p.talentId, key)))
          await recordStatus(tx, p.talentId, p.kind, p.effectiveOn, { note, idempotencyKey: key });
        if (byGroup) await recordLeadingDecision(tx, revocationOf(p.talentId), p.leadingDecision, key);
        return { recorded: p.kind };
      });
    }
  }
}
