// The sandbox as a library for the plain-JavaScript harness (e2e tests, demo): bundled to out/sandbox/index.js.
export { startSandbox, Sandbox, sandboxCertificate } from './server';
export { accountEntry } from './builders';
export { testProfile } from './testProfile';
export { teamProfile } from './team/profile';
export { ALUMIO_SANDBOX, ALUMIO_SEED_SPACE, alumioError } from './vendors/alumio';
export { SHARELY_SANDBOX } from './vendors/sharely';
export { OPENLAYER_SANDBOX, OPENLAYER_SEED_WORKSPACE } from './vendors/openlayer';
export { ONEDATA_SANDBOX } from './vendors/onedata';
export { BLUEWORKS_SANDBOX } from './vendors/blueworks';
export { HOSTILE, WORKBENCH_HOSTILE } from './hostile';
