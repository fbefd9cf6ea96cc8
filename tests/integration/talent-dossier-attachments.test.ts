// A talent application's documents over the real product (HTTP, embedded PostgreSQL, files under
// the data folder): the selection office uploads a scanned certificate (checked by its bytes, the
// SHA-256 the bytes'), which becomes the declared certificate's scan, downloads it back (audited)
// and deletes it until review begins; no project route reaches it; an assigned committee member
// reads the documents unless the round is blind; the dossier's masked read hides what lists hide.
import { createHash } from 'node:crypto';
import type { Db } from '../../api/db/prisma-client';
import type { TestServer } from '../support/test-server';
import { applicationEntryFor } from '../support/talent-entries';
import {
  type Call,
  sessionHeaders,
  signInDemoPeople,
  startAdminApi,
  stopAdminApi,
  unitIdByCode,
} from './support/api-callers';

jest.setTimeout(180_000);

const DATES = { windowStartsOn: '2026-12-01', windowEndsOn: '2026-12-31', referenceDate: '2026-12-31' };
/** A one-page PDF, as small as a valid one gets. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n' +
    '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
);
/** What a Windows program starts with: the DOS header and the PE signature. */
const PROGRAM = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(0x3a), Buffer.from([0x80, 0, 0, 0])]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('talent application documents', () => {
  let server: TestServer;
  let prisma: Db;
  let admin: Call;
  let office: Call;
  const userId: Record<string, string> = {};
  let county: string;
  let person = 4000;

  beforeAll(async () => {
    const api = await startAdminApi();
    ({ server, prisma, admin } = api);
    const people = await signInDemoPeople(api, ['xuanba', 'zhuanjia', 'zhuanjia2']);
    office = people.as.xuanba!;
    Object.assign(userId, people.userId);
    county = await unitIdByCode(prisma, 'LC');
  });
  afterAll(() => stopAdminApi({ server, prisma, admin }));

  /** An open round of the county with one entered application declaring a social-worker certificate. */
  async function applicationInOpenRound(
    config?: unknown,
  ): Promise<{ roundId: string; applicationId: string }> {
    const created = await office('POST', '/api/talent/rounds', {
      unitId: county,
      title: `材料批次${++person}`,
      ...DATES,
      config,
    });
    const roundId = created.json!.id as string;
    expect((await office('POST', `/api/talent/rounds/${roundId}/open`)).status).toBe(200);
    const entered = await office(
      'POST',
      `/api/talent/rounds/${roundId}/applications`,
      applicationEntryFor(person),
    );
    expect(entered.status).toBe(201);
    return { roundId, applicationId: entered.json!.id as string };
  }

  async function send(
    username: string,
    method: string,
    path: string,
    form?: { bytes: Buffer; filename: string; fields?: Record<string, string> },
  ) {
    let body: FormData | undefined;
    if (form) {
      body = new FormData();
      for (const [name, value] of Object.entries(form.fields ?? {})) body.append(name, value);
      // The client's claimed type is deliberately wrong: only the bytes count.
      body.append('file', new Blob([form.bytes], { type: 'text/plain' }), form.filename);
    }
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: await sessionHeaders(prisma, userId[username]!),
      ...(body ? { body } : {}),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    // Tests inspect arbitrary response bodies; each assertion states the shape it expects.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const json: Record<string, any> = /json/.test(res.headers.get('content-type') ?? '')
      ? (JSON.parse(bytes.toString()) as Record<string, unknown>)
      : {};
    return { status: res.status, headers: res.headers, bytes, json };
  }

  const upload = (applicationId: string, bytes: Buffer, filename: string, fields?: Record<string, string>) =>
    send('xuanba', 'POST', `/api/talent/applications/${applicationId}/attachments`, {
      bytes,
      filename,
      fields,
    });

  it('stores a scanned certificate as the declared certificate’s scan and gives the same bytes back, audited', async () => {
    const { applicationId } = await applicationInOpenRound();
    const stored = await upload(applicationId, PDF, '社工证扫描件.pdf', { certificateKind: 'social_worker' });
    expect(stored.status).toBe(201);
    expect(stored.json).toMatchObject({
      applicationId,
      filename: '社工证扫描件.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha256(PDF),
      certificateKind: 'social_worker',
      uploadedBy: { id: userId.xuanba },
    });
    const id = stored.json.id as string;

    const detail = await office('GET', `/api/talent/applications/${applicationId}`);
    expect(detail.json!.certificates).toEqual([
      expect.objectContaining({ kind: 'social_worker', attachmentId: id }),
    ]);
    const list = await office('GET', `/api/talent/applications/${applicationId}/attachments`);
    expect(list.json).toEqual({ items: [stored.json], editable: true });

    const download = await send('xuanba', 'GET', `/api/talent/attachments/${id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(download.headers.get('content-disposition')).toContain('attachment');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.bytes.equals(PDF)).toBe(true);

    const audits = await prisma.auditLog.findMany({
      where: { resourceId: applicationId },
      orderBy: { at: 'asc' },
    });
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'talent_application.document_uploaded',
        'talent_application.document_downloaded',
      ]),
    );
    expect(audits.find((a) => a.action === 'talent_application.document_uploaded')!.detail).toMatchObject({
      after: { attachmentId: id, sha256: sha256(PDF), certificateKind: 'social_worker' },
    });

    // A dossier's document is no process's file: the project routes do not know it.
    expect((await send('xuanba', 'GET', `/api/attachments/${id}`)).status).toBe(404);
  });

  it('refuses a program renamed .pdf, a certificate the application does not declare and a missing file, storing nothing', async () => {
    const { applicationId } = await applicationInOpenRound();
    const before = await prisma.attachment.count();
    const program = await upload(applicationId, PROGRAM, '证书.pdf');
    expect(program.status).toBe(415);
    expect(program.json.errors[0]).toMatchObject({ field: 'file' });
    const undeclared = await upload(applicationId, PDF, '护理员证书.pdf', {
      certificateKind: 'elderly_care_worker',
    });
    expect(undeclared.status).toBe(400);
    expect(undeclared.json.errors).toEqual([
      expect.objectContaining({ field: 'certificateKind', reasonZh: '该申报未填写此类证书' }),
    ]);
    const form = new FormData();
    form.append('certificateKind', 'social_worker');
    const empty = await fetch(`${server.url}/api/talent/applications/${applicationId}/attachments`, {
      method: 'POST',
      headers: await sessionHeaders(prisma, userId.xuanba!),
      body: form,
    });
    expect(empty.status).toBe(400);
    expect(await prisma.attachment.count()).toBe(before);
  });

  it('deletes a document until review begins, clearing the certificate’s scan; from review on the documents stay', async () => {
    const { roundId, applicationId } = await applicationInOpenRound();
    const first = await upload(applicationId, PDF, '证书.pdf', { certificateKind: 'social_worker' });
    const second = await upload(applicationId, PDF, '服务年限证明.pdf');
    expect(second.json.certificateKind).toBeNull();

    await prisma.talentRound.update({ where: { id: roundId }, data: { status: 'screening' } });
    const deleted = await send('xuanba', 'DELETE', `/api/talent/attachments/${first.json.id}`);
    expect(deleted.status).toBe(200);
    const certificate = await prisma.talentCertificate.findFirstOrThrow({
      where: { dossier: { application: { id: applicationId } } },
    });
    expect(certificate.attachmentId).toBeNull();
    expect(await prisma.attachment.findUnique({ where: { id: first.json.id } })).toBeNull();
    expect(
      await prisma.auditLog.count({
        where: { action: 'talent_application.document_deleted', resourceId: applicationId },
      }),
    ).toBe(1);

    await prisma.talentRound.update({ where: { id: roundId }, data: { status: 'review' } });
    const late = await upload(applicationId, PDF, '补充材料.pdf');
    expect(late.status).toBe(409);
    expect(late.json).toMatchObject({ code: 'TALENT_ROUND_STATE', roundStatus: 'review' });
    expect((await send('xuanba', 'DELETE', `/api/talent/attachments/${second.json.id}`)).status).toBe(409);
    const list = await office('GET', `/api/talent/applications/${applicationId}/attachments`);
    expect(list.json).toMatchObject({ items: [{ id: second.json.id }], editable: false });
  });

  it('lets an assigned committee member read the documents of an open review, never in a blind round, never unassigned', async () => {
    const assign = async (applicationId: string, reviewer: string) =>
      prisma.talentReviewerAssignment.create({
        data: {
          applicationId,
          reviewerId: userId[reviewer]!,
          automatic: false,
          assignedById: userId.xuanba!,
        },
      });
    const open = await applicationInOpenRound({ review: { blindPhase: false } });
    const openDoc = await upload(open.applicationId, PDF, '证书.pdf', { certificateKind: 'social_worker' });
    await assign(open.applicationId, 'zhuanjia');
    const list = await send('zhuanjia', 'GET', `/api/talent/reviews/${open.applicationId}/attachments`);
    expect(list.status).toBe(200);
    expect((list.json.items as { id: string }[]).map((a) => a.id)).toEqual([openDoc.json.id]);
    const download = await send(
      'zhuanjia',
      'GET',
      `/api/talent/reviews/${open.applicationId}/attachments/${openDoc.json.id}`,
    );
    expect(download.status).toBe(200);
    expect(download.bytes.equals(PDF)).toBe(true);
    expect(
      await prisma.auditLog.count({
        where: { action: 'talent_application.document_downloaded', actorId: userId.zhuanjia },
      }),
    ).toBe(1);
    // Not assigned: as if it did not exist.
    expect(
      (await send('zhuanjia2', 'GET', `/api/talent/reviews/${open.applicationId}/attachments`)).status,
    ).toBe(404);
    // The committee member cannot use the office's download.
    expect((await send('zhuanjia', 'GET', `/api/talent/attachments/${openDoc.json.id}`)).status).toBe(403);

    const blind = await applicationInOpenRound();
    const blindDoc = await upload(blind.applicationId, PDF, '证书.pdf', { certificateKind: 'social_worker' });
    await assign(blind.applicationId, 'zhuanjia');
    const refused = await send('zhuanjia', 'GET', `/api/talent/reviews/${blind.applicationId}/attachments`);
    expect(refused.status).toBe(403);
    expect(refused.json.detailZh).toContain('匿名评审');
    expect(
      (
        await send(
          'zhuanjia',
          'GET',
          `/api/talent/reviews/${blind.applicationId}/attachments/${blindDoc.json.id}`,
        )
      ).status,
    ).toBe(403);
  });

  it('answers the dossier masked, as lists show it, without an audit row; in full with one', async () => {
    const { applicationId } = await applicationInOpenRound();
    const masked = await office('GET', `/api/talent/applications/${applicationId}?identityNumbers=masked`);
    expect(masked.json).toMatchObject({
      identityNumber: expect.stringMatching(/^3701\*{10}[\dX]{4}$/),
      phone: '139****0000',
      birthDate: expect.stringMatching(/^\d{4}$/),
      review: { assigned: 0, submitted: 0 },
      ranking: null,
    });
    const viewed = () =>
      prisma.auditLog.count({ where: { action: 'talent_application.viewed', resourceId: applicationId } });
    expect(await viewed()).toBe(0);
    const full = await office('GET', `/api/talent/applications/${applicationId}`);
    expect(full.json!.identityNumber).toMatch(/^\d{17}[\dX]$/);
    expect(await viewed()).toBe(1);
  });
});
