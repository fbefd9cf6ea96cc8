// A refused upload shows the server's own reason in the person's language, never a bare status.
import { uploadProblemText } from '../../../web/src/attachments/upload-problem';

const unsupported = {
  status: 415,
  detail: 'The file’s contents are not an allowed type.',
  detailZh: '文件类型不允许',
  errors: [
    { field: 'file', reason: 'contents are application/x-msdownload', reasonZh: '文件内容实际为 exe' },
  ],
};

describe('upload refusal text', () => {
  it.each([
    [unsupported, true, '文件内容实际为 exe'],
    [unsupported, false, 'contents are application/x-msdownload'],
    [{ detail: 'No such project.', detailZh: '未找到该项目' }, true, '未找到该项目'],
    [{ detail: 'No such project.' }, true, 'No such project.'],
    ['<html>Bad gateway</html>', true, '上传失败'],
    [undefined, false, '上传失败'],
  ])('%j in Chinese=%s reads %s', (body, chinese, expected) => {
    expect(uploadProblemText(body, chinese, '上传失败')).toBe(expected);
  });
});
