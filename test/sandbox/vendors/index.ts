// Every vendor's sandbox routes. `startSandbox()` registers all of them.
import type { Sandbox } from '../server';
import { registerAlumio } from './alumio';
import { registerOpenlayer } from './openlayer';
import { registerSharely } from './sharely';
import { registerOnedata } from './onedata';
import { registerBlueworks } from './blueworks';

export type RegisterVendor = (sandbox: Sandbox) => void;

export const VENDOR_ROUTES: readonly RegisterVendor[] = [
  // one line per vendor, e.g. registerAlumio,
  registerAlumio,
  registerSharely,
  registerOpenlayer,
  registerOnedata,
  registerBlueworks,
];
