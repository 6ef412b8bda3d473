/** Every vendor Spaces Explorer can talk to. Adding one: its file, its catalog entry, one line here. */
import { alumio } from './alumio';
import { blueworks } from './blueworks';
import type { VendorId } from './catalog';
import { onedata } from './onedata';
import { openlayer } from './openlayer';
import { sharely } from './sharely';
import type { Vendor } from './vendor';

export const VENDOR_REGISTRY: Readonly<Record<VendorId, Vendor>> = { alumio, sharely, openlayer, onedata, blueworks };
