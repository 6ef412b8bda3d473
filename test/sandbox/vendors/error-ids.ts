// Test-only ids shared by the Alumio, Sharely.ai and Openlayer sandboxes: a space id `status-<code>`
// answers that status in the vendor's own error shape, so every error kind can be produced through the
// vendor's real path without fault injection.
import type { ErrorShape, SandboxResponse } from '../server';

const MESSAGES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Invalid API key',
  403: 'You do not have access to this space',
  404: 'Space not found',
  429: 'Too many requests, slow down',
  500: 'Internal server error',
  502: 'Bad gateway',
};

/** The error answer an id like `status-403` asks for, or undefined for any other id. */
export function statusAnswer(id: string, shape: ErrorShape): SandboxResponse | undefined {
  const match = /^status-(\d{3})$/.exec(id);
  if (!match) return undefined;
  const status = Number(match[1]);
  // `retry-after: 0` keeps a retrying client fast in tests.
  return { status, headers: status === 429 ? { 'retry-after': '0' } : {}, body: shape(status, MESSAGES[status] ?? 'Sandbox error') };
}

/** The token of an `Authorization: Bearer <token>` header, if that is what was sent. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
}
