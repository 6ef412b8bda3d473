/**
 * Entry of the network bundle (`dist/core.js`): undici, the vendor clients and their schemas. The
 * extension loads it on its first request, never at activation, so starting the extension costs none of
 * it.
 */
export { createHttpClient } from './http';
export { VENDOR_REGISTRY } from './vendors/registry';
export { configureL10n } from './l10n';

import type * as core from './index';

export type CoreModule = typeof core;
