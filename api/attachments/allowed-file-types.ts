// The kinds of file an attachment may be, recognised by their bytes (magic numbers, through
// file-type), never by the name or the type the client claims: a program renamed .pdf is refused.
// Office documents are the Open XML formats only: the legacy .doc/.xls container cannot be told
// apart by its bytes and may carry macros. Plain text and CSV have no signature to check.
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../http/app-error';

export const ALLOWED_FILE_TYPES = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (.xlsx)',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint (.pptx)',
} as const;
export type AllowedFileType = keyof typeof ALLOWED_FILE_TYPES;

export const ALLOWED_FILE_TYPE_LIST = Object.keys(ALLOWED_FILE_TYPES) as AllowedFileType[];
const allowedNames = Object.values(ALLOWED_FILE_TYPES).join(', ');
const allowedNamesZh = Object.values(ALLOWED_FILE_TYPES).join('、');

const isAllowed = (mime: string): mime is AllowedFileType => mime in ALLOWED_FILE_TYPES;

/** The allowed type the bytes are, or a 415 naming the `field` with what they are instead. */
export async function detectAllowedType(bytes: Buffer, field: string): Promise<AllowedFileType> {
  if (bytes.length === 0)
    throw new AppError('VALIDATION_FAILED', 'The file is empty.', [
      { field, reason: 'the file is empty', reasonZh: '文件为空' },
    ]);
  const detected = await fileTypeFromBuffer(bytes);
  if (detected && isAllowed(detected.mime)) return detected.mime;
  const found = detected ? `${detected.mime} (.${detected.ext})` : 'not a recognisable document or image';
  const foundZh = detected ? `实际为 ${detected.mime}（.${detected.ext}）` : '无法识别为文档或图片';
  throw new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    `The file's contents are not an allowed type: ${found}. Allowed: ${allowedNames}.`,
    [
      {
        field,
        reason: `contents are ${found}, whatever the file name says; allowed: ${allowedNames}`,
        reasonZh: `文件内容${foundZh}，与文件名无关；只允许 ${allowedNamesZh}`,
      },
    ],
    { detailZh: `文件类型不允许（${foundZh}）。只能上传 ${allowedNamesZh} 文件` },
  );
}
