// Every vendor's sandbox routes. `startSandbox()` registers all of them.
// The vendors' example answers are JSON in ../fixtures/<vendor>/, imported (not read at run time) so that
// esbuild bundles them into every build that carries the sandbox: unit, host, bench, out/sandbox.
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
