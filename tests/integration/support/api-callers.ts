// Callers for the API suites: a signed-in person (cookie + CSRF header, through apiAgent) and a
// bearer-token caller (no cookie, no CSRF header), both answering { status, headers, json, text }.
import { apiAgent } from '../../support/test-server';

export type Call = ReturnType<typeof apiAgent>;

export async function signIn(baseUrl: string, username: string, password: string): Promise<Call> {
  const agent = apiAgent(baseUrl);
  const res = await agent('POST', '/api/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${res.text}`);
  return agent;
}

export function bearer(baseUrl: string, token: string): Call {
  const agent = apiAgent(baseUrl);
  return (method, path, body, headers = {}) =>
    agent(method, path, body, { 'x-requested-with': '', authorization: `Bearer ${token}`, ...headers });
}
