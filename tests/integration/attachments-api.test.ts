// Attachments over the real product: an officer uploads a real PDF and PNG to a lifecycle project;
// the type is judged by the bytes (a program renamed .pdf is refused), the size is limited, the
// SHA-256 is the bytes'; the starter and the supervisors above download, a room officer elsewhere
// gets 404; a name full of ../ is only a name; deletion is the uploader's, audited; a file field
// naming another project's attachment is refused.
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { assertFileFieldsInProject } from '../../api/attachments/file-field-check';
import { MAX_ATTACHMENT_BYTES } from '../../api/attachments/attachment-commands';
import type { Db } from '../../api/db/prisma-client';
import type { FormField } from '../../workflows/engine';
import { AppError } from '../../api/http/app-error';
import { publishEvidenceDefinition } from '../support/evidence-definition';
import type { TestServer } from '../support/test-server';
import { demoPassword, startAdminApi, stopAdminApi, type Call, unitIdByCode } from './support/api-callers';

jest.setTimeout(180_000);

/** A one-page PDF, as small as a valid one gets. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n' +
    '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
);

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 1×1 red pixel. */
function png(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** What a Windows program starts with: the DOS header and the PE signature. */
function windowsProgram(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'ascii');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'binary');
  return bytes;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Person {
  call: Call;
  cookie: string;
}

