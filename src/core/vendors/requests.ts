/** How a vendor client asks: URLs built from opaque ids, and GETs through the shared HTTP client. */
import * as l10n from '@vscode/l10n';
import { SpacesError } from '../errors';
import type { HttpClient } from '../http';
import type { DescribeError } from './errorWording';
import type { FetchOptions } from './vendor';

/**
 * `base` plus path segments, each percent-encoded: ids are opaque and may hold `/`, `?`, `#` or spaces.
 * `.` and `..` survive encoding and would climb the path (to another endpoint, with the credentials), so
 * they are refused.
 */
export function apiUrl(base: string, ...segments: readonly string[]): string {
  const climbing = segments.find((segment) => segment === '.' || segment === '..' || segment === '');
  if (climbing !== undefined) throw new SpacesError('config', l10n.t('"{0}" is not a valid id.', climbing));
  return [base.replace(/\/+$/, ''), ...segments.map(encodeURIComponent)].join('/');
}

/** A GET through the shared client: Refresh skips cached copies, the vendor words the errors. */
export function getJson(http: HttpClient, url: string, headers: Record<string, string>, describeError: DescribeError, options: FetchOptions = {}): Promise<unknown> {
  return http.json({ url, headers, signal: options.signal, cache: options.refresh ? 'refresh' : 'use', describeError });
}
