// Every vendor's sandbox routes. `startSandbox()` registers all of them.
import type { Sandbox } from '../server';

export type RegisterVendor = (sandbox: Sandbox) => void;

export const VENDOR_ROUTES: readonly RegisterVendor[] = [
  // one line per vendor, e.g. registerAlumio,
];