describe('attachments API', () => {
  let server: TestServer;
  let prisma: Db;
  let admin: Call;
  const as: Record<string, Person> = {};
  let hjl: string;
  let projectId: string;

  /** Signs in with fetch, keeping the cookie for multipart requests the JSON agent cannot send. */
  async function signInPerson(username: string): Promise<Person> {
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'shegong-flow' },
      body: JSON.stringify({ username, password: demoPassword(server, username) }),
    });
    expect(response.status).toBe(200);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    const call: Call = async (method, path, body, headers = {}) => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          'x-requested-with': 'shegong-flow',
          cookie,
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      const json = /json/.test(res.headers.get('content-type') ?? '') && text ? JSON.parse(text) : undefined;
      return { status: res.status, headers: res.headers, json, text };
    };
    return { call, cookie };
  }

  async function upload(
    who: Person,
    project: string,
    bytes: Buffer,
    filename: string,
    extra: Record<string, string> = {},
  ) {
    const form = new FormData();
    for (const [name, value] of Object.entries(extra)) form.append(name, value);
    // The client's claimed type is deliberately wrong: only the bytes count.
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), filename);
    const res = await fetch(`${server.url}/api/projects/${project}/attachments`, {
      method: 'POST',
      headers: { 'x-requested-with': 'shegong-flow', cookie: who.cookie },
      body: form,
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  }

  async function download(who: Person, id: string) {
    const res = await fetch(`${server.url}/api/attachments/${id}`, { headers: { cookie: who.cookie } });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  async function startProject(who: Person, versionId: string, title: string): Promise<string> {
    const res = await who.call('POST', '/api/projects', {
      versionId,
      unitId: hjl,
      title,
      input: { projectName: title },
    });
    expect(res.status).toBe(201);
    return res.json!.id as string;
  }

  async function latestVersion(key: string): Promise<string> {
    const version = await prisma.processDefinitionVersion.findFirstOrThrow({
      where: { status: 'published', definition: { key } },
      orderBy: { version: 'desc' },
    });
    return version.id;
  }

  beforeAll(async () => {
    ({ server, prisma, admin } = await startAdminApi());
    for (const user of ['shegong', 'zhanzhang', 'zhongxin', 'shegong-room'])
      as[user] = await signInPerson(user);
    hjl = await unitIdByCode(prisma, 'LC-HJL');
    projectId = await startProject(as.shegong!, await latestVersion('project-lifecycle'), '附件测试项目');
  });
  afterAll(() => stopAdminApi({ server, prisma, admin }));

  let pdfId: string;

  it('stores a real PDF with its detected type, size and SHA-256, and lists it', async () => {
    const res = await upload(as.shegong!, projectId, PDF, '需求评估报告.pdf');
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      projectId,
      taskId: null,
      filename: '需求评估报告.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha256(PDF),
      uploadedBy: { displayName: expect.any(String) },
      canDelete: true,
    });
    pdfId = res.json.id;
    const row = await prisma.attachment.findUniqueOrThrow({ where: { id: pdfId } });
    expect(row.storagePath).toBe(`attachments/${pdfId.slice(0, 2)}/${pdfId}`);

    const list = await as.zhanzhang!.call('GET', `/api/projects/${projectId}/attachments`);
    expect(list.status).toBe(200);
    expect(list.json!.items).toEqual([expect.objectContaining({ id: pdfId, canDelete: false })]);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: 'attachment.uploaded', resourceId: pdfId },
    });
    expect(audit.unitId).toBe(hjl);
  });

  it('lets the starter and the supervisors above download the exact bytes under the UTF-8 name', async () => {
    for (const user of ['shegong', 'zhanzhang', 'zhongxin']) {
      const res = await download(as[user]!, pdfId);
      expect(res.status).toBe(200);
      expect(sha256(res.bytes)).toBe(sha256(PDF));
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toContain(
        `filename*=UTF-8''${encodeURIComponent('需求评估报告.pdf')}`,
      );
      expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    }
  });

  it('answers 404 to a room officer elsewhere: download, list, upload and delete', async () => {
    const room = as['shegong-room']!;
    expect((await download(room, pdfId)).status).toBe(404);
    expect((await room.call('GET', `/api/projects/${projectId}/attachments`)).status).toBe(404);
    expect((await upload(room, projectId, PDF, 'x.pdf')).status).toBe(404);
    expect((await room.call('DELETE', `/api/attachments/${pdfId}`)).status).toBe(404);
  });

  it('recognises a PNG and an xlsx by their bytes whatever their names, and refuses a program renamed .pdf', async () => {
    const image = png();
    const picture = await upload(as.shegong!, projectId, image, '证书扫描.pdf');
    expect(picture.status).toBe(201);
    expect(picture.json).toMatchObject({ contentType: 'image/png', sha256: sha256(image) });

    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('指标').addRow(['探访覆盖率', 90]);
    const sheet = Buffer.from(await workbook.xlsx.writeBuffer());
    const table = await upload(as.shegong!, projectId, sheet, '监测指标.xlsx');
    expect(table.status).toBe(201);
    expect(table.json.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    const before = await prisma.attachment.count();
    const program = await upload(as.shegong!, projectId, windowsProgram(), '评估报告.pdf');
    expect(program.status).toBe(415);
    expect(program.json).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      errors: [{ field: 'file', reason: expect.stringContaining('application/x-msdownload') }],
    });
    expect(program.json.detailZh).toContain('文件类型不允许');
    expect(program.json.errors[0].reasonZh).toContain('与文件名无关');

    const text = await upload(as.shegong!, projectId, Buffer.from('just some text'), 'notes.pdf');
    expect(text.status).toBe(415);
    expect(await prisma.attachment.count()).toBe(before);
  });

  it('refuses a file over the size limit with 413 naming the file part', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - PDF.length)]);
    const res = await upload(as.shegong!, projectId, big, 'big.pdf');
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', errors: [{ field: 'file' }] });
    expect(res.json.detailZh).toContain('20 MB');
    expect(res.json.errors[0].reasonZh).toContain('20 MB');
  });

  it('refuses a request without a file, or not multipart, naming what is missing', async () => {
    const form = new FormData();
    form.append('note', '忘了选文件');
    const empty = await fetch(`${server.url}/api/projects/${projectId}/attachments`, {
      method: 'POST',
      headers: { 'x-requested-with': 'shegong-flow', cookie: as.shegong!.cookie },
      body: form,
    });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ errors: [{ field: 'file', reasonZh: '请选择要上传的文件' }] });
    const json = await as.shegong!.call('POST', `/api/projects/${projectId}/attachments`, {});
    expect(json.status).toBe(415);
    // Other routes take no multipart bodies.
    const elsewhere = await fetch(`${server.url}/api/projects/${projectId}/cancel`, {
      method: 'POST',
      headers: { 'x-requested-with': 'shegong-flow', cookie: as.zhanzhang!.cookie },
      body: new FormData(),
    });
    expect(elsewhere.status).toBe(415);
  });

  it('keeps a name full of ../ as a name: the bytes are stored under the attachment id', async () => {
    const image = png();
    const res = await upload(as.shegong!, projectId, image, '../..\\..\\etc/passwd.png');
    expect(res.status).toBe(201);
    expect(res.json.filename).toBe('passwd.png');
    const row = await prisma.attachment.findUniqueOrThrow({ where: { id: res.json.id } });
    expect(row.storagePath).toBe(`attachments/${row.id.slice(0, 2)}/${row.id}`);
    const back = await download(as.shegong!, row.id);
    expect(back.bytes.equals(image)).toBe(true);
    expect(back.headers.get('content-disposition')).toContain('passwd.png');
    expect(back.headers.get('content-disposition')).not.toContain('..');
  });

  it('binds an upload to an open task of the project only', async () => {
    const task = await prisma.task.findFirstOrThrow({ where: { instanceId: projectId, status: 'open' } });
    const bound = await upload(as.shegong!, projectId, PDF, '预估.pdf', { taskId: task.id });
    expect(bound.status).toBe(201);
    expect(bound.json).toMatchObject({ taskId: task.id, taskName: task.name });
    const other = await startProject(as.shegong!, await latestVersion('project-lifecycle'), '另一个项目');
    const wrong = await upload(as.shegong!, other, PDF, '预估.pdf', { taskId: task.id });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors[0].field).toBe('taskId');
  });

  it('lets only the uploader delete, audited', async () => {
    const res = await upload(as.shegong!, projectId, PDF, '误传.pdf');
    const id = res.json.id as string;
    expect((await as.zhanzhang!.call('DELETE', `/api/attachments/${id}`)).status).toBe(403);
    const deleted = await as.shegong!.call('DELETE', `/api/attachments/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.json!.id).toBe(id);
    expect(await prisma.attachment.findUnique({ where: { id } })).toBeNull();
    expect((await download(as.shegong!, id)).status).toBe(404);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: 'attachment.deleted', resourceId: id },
    });
    expect(audit.unitId).toBe(hjl);
  });

  it('refuses a file field naming another project’s attachment, and accepts the project’s own', async () => {
    const versionId = await publishEvidenceDefinition(prisma);
    const mine = await startProject(as.shegong!, versionId, '佐证材料甲');
    const theirs = await startProject(as.shegong!, versionId, '佐证材料乙');
    const own = (await upload(as.shegong!, mine, PDF, '佐证.pdf')).json.id as string;
    const foreign = (await upload(as.shegong!, theirs, PDF, '佐证.pdf')).json.id as string;
    const task = await prisma.task.findFirstOrThrow({ where: { instanceId: mine, status: 'open' } });
    // The check takes the task row the command read (the caller may see it).
    const row = { id: task.id, instance_id: task.instanceId, form: task.form as FormField[] | null };
    const refused = await assertFileFieldsInProject(prisma, row, {
      summary: '已上传',
      evidence: [own, foreign],
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      status: 422,
      code: 'PROCESS_INPUT_INVALID',
      errors: [{ field: 'data.evidence', reason: expect.stringContaining(foreign) }],
    });
    await expect(
      assertFileFieldsInProject(prisma, row, { summary: '已上传', evidence: [own] }),
    ).resolves.toBeUndefined();

    // Through HTTP the form completes with its own file, which then can no longer be deleted.
    const done = await as.shegong!.call('POST', `/api/tasks/${task.id}/complete`, {
      data: { summary: '已上传', evidence: [own] },
    });
    expect(done.status).toBe(200);
    expect(done.json!.submitted).toEqual({ summary: '已上传', evidence: [own] });
    const stuck = await as.shegong!.call('DELETE', `/api/attachments/${own}`);
    expect(stuck.status).toBe(409);
  });
});
