// The demo team's Onezone: a research user whose effective_spaces lists five spaces, each supported by
// one to three storage providers ({providerId: bytes}, creationTime in Unix seconds), one not supported
// yet; and a partner zone's token that has expired.
const TiB = 1024 ** 4;
const GiB = 1024 ** 3;

/** Storage providers by (opaque, 32-hex) id. */
const PROVIDER = {
  campus: '4f1d8a2c9e0b7d36a5c1e8f2b9d04a67',
  cloud: 'b82e5c0d1f9a4736e2c8d5b0a1f3e749',
  hpc: 'e0c7a9b3d5f2184c6a9e1b7d3f5c2a08',
} as const;

const creator = { type: 'user', id: '9d2f4b7e1c8a3d6f0b5e2c9a7d1f4b38' };

export const ONEDATA_TEAM = {
  /** The research user's token. */
  token: 'MDAxY2xvY2F0aW9uIGJyaWdodGZpZWxkLXJlc2VhcmNo',
  /** A partner zone's token whose time caveat has passed. */
  expiredToken: 'MDAxY2xvY2F0aW9uIHBhcnRuZXItZXhjaGFuZ2U',
  /** Until when it was valid (Unix seconds): 1 November 2025. */
  expiredAt: 1_761_955_200,
} as const;

/** Each space by id, as `GET /user/effective_spaces/{id}` answers it, in listing order. */
export const ONEDATA_TEAM_SPACES: ReadonlyMap<string, unknown> = new Map(
  [
    {
      spaceId: '1b6e0f3c8a2d4e5f9c7b0a1d2e3f4c5b',
      name: 'Field trials 2025',
      providers: { [PROVIDER.campus]: 12 * TiB, [PROVIDER.cloud]: 6 * TiB, [PROVIDER.hpc]: 2 * TiB },
      creationTime: 1_735_812_000,
      description: 'Plot measurements, weather logs and photos from the **2025** trial season, one folder per site.',
      organizationName: 'Brightfield Research',
      tags: ['field-trials', 'agronomy'],
    },
    {
      spaceId: '2c7f1a4d9b3e5f60ad8c1b2e3f4a5d6c',
      name: 'Satellite imagery',
      providers: { [PROVIDER.cloud]: 48 * TiB, [PROVIDER.hpc]: 16 * TiB },
      creationTime: 1_688_205_600,
      description: 'Sentinel-2 tiles over the trial regions, cloud-masked, as Cloud-Optimised GeoTIFF.',
      organizationName: 'Brightfield Research',
      tags: ['remote-sensing', 'open-data'],
    },
    {
      spaceId: '3d8a2b5e0c4f6a71be9d2c3f4a5b6e7d',
      name: 'Yield model training sets',
      providers: { [PROVIDER.hpc]: 8 * TiB, [PROVIDER.campus]: 3 * TiB },
      creationTime: 1_709_287_200,
      description: 'Versioned training and validation sets for the yield models evaluated in Openlayer.',
      organizationName: 'Brightfield Research',
      tags: ['ml', 'datasets'],
    },
    {
      spaceId: '4e9b3c6f1d5a7b82cf0e3d4a5b6c7f8e',
      name: 'Soil samples archive',
      providers: { [PROVIDER.campus]: 750 * GiB },
      creationTime: 1_577_872_800,
      description: 'Lab results of soil samples since 2012.',
      organizationName: 'Brightfield Research',
      tags: ['soil', 'archive'],
    },
    {
      spaceId: '5fa0c4d7a2e6b8c93d1f4e5b6c7d8a9f',
      name: 'Drone surveys',
      providers: {},
      creationTime: 1_763_719_200,
      description: 'Multispectral drone flights: waiting for a storage provider to support it.',
      organizationName: 'Brightfield Research',
      tags: ['remote-sensing'],
    },
  ].map((space) => [space.spaceId, { ...space, creator }]),
);
