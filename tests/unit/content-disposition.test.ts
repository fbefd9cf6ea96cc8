// Download names that are not ASCII (a round's Chinese name) reach the browser whole through
// RFC 6266's filename* (RFC 8187 UTF-8 encoding), with an ASCII filename beside it.
import { attachmentDisposition, safeFileName } from '../../api/http/content-disposition';

/** The name a browser takes: filename* decoded, as RFC 6266 §4.3 prefers it over filename. */
const chosenName = (header: string) => decodeURIComponent(/filename\*=UTF-8''([^;]+)$/.exec(header)![1]!);

describe('Content-Disposition of a download', () => {
  it('sends the Chinese name in filename* and the ASCII one in filename', () => {
    const header = attachmentDisposition('海右人才（2026）-申报名单.xlsx', 'talent-applications.xlsx');
    expect(header).toBe(
      `attachment; filename="talent-applications.xlsx"; filename*=UTF-8''` +
        '%E6%B5%B7%E5%8F%B3%E4%BA%BA%E6%89%8D%EF%BC%882026%EF%BC%89-%E7%94%B3%E6%8A%A5%E5%90%8D%E5%8D%95.xlsx',
    );
    expect(chosenName(header)).toBe('海右人才（2026）-申报名单.xlsx');
  });

  it('percent-encodes what RFC 8187 does not allow bare, and keeps the ASCII name quoted safely', () => {
    const header = attachmentDisposition("O'Neil (2026)*.xlsx", 'a "quoted" name\u00e9.xlsx');
    expect(header).toContain(`filename="a _quoted_ name_.xlsx"`);
    expect(header).toContain(`filename*=UTF-8''O%27Neil%20%282026%29%2A.xlsx`);
    expect(chosenName(header)).toBe("O'Neil (2026)*.xlsx");
  });

  it('makes a round name a file name: no path separators or reserved characters', () => {
    expect(safeFileName(' 2026/2027 年度:第一批 ')).toBe('2026_2027 年度_第一批');
    expect(safeFileName('a<b>c|d?e*f"g\\h')).toBe('a_b_c_d_e_f_g_h');
  });
});
