// Talent rounds and applications over the real product (HTTP, embedded PostgreSQL): the selection
// office (选拔管理工作办公室, demo user xuanba) creates a round from the "海右" defaults with
// overrides checked by ZRoundConfig, opens and closes the application window, enters applications
// (identity numbers checked by GB 11643, masked in lists, in full only in the audited detail),
// pages and filters them and exports them, audited. Other roles are refused; the ledger and
// status events are append-only and an override without its reason cannot be stored.
import ExcelJS from 'exceljs';
import { defaultRoundConfig } from '../../workflows/talent';
import type { Db } from '../../api/db/prisma-client';
import type { TestServer } from '../support/test-server';
import { applicationEntryFor, identityNumberFor } from '../support/talent-entries';
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
const MASKED = /^3701\*{10}[\dX]{4}$/;

describe('talent rounds API', () => {
  let server: TestServer;
  let prisma: Db;
  let admin: Call;
  let office: Call;
  let officeId: string;
  const as: Record<string, Call> = {};
  let county: string;

  beforeAll(async () => {
    const api = await startAdminApi();
    ({ server, prisma, admin } = api);
    const people = await signInDemoPeople(api, ['xuanba', 'zhuanjia', 'lingdao', 'shegong']);
    Object.assign(as, people.as);
    office = as.xuanba!;
    officeId = people.userId.xuanba!;
    county = await unitIdByCode(prisma, 'LC');
  });
  afterAll(() => stopAdminApi({ server, prisma, admin }));

  const fieldsOf = (res: { json?: Record<string, unknown> }) =>
    ((res.json?.errors ?? []) as { field: string }[]).map((e) => e.field);
  const reasonZhOf = (res: { json?: Record<string, unknown> }, field: string) =>
    ((res.json?.errors ?? []) as { field: string; reasonZh: string }[]).find((e) => e.field === field)
      ?.reasonZh;

  async function openRound(title: string, config?: unknown): Promise<string> {
    const created = await office('POST', '/api/talent/rounds', { unitId: county, title, ...DATES, config });
    expect(created.status).toBe(201);
    const opened = await office('POST', `/api/talent/rounds/${created.json!.id}/open`);
    expect(opened.status).toBe(200);
    return created.json!.id as string;
  }

  it('creates a round from the 海右 defaults, with the office’s overrides on top, audited', async () => {
    const plain = await office('POST', '/api/talent/rounds', {
      unitId: county,
      title: '2026年度海右人才选拔',
      ...DATES,
    });
    expect(plain.status).toBe(201);
    expect(plain.json).toMatchObject({
      status: 'draft',
      unit: { id: county },
      applicationCount: 0,
      instanceId: null,
    });
    expect(plain.json!.config).toEqual(defaultRoundConfig());
    expect(plain.json!.config.allocation).toEqual({
      quota: 50,
      elderlyReservedShare: 1 / 3,
      reservedSeatRounding: 'up',
      elderlyShortfall: 'leaveEmpty',
    });

    const small = await office('POST', '/api/talent/rounds', {
      unitId: county,
      title: '小规模试点批次',
      ...DATES,
      config: { allocation: { quota: 6 }, review: { minReviewersPerCandidate: 3 } },
    });
    expect(small.status).toBe(201);
    expect(small.json!.config.allocation.quota).toBe(6);
    expect(small.json!.config.review.minReviewersPerCandidate).toBe(3);
    expect(small.json!.config.allowance).toEqual({ monthlyAmountYuan: 1000, termYears: 4 });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: 'talent_round.created', resourceId: small.json!.id as string },
    });
    expect(audit.detail).toMatchObject({ after: { overrides: { allocation: { quota: 6 } } } });
  });

  it('refuses options ZRoundConfig does not accept with 422 naming each option’s path, and creates nothing', async () => {
    const before = await prisma.talentRound.count();
    const res = await office('POST', '/api/talent/rounds', {
      unitId: county,
      title: '配置有误的批次',
      ...DATES,
      config: { allocation: { quota: -1, elderlyShortfall: 'giveAway' }, bogus: true },
    });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ code: 'TALENT_CONFIG_INVALID', detailZh: '选拔批次的配置不符合要求' });
    expect(fieldsOf(res).sort()).toEqual([
      'config',
      'config.allocation.elderlyShortfall',
      'config.allocation.quota',
    ]);
    expect(reasonZhOf(res, 'config')).toContain('bogus');
    expect(await prisma.talentRound.count()).toBe(before);

    const backwards = await office('POST', '/api/talent/rounds', {
      unitId: county,
      title: '日期颠倒',
      ...DATES,
      windowEndsOn: '2026-11-01',
    });
    expect(backwards.status).toBe(400);
    expect(reasonZhOf(backwards, 'windowEndsOn')).toBe('不能早于申报开始日期');
  });

  it('lets only the selection office in, and only over its own unit and below', async () => {
    for (const who of ['zhuanjia', 'lingdao', 'shegong'])
      expect((await as[who]!('GET', '/api/talent/rounds')).status).toBe(403);
    // Admins administer users and units; talent data is not theirs (as project content is not).
    expect((await admin('GET', '/api/talent/rounds')).status).toBe(403);
    const elsewhere = await prisma.orgUnit.create({
      data: { code: 'TD-OTHER', name: '另一个县指导中心', kind: 'county_center' },
    });
    const outside = await office('POST', '/api/talent/rounds', {
      unitId: elsewhere.id,
      title: '越权批次',
      ...DATES,
    });
    expect(outside.status).toBe(404);
    expect(fieldsOf(outside)).toEqual(['unitId']);
  });

  it('opens and closes the window only from the right status, once under concurrent requests', async () => {
    const created = await office('POST', '/api/talent/rounds', {
      unitId: county,
      title: '窗口测试',
      ...DATES,
    });
    const id = created.json!.id as string;
    const entry = applicationEntryFor(1);
    const early = await office('POST', `/api/talent/rounds/${id}/applications`, entry);
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({ code: 'TALENT_ROUND_STATE', roundStatus: 'draft' });

    const closeDraft = await office('POST', `/api/talent/rounds/${id}/close`);
    expect(closeDraft.status).toBe(409);
    expect(closeDraft.json!.detailZh).toBe('选拔批次当前为“未开始申报”，不能截止申报');

    const opens = await Promise.all([1, 2, 3].map(() => office('POST', `/api/talent/rounds/${id}/open`)));
    expect(opens.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const opened = opens.find((r) => r.status === 200)!;
    expect(opened.json).toMatchObject({ status: 'open', revision: 1 });
    expect(opened.json!.openedAt).toEqual(expect.any(String));
    expect(await prisma.auditLog.count({ where: { action: 'talent_round.opened', resourceId: id } })).toBe(1);

    expect((await office('POST', `/api/talent/rounds/${id}/applications`, entry)).status).toBe(201);
    const closed = await office('POST', `/api/talent/rounds/${id}/close`);
    expect(closed.json).toMatchObject({ status: 'closed', applicationCount: 1 });
    const late = await office('POST', `/api/talent/rounds/${id}/applications`, applicationEntryFor(3));
    expect(late.status).toBe(409);
    expect(late.json!.detailZh).toBe('本批次未在申报期内，不能录入或导入申报');
    // A closed window may open again (a late correction), until screening starts.
    expect((await office('POST', `/api/talent/rounds/${id}/open`)).json).toMatchObject({
      status: 'open',
      revision: 3,
    });
  });

  it('enters an application: person, dossier and certificates together; the answer carries the full number', async () => {
    const roundId = await openRound('录入测试');
    const entry = applicationEntryFor(11, {
      field: 'social_welfare',
      unitType: 'elderly_care_institution',
      elderlyServices: true,
      certificates: [
        { kind: 'social_worker', level: 'senior', number: 'SW-2020-001', issuedOn: '2020-06-30' },
        { kind: 'elderly_care_management_training' },
      ],
    });
    const res = await office('POST', `/api/talent/rounds/${roundId}/applications`, entry);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      roundId,
      name: entry.name,
      identityNumber: entry.identityNumber,
      status: 'submitted',
      source: 'entered',
      elderlyServices: true,
      socialWorkYears: 11,
      screeningResult: null,
      override: null,
    });
    expect(res.json!.certificates).toEqual([
      {
        kind: 'social_worker',
        level: 'senior',
        number: 'SW-2020-001',
        issuedOn: '2020-06-30',
        attachmentId: null,
      },
      {
        kind: 'elderly_care_management_training',
        level: null,
        number: null,
        issuedOn: null,
        attachmentId: null,
      },
    ]);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: 'talent_application.entered', resourceId: res.json!.id as string },
    });
    expect(JSON.stringify(audit.detail)).not.toContain(entry.identityNumber);
    expect(audit.detail).toMatchObject({ after: { identityNumber: expect.stringMatching(MASKED) } });
  });

  it('refuses an entry naming each field: check digit, birth date and gender against the number, years, levels', async () => {
    const roundId = await openRound('校验测试');
    const good = applicationEntryFor(21);
    const wrongCheck = `${good.identityNumber.slice(0, 17)}${good.identityNumber[17] === '0' ? '1' : '0'}`;
    const cases: [string, Record<string, unknown>, string, unknown][] = [
      ['check digit', { identityNumber: wrongCheck }, 'identityNumber', '校验码不正确（GB 11643）'],
      ['birth date', { birthDate: '1990-01-01' }, 'birthDate', '与公民身份号码中的出生日期不一致'],
      ['gender', { gender: 'female' }, 'gender', '与公民身份号码中的性别不一致'],
      ['negative years', { socialWorkYears: -2 }, 'socialWorkYears', '不能为负数'],
      [
        'years against the start date',
        { socialWorkYears: 3 },
        'socialWorkYears',
        '与从事社会工作起始日期不符：截至 2026-12-31 满 11 年',
      ],
      [
        'start after the reference date',
        { socialWorkSince: '2027-01-05' },
        'socialWorkSince',
        '晚于本批次的计算基准日 2026-12-31',
      ],
      ['unknown field', { field: 'astrology' }, 'field', expect.stringContaining('须为以下之一')],
      [
        'level of another kind',
        { certificates: [{ kind: 'social_worker', level: 'technician' }] },
        'certificates.0.level',
        '等级与证书类别不符',
      ],
      [
        'a foreign attachment',
        {
          certificates: [
            {
              kind: 'social_worker',
              level: 'assistant',
              attachmentId: '00000000-0000-4000-8000-000000000000',
            },
          ],
        },
        'certificates.0.attachmentId',
        '本批次中没有该附件',
      ],
    ];
    for (const [, change, field, reasonZh] of cases) {
      const res = await office('POST', `/api/talent/rounds/${roundId}/applications`, { ...good, ...change });
      expect({ status: res.status, fields: fieldsOf(res) }).toEqual({ status: 400, fields: [field] });
      expect(reasonZhOf(res, field)).toEqual(reasonZh);
    }
    expect(await prisma.talentApplication.count({ where: { roundId } })).toBe(0);
    expect(await prisma.talentCandidate.count({ where: { identityNumber: good.identityNumber } })).toBe(0);
  });

  it('refuses a second application of the same person in one round (409), and writes no second dossier', async () => {
    const roundId = await openRound('重复申报');
    const entry = applicationEntryFor(31);
    expect((await office('POST', `/api/talent/rounds/${roundId}/applications`, entry)).status).toBe(201);
    const dossiers = await prisma.talentDossier.count();
    const again = await office('POST', `/api/talent/rounds/${roundId}/applications`, {
      ...entry,
      phone: '13800000000',
    });
    expect(again.status).toBe(409);
    expect(fieldsOf(again)).toEqual(['identityNumber']);
    expect(await prisma.talentDossier.count()).toBe(dossiers);
    // The same person may apply in another round: the candidate is found again, a new dossier written.
    const other = await openRound('另一批次');
    expect((await office('POST', `/api/talent/rounds/${other}/applications`, entry)).status).toBe(201);
    expect(await prisma.talentCandidate.count({ where: { identityNumber: entry.identityNumber } })).toBe(1);
    expect(await prisma.talentDossier.count()).toBe(dossiers + 1);
  });

  it('amends an application while the window is open, If-Match its revision, the identity number kept, audited by part', async () => {
    const roundId = await openRound('修改申报');
    const entry = applicationEntryFor(33);
    const entered = await office('POST', `/api/talent/rounds/${roundId}/applications`, entry);
    const id = entered.json!.id as string;
    const read = await office('GET', `/api/talent/applications/${id}?identityNumbers=masked`);
    expect(read.json).toMatchObject({ revision: 0, changeable: true, withdrawal: null });
    const amended = {
      ...entry,
      employerName: '历城区山大路街道社会工作服务站',
      certificates: [{ kind: 'social_worker', level: 'intermediate', number: 'SW-2023-077' }],
    };

    const withoutTag = await office('PATCH', `/api/talent/applications/${id}`, amended);
    expect(withoutTag.status).toBe(428);
    const res = await office('PATCH', `/api/talent/applications/${id}`, amended, { 'if-match': '"0"' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.json).toMatchObject({
      employerName: amended.employerName,
      status: 'submitted',
      revision: 1,
      certificates: [{ kind: 'social_worker', level: 'intermediate', number: 'SW-2023-077' }],
    });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: 'talent_application.amended', resourceId: id },
    });
    expect(audit.detail).toMatchObject({ after: { roundId, changed: ['employerName', 'certificates'] } });
    expect(JSON.stringify(audit.detail)).not.toContain(amended.employerName);

    // Another tab's edit based on revision 0 is refused and changes nothing.
    const stale = await office(
      'PATCH',
      `/api/talent/applications/${id}`,
      { ...amended, phone: '13900000000' },
      {
        'if-match': '"0"',
      },
    );
    expect(stale.status).toBe(412);
    // Another person's number is another application: refused on its field, nothing written.
    const other = applicationEntryFor(34);
    const swapped = await office(
      'PATCH',
      `/api/talent/applications/${id}`,
      { ...amended, identityNumber: other.identityNumber, birthDate: other.birthDate, gender: other.gender },
      { 'if-match': '"1"' },
    );
    expect(swapped.status).toBe(400);
    expect(fieldsOf(swapped)).toEqual(['identityNumber']);
    expect(reasonZhOf(swapped, 'identityNumber')).toContain('撤回');
    const after = await office('GET', `/api/talent/applications/${id}?identityNumbers=full`);
    expect(after.json).toMatchObject({
      identityNumber: entry.identityNumber,
      phone: entry.phone,
      revision: 1,
    });
    expect(
      await as.zhuanjia!('PATCH', `/api/talent/applications/${id}`, amended, { 'if-match': '"1"' }),
    ).toMatchObject({ status: 403 });
  });

  it('withdraws an application with the reason; then nothing changes it, and a closed window refuses both', async () => {
    const roundId = await openRound('撤回申报');
    const entered = await office(
      'POST',
      `/api/talent/rounds/${roundId}/applications`,
      applicationEntryFor(35),
    );
    const id = entered.json!.id as string;
    const blank = await office(
      'POST',
      `/api/talent/applications/${id}/withdraw`,
      { reason: ' ' },
      {
        'if-match': '"0"',
      },
    );
    expect(blank.status).toBe(400);
    expect(fieldsOf(blank)).toEqual(['reason']);
    const res = await office(
      'POST',
      `/api/talent/applications/${id}/withdraw`,
      { reason: '本人来电申请撤回' },
      {
        'if-match': '"0"',
      },
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      status: 'withdrawn',
      changeable: false,
      revision: 1,
      withdrawal: { reason: '本人来电申请撤回', by: { id: officeId } },
    });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: 'talent_application.withdrawn', resourceId: id },
    });
    expect(audit.detail).toMatchObject({
      before: { status: 'submitted' },
      after: {
        status: 'withdrawn',
        reason: '本人来电申请撤回',
        identityNumber: expect.stringMatching(MASKED),
      },
    });
    const listed = await office('GET', `/api/talent/rounds/${roundId}/applications?status=withdrawn`);
    expect((listed.json!.items as { id: string }[]).map((a) => a.id)).toEqual([id]);
    const again = await office(
      'POST',
      `/api/talent/applications/${id}/withdraw`,
      { reason: '再次撤回' },
      {
        'if-match': '"1"',
      },
    );
    expect(again).toMatchObject({ status: 409, json: { applicationStatus: 'withdrawn' } });
    // Entered again, the person is refused with what happened: the application was withdrawn.
    const reentered = await office(
      'POST',
      `/api/talent/rounds/${roundId}/applications`,
      applicationEntryFor(35),
    );
    expect(reentered.status).toBe(409);
    expect(reasonZhOf(reentered, 'identityNumber')).toBe('此人在本批次的申报已撤回，不能再次申报');
    // 申报人数 leaves the withdrawn application out.
    const kept = await office('POST', `/api/talent/rounds/${roundId}/applications`, applicationEntryFor(36));
    expect((await office('GET', `/api/talent/rounds/${roundId}`)).json!.applicationCount).toBe(1);
    expect((await office('POST', `/api/talent/rounds/${roundId}/close`)).status).toBe(200);
    const closed = await office(
      'POST',
      `/api/talent/applications/${kept.json!.id}/withdraw`,
      { reason: '逾期' },
      {
        'if-match': '"0"',
      },
    );
    expect(closed).toMatchObject({
      status: 409,
      json: { code: 'TALENT_ROUND_STATE', detailZh: '本批次申报期已结束，不能修改或撤回申报' },
    });
    const detail = await office('GET', `/api/talent/applications/${kept.json!.id}?identityNumbers=masked`);
    expect(detail.json).toMatchObject({ status: 'submitted', changeable: false, withdrawal: null });
  });

  it('replays a repeated Idempotency-Key instead of entering twice', async () => {
    const roundId = await openRound('幂等测试');
    const entry = applicationEntryFor(41);
    const headers = { 'idempotency-key': 'talent-entry-41' };
    const first = await office('POST', `/api/talent/rounds/${roundId}/applications`, entry, headers);
    const second = await office('POST', `/api/talent/rounds/${roundId}/applications`, entry, headers);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.json!.id).toBe(first.json!.id);
    expect(await prisma.talentApplication.count({ where: { roundId } })).toBe(1);
  });

  it('lists applications masked, paged without gaps or repeats, filtered by status and field', async () => {
    const roundId = await openRound('列表测试');
    const ids: string[] = [];
    for (let n = 51; n <= 55; n++) {
      const field = n % 2 === 0 ? 'mental_health' : 'community_building';
      const res = await office(
        'POST',
        `/api/talent/rounds/${roundId}/applications`,
        applicationEntryFor(n, { field }),
      );
      ids.push(res.json!.id as string);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await office(
        'GET',
        `/api/talent/rounds/${roundId}/applications?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      for (const item of page.json!.items as { id: string; identityNumber: string }[]) {
        expect(item.identityNumber).toMatch(MASKED);
        seen.push(item.id);
      }
      cursor = page.json!.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual(ids);
    const mental = await office('GET', `/api/talent/rounds/${roundId}/applications?field=mental_health`);
    expect((mental.json!.items as { id: string }[]).map((i) => i.id)).toEqual([ids[1], ids[3]]);
    const none = await office('GET', `/api/talent/rounds/${roundId}/applications?status=eligible`);
    expect(none.json!.items).toEqual([]);
    const bad = await office(
      'GET',
      `/api/talent/rounds/${roundId}/applications?field=astrology&cursor=forged`,
    );
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['query.field']);
    const list = await office('GET', '/api/talent/rounds?status=open&limit=200');
    expect(
      (list.json!.items as { id: string; applicationCount: number }[]).find((r) => r.id === roundId),
    ).toMatchObject({
      applicationCount: 5,
    });
  });

  it('shows one application in full to the office and audits the read with the number masked', async () => {
    const roundId = await openRound('详情测试');
    const entry = applicationEntryFor(61);
    const id = (await office('POST', `/api/talent/rounds/${roundId}/applications`, entry)).json!.id as string;
    const detail = await office('GET', `/api/talent/applications/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.json).toMatchObject({
      identityNumber: entry.identityNumber,
      phone: entry.phone,
      birthDate: entry.birthDate,
    });
    const reads = await prisma.auditLog.findMany({
      where: { action: 'talent_application.viewed', resourceId: id },
    });
    expect(reads).toHaveLength(1);
    expect(JSON.stringify(reads[0]!.detail)).not.toContain(entry.identityNumber);
    expect((await as.lingdao!('GET', `/api/talent/applications/${id}`)).status).toBe(403);
    expect(
      (await office('GET', '/api/talent/applications/00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404);
  });

  it('exports the applications to xlsx, masked unless asked for in full, every export audited', async () => {
    const roundId = await openRound('导出测试');
    for (const n of [71, 72])
      await office('POST', `/api/talent/rounds/${roundId}/applications`, applicationEntryFor(n));
    const read = async (query: string) => {
      const res = await fetch(`${server.url}/api/talent/rounds/${roundId}/applications/export.xlsx${query}`, {
        headers: await sessionHeaders(prisma, officeId),
      });
      expect(res.status).toBe(200);
      // The browser takes filename* (the round's Chinese name); filename keeps the English one for old clients.
      const disposition = res.headers.get('content-disposition')!;
      expect(disposition).toMatch(/filename="talent-applications-\d{4}-\d{2}-\d{2}\.xlsx"/);
      expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]!)).toMatch(
        /^导出测试-申报名单-\d{4}-\d{2}-\d{2}\.xlsx$/,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await res.arrayBuffer());
      const sheet = workbook.worksheets[0]!;
      return {
        header: sheet.getRow(1).values as unknown[],
        birthDate: sheet.getRow(2).getCell(3).text,
        id: sheet.getRow(2).getCell(4).text,
        phone: sheet.getRow(2).getCell(5).text,
        rows: sheet.rowCount,
      };
    };
    const masked = await read('');
    expect(masked.rows).toBe(3);
    expect(masked.header).toContain('公民身份号码');
    expect(masked.id).toMatch(MASKED);
    // The birth date and the phone would give back the hidden digits and reach the person.
    const entry = applicationEntryFor(71);
    expect(masked.birthDate).toBe(entry.birthDate.slice(0, 4));
    expect(masked.phone).toBe(`${entry.phone.slice(0, 3)}****${entry.phone.slice(7)}`);
    const full = await read('?identityNumbers=full');
    expect(full.id).toBe(identityNumberFor(71));
    expect(full.birthDate).toBe(entry.birthDate);
    expect(full.phone).toBe(entry.phone);
    const audits = await prisma.auditLog.findMany({
      where: { action: 'talent_application.exported', resourceId: roundId },
      orderBy: { id: 'asc' },
    });
    expect(
      audits.map(
        (a) => (a.detail as { after: { filters: { identityNumbers: string }; rowCount: number } }).after,
      ),
    ).toEqual([
      { filters: { identityNumbers: 'masked' }, rowCount: 2 },
      { filters: { identityNumbers: 'full' }, rowCount: 2 },
    ]);
    // From the English UI (lang=en): the English name alone.
    const english = await fetch(
      `${server.url}/api/talent/rounds/${roundId}/applications/export.xlsx?lang=en`,
      { headers: await sessionHeaders(prisma, officeId) },
    );
    expect(english.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?talent-applications-\d{4}-\d{2}-\d{2}\.xlsx"?$/,
    );
    await english.arrayBuffer();
  });

  it('keeps the allowance ledger and status events append-only, and an override never without its reason', async () => {
    const roundId = await openRound('约束测试');
    const entry = applicationEntryFor(81);
    const id = (await office('POST', `/api/talent/rounds/${roundId}/applications`, entry)).json!.id as string;
    const application = await prisma.talentApplication.findUniqueOrThrow({ where: { id } });
    const talent = await prisma.talent.create({
      data: { candidateId: application.candidateId, roundId, applicationId: id, publishedAt: new Date() },
    });
    const term = await prisma.talentTerm.create({
      data: {
        talentId: talent.id,
        startsOn: new Date('2027-01-01'),
        endsOn: new Date('2031-01-01'),
        monthlyAmountYuan: 1000,
      },
    });
    const entryRow = await prisma.talentAllowanceEntry.create({
      data: {
        termId: term.id,
        termYear: 1,
        kind: 'due',
        months: 12,
        amountYuan: 12000,
        idempotencyKey: 'ledger-81',
      },
    });
    const event = await prisma.talentStatusEvent.create({
      data: { talentId: talent.id, kind: 'moved_away', effectiveOn: new Date('2028-08-01') },
    });
    await expect(
      prisma.talentAllowanceEntry.update({ where: { id: entryRow.id }, data: { amountYuan: 0 } }),
    ).rejects.toThrow(/append-only/);
    await expect(prisma.talentStatusEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(
      prisma.talentApplication.update({
        where: { id },
        data: { overrideResult: 'eligible', overrideById: talent.id, overrideAt: new Date() },
      }),
    ).rejects.toThrow(/talent_application_override_complete/);
    await expect(
      prisma.talentAllowanceEntry.create({
        data: {
          termId: term.id,
          termYear: 1,
          kind: 'paid',
          months: 13,
          amountYuan: 13000,
          idempotencyKey: 'ledger-81b',
        },
      }),
    ).rejects.toThrow(/talent_allowance_entry_sane/);
  });
});
