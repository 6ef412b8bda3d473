// Shared by the Blueworks vendor tests (blueworks-*.test.ts): the vendor suite with its account (a User Service
// ID against the sandbox) and the requests those tests count.
import { blueworks } from '../../../../src/core/vendors/blueworks';
import type { RecordedRequest } from '../../../sandbox/server';
import { BLUEWORKS_SANDBOX } from '../../../sandbox/vendors/blueworks';
import { useVendorSuite, type VendorSuite } from './vendor-support';

export const S = BLUEWORKS_SANDBOX.spaces;

/** Call inside a `describe`: the Blueworks suite, and the token and space requests its sandbox has received. */
export function useBlueworksSuite(): {
  readonly suite: VendorSuite;
  /** Every token request so far. */
  readonly tokenRequests: () => RecordedRequest[];
  /** Every request so far for the space `id`. */
  readonly spaceRequests: (id: string) => RecordedRequest[];
} {
  const suite = useVendorSuite(blueworks, {
    settings: (sandbox) => ({ id: 'bw', baseUrl: sandbox.url, clientId: BLUEWORKS_SANDBOX.clientId }),
    secrets: { clientSecret: BLUEWORKS_SANDBOX.clientSecret },
  });
  return {
    suite,
    tokenRequests: () => suite.sandbox.received.filter((r) => r.method === 'POST' && r.url === '/oauth/token'),
    spaceRequests: (id) => suite.sandbox.received.filter((r) => r.url.startsWith(`/bwl/spaces/${encodeURIComponent(id)}?`)),
  };
}
