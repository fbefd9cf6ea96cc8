import { checkFeel, evaluateFeel } from '../../../workflows/engine/feel-conditions';

// Results are memoised by expression and the values of what it reads: these cases would return a
// stale value if the memo's key missed a variable the value depends on.
describe('FEEL evaluation', () => {
  it('re-evaluates when a variable the expression reads changes', () => {
    const expression = 'score >= threshold';
    expect(evaluateFeel(expression, { score: 80, threshold: 60 })).toEqual({ ok: true, value: true });
    expect(evaluateFeel(expression, { score: 50, threshold: 60 })).toEqual({ ok: true, value: false });
    expect(evaluateFeel(expression, { score: 50, threshold: 40 })).toEqual({ ok: true, value: true });
  });

  it('ignores variables the expression does not read', () => {
    expect(evaluateFeel('a + 1', { a: 1, b: 'x' })).toEqual({ ok: true, value: 2 });
    expect(evaluateFeel('a + 1', { a: 1, b: 'y' })).toEqual({ ok: true, value: 2 });
  });

  it('sees outer variables used inside a filter', () => {
    const expression = 'count(items[item.n > limit])';
    const items = [{ n: 1 }, { n: 5 }, { n: 9 }];
    expect(evaluateFeel(expression, { items, limit: 4 })).toEqual({ ok: true, value: 2 });
    expect(evaluateFeel(expression, { items, limit: 8 })).toEqual({ ok: true, value: 1 });
  });

  it('sees changes deep inside a context variable', () => {
    expect(evaluateFeel('data.answer', { data: { answer: 'yes' } })).toEqual({ ok: true, value: 'yes' });
    expect(evaluateFeel('data.answer', { data: { answer: 'no' } })).toEqual({ ok: true, value: 'no' });
  });

  it('evaluates expressions over long lists each time, correctly', () => {
    const items = Array.from({ length: 2_000 }, (_, i) => i);
    expect(evaluateFeel('count(items[item >= limit])', { items, limit: 1_500 })).toEqual({
      ok: true,
      value: 500,
    });
    expect(evaluateFeel('count(items[item >= limit])', { items, limit: 1_900 })).toEqual({
      ok: true,
      value: 100,
    });
  });

  it('hands every caller its own copy of a list or context value', () => {
    const first = evaluateFeel('[1, 2]', {});
    const second = evaluateFeel('[1, 2]', {});
    if (!first.ok || !second.ok) throw new Error('expected values');
    (first.value as number[]).push(3);
    expect(second.value).toEqual([1, 2]);
    expect(evaluateFeel('[1, 2]', {})).toEqual({ ok: true, value: [1, 2] });
  });

  it('reports invoked functions separately from the variables read', () => {
    expect(checkFeel('count(list) > n and today() > start')).toMatchObject({
      ok: true,
      names: ['list', 'n', 'start'],
      functions: ['count', 'today'],
    });
  });

  it('locates a syntax error, so the designer can say where in the people’s language', () => {
    expect(checkFeel('budget >')).toMatchObject({ ok: false, position: 8 });
    expect(checkFeel('(budget > 5')).toMatchObject({ ok: false, position: 11 });
    expect(checkFeel('budget > 5000')).toMatchObject({ ok: true });
  });
});
