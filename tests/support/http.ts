/** Talking to the emulators as a signed-in person would: ID tokens, callables, the /api endpoint. */
import { DEFAULT_FUNCTIONS_REGION } from '@thidua/domain';
const AUTH = () => `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST ?? '127.0.0.1:9099'}`;
/** THIDUA_FUNCTIONS_PORT lets a second emulator suite run beside the first on other ports. */
export const FUNCTIONS = `http://127.0.0.1:${process.env.THIDUA_FUNCTIONS_PORT ?? '5001'}/demo-thidua/${DEFAULT_FUNCTIONS_REGION}`;

export async function idToken(email: string, password: string): Promise<string> {
  const res = await fetch(`${AUTH()}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, returnSecureToken: true }),
  });
  const body = (await res.json()) as { idToken?: string; error?: unknown };
  if (!body.idToken) throw new Error(`sign-in failed for ${email}: ${JSON.stringify(body.error)}`);
  return body.idToken;
}

export interface CallResult {
  status: number;
  result?: unknown;
  error?: { status: string; message: string };
}

/** Calls a callable function over its wire protocol (what httpsCallable does). */
export async function call(name: string, data: unknown, token?: string): Promise<CallResult> {
  const res = await fetch(`${FUNCTIONS}/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ data }),
  });
  const body = (await res.json()) as { result?: unknown; error?: { status: string; message: string } };
  return { status: res.status, ...body };
}

/** Reads a document through Firestore's REST API as the token's holder, so the security rules judge it. */
export async function readAs(path: string, token: string): Promise<number> {
  const host = process.env.FIRESTORE_EMULATOR_HOST ?? '127.0.0.1:8080';
  const res = await fetch(`http://${host}/v1/projects/demo-thidua/databases/(default)/documents/${path}`, { headers: { authorization: `Bearer ${token}` } });
  await res.body?.cancel();
  return res.status;
}
