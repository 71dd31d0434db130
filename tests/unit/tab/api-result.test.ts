import { ApiError } from '../../../src/tab/api-client';
import { apiResult } from '../../../src/tab/api-result';

describe('apiResult', () => {
  it('passes a value through', async () => {
    await expect(apiResult(Promise.resolve(3))).resolves.toEqual({ ok: true, value: 3 });
  });
  it('turns an API refusal into a value with its code, message and issues', async () => {
    const refused = new ApiError('NOT_A_MEMBER', 'You are not a member', 403, [{ path: 'x', message: 'bad' }]);
    await expect(apiResult(Promise.reject(refused))).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_A_MEMBER', message: 'You are not a member', issues: [{ path: 'x', message: 'bad' }] },
    });
  });
  it('still throws a bug', async () => {
    await expect(apiResult(Promise.reject(new TypeError('oops')))).rejects.toThrow('oops');
  });
});
