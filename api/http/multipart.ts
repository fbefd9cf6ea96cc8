// Reads the file part of a multipart/form-data upload with multer, in memory and bounded by the
// route's size limit; every way the upload can fail becomes a client problem naming the part.
import type { Request, Response } from 'express';
import multer from 'multer';
import { AppError } from './app-error';
import type { UploadDecl, UploadedFile } from './route';

/** Text parts an upload may carry beside its file (ids, a note): few and short. */
const TEXT_PARTS = 8;
const TEXT_PART_BYTES = 4096;

const mebibytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function uploadProblem(error: unknown, decl: UploadDecl): AppError {
  if (!(error instanceof multer.MulterError)) {
    // busboy's own parse failures: a truncated or malformed body.
    return new AppError('VALIDATION_FAILED', 'The multipart body cannot be read.', [
      { field: '(body)', reason: 'malformed multipart/form-data', reasonZh: '上传内容格式不正确' },
    ]);
  }
  const field = error.field ?? decl.field;
  switch (error.code) {
    case 'LIMIT_FILE_SIZE': {
      const limit = mebibytes(decl.maxBytes);
      return new AppError(
        'PAYLOAD_TOO_LARGE',
        `The file is larger than ${limit} MB.`,
        [{ field, reason: `larger than ${limit} MB`, reasonZh: `文件超过 ${limit} MB` }],
        { detailZh: `文件过大，单个文件不能超过 ${limit} MB` },
      );
    }
    case 'LIMIT_UNEXPECTED_FILE':
    case 'LIMIT_FILE_COUNT':
      return new AppError('VALIDATION_FAILED', `Send one file, in the part named ${decl.field}.`, [
        {
          field,
          reason: `one file only, in the part ${decl.field}`,
          reasonZh: `只能上传一个文件，且须放在 ${decl.field} 字段中`,
        },
      ]);
    default:
      return new AppError('VALIDATION_FAILED', 'The multipart body has too many or too long parts.', [
        { field, reason: error.message, reasonZh: '上传内容的字段过多或过长' },
      ]);
  }
}

/** Parses a multipart request (text parts into `req.body`); undefined when it is not multipart or has no file. */
export function readUpload(req: Request, res: Response, decl: UploadDecl): Promise<UploadedFile | undefined> {
  const middleware = multer({
    storage: multer.memoryStorage(),
    // Browsers send the file name's UTF-8 bytes as they are (RFC 7578), not in latin1.
    defParamCharset: 'utf8',
    limits: {
      fileSize: decl.maxBytes,
      files: 1,
      fields: TEXT_PARTS,
      fieldSize: TEXT_PART_BYTES,
      parts: TEXT_PARTS + 1,
    },
  }).single(decl.field);
  return new Promise((resolve, reject) => {
    middleware(req, res, (error?: unknown) => {
      if (error) return reject(uploadProblem(error, decl));
      const file = req.file;
      resolve(file ? { originalName: file.originalname, bytes: file.buffer } : undefined);
    });
  });
}
